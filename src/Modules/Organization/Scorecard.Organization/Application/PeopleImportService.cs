using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Domain.Import;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application;

internal sealed record ImportOutcome(ImportResultDto? Result, ImportErrorsDto? Errors);

/// <summary>HRIS CSV import (all-or-nothing, one transaction) and the directory export.</summary>
internal sealed class PeopleImportService(OrganizationDbContext db, ICurrentUser user, IAuditLog audit, TimeProvider clock)
{
    public void RequireAllowed()
    {
        if (!user.IsHrOrAdmin()) throw new ForbiddenException("Only HR or an administrator can import people.");
    }

    public async Task<ImportOutcome> ImportAsync(string csv, CancellationToken ct)
    {
        RequireAllowed();
        var parsed = PeopleCsvParser.Parse(csv);
        if (parsed.Errors.Count > 0) return Failed(parsed.Errors);

        var people = await db.People.ToListAsync(ct);
        var units = await db.Units.ToListAsync(ct);
        var plan = PeopleImportPlanner.Plan(parsed.Rows, people.Select(Snapshot).ToList(),
            units.Select(u => new OrgUnitSnapshot(u.Id, u.Name, u.ParentId)).ToList(),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!plan.Succeeded) return Failed(plan.Errors);

        var createdUnits = new Dictionary<string, OrgUnit>(StringComparer.OrdinalIgnoreCase);
        foreach (var planned in plan.UnitsToCreate)
        {
            var unit = new OrgUnit
            {
                Name = planned.Name,
                ParentId = planned.ExistingParentId ?? (planned.ParentPath is { } parentPath ? createdUnits[parentPath].Id : null),
            };
            createdUnits[planned.Path] = unit;
            db.Units.Add(unit);
        }

        var byId = people.ToDictionary(p => p.Id);
        var byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        foreach (var row in plan.People.Where(r => r.HasChanges))
        {
            var person = row.ExistingPersonId is { } id ? byId[id] : new Person { Email = row.Email, Name = row.Name };
            if (row.Kind == PersonUpsertKind.Create)
            {
                db.People.Add(person);
                byEmail[row.Email] = person;
            }
            person.Email = row.Email;
            person.Name = row.Name;
            person.JobTitle = row.JobTitle;
            person.OrgUnitId = row.OrgUnit.ExistingUnitId ?? createdUnits[row.OrgUnit.Path].Id;
            person.HireDate = row.HireDate;
            person.Gender = row.Gender;
            person.BirthYear = row.BirthYear;
            person.Active = true;
            person.Version = Guid.NewGuid();
        }
        // Managers last: a manager may be created by a later row of the same file.
        foreach (var row in plan.People.Where(r => r.HasChanges))
        {
            var person = row.ExistingPersonId is { } id ? byId[id] : byEmail[row.Email];
            person.ManagerId = row.Manager is null ? null : row.Manager.ExistingPersonId ?? byEmail[row.Manager.Email].Id;
        }

        await db.SaveChangesAsync(ct);
        var result = new ImportResultDto(plan.CreatedCount, plan.UpdatedCount, plan.UnchangedCount, plan.UnitsToCreate.Count);
        await audit.WriteAsync(new AuditEntry("people.imported", "Directory", "people", user.PersonId,
            DataJson: System.Text.Json.JsonSerializer.Serialize(result)), ct);
        return new ImportOutcome(result, null);
    }

    public async Task<string> ExportAsync(CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        return PeopleCsvWriter.Write(people.Select(Snapshot).ToList(),
            units.Select(u => new OrgUnitSnapshot(u.Id, u.Name, u.ParentId)).ToList(),
            includeHrAttributes: user.IsHrOrAdmin());
    }

    private static PersonSnapshot Snapshot(Person p) =>
        new(p.Id, p.Email, p.Name, p.JobTitle, p.OrgUnitId, p.ManagerId, p.HireDate, p.Gender, p.BirthYear, p.Active);

    private static ImportOutcome Failed(IReadOnlyCollection<PeopleImportError> errors)
    {
        var summary = PeopleImportErrorSummary.Of(errors);
        var lines = errors.Select(e => e.Line).Distinct().Count();
        return new(null, new ImportErrorsDto(
            "https://tools.ietf.org/html/rfc4918#section-11.2",
            "The file was not imported.",
            422,
            $"The file has {errors.Count} {(errors.Count == 1 ? "problem" : "problems")} on {lines} {(lines == 1 ? "line" : "lines")}; fix them and import the whole file again.",
            summary.Total,
            summary.Truncated,
            summary.Groups.Select(g => new ImportErrorDto(g.Lines[0], g.Column ?? "", g.Message, g.Lines, g.LineCount)).ToList()));
    }
}
