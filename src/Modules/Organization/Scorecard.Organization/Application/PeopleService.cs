using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application;

/// <summary>Directory use cases. Everyone signed in reads; only HR/Admin write; HR-only attributes stay HR-only.</summary>
internal sealed class PeopleService(OrganizationDbContext db, ICurrentUser user, TimeProvider clock, IAuditLog audit,
    Accounts.AccountLinker linker, Accounts.LastAdminRule lastAdmin)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Page<PersonDto>> ListAsync(string? search, Guid? orgUnitId, PageRequest page, CancellationToken ct, bool? active = null)
    {
        var query = db.People.AsNoTracking();
        if (active is { } wanted)
            query = query.Where(p => p.Active == wanted);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = SearchFolding.Fold(search.Trim());
            query = query.Where(p => p.SearchText.Contains(term));
        }
        if (orgUnitId is { } unitId)
        {
            var units = await db.Units.AsNoTracking().ToListAsync(ct);
            var unitIds = ReportingLines.UnitAndDescendants(unitId, units).ToList();
            query = query.Where(p => unitIds.Contains(p.OrgUnitId));
        }
        var total = await query.CountAsync(ct);
        var people = await query.OrderBy(p => p.NameKey).ThenBy(p => p.Email)
            .Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Page<PersonDto>(people.Select(ToDto).ToList(), total);
    }


    /// <summary>One person, read without change tracking.</summary>
    public async Task<PersonDto> GetAsync(Guid id, CancellationToken ct) =>
        ToDto(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Person", id));

    public async Task<PersonDto> CreateAsync(CreatePersonRequest request, CancellationToken ct)
    {
        RequireHr("create people");
        var email = PersonValidation.Email(request.Email);
        var person = new Person
        {
            Email = email,
            Name = PersonValidation.Name(request.Name),
            JobTitle = PersonValidation.JobTitle(request.JobTitle),
            HireDate = PersonValidation.HireDate(request.HireDate, Today),
            Gender = PersonValidation.Gender(request.Gender),
            BirthYear = PersonValidation.BirthYear(request.BirthYear, Today),
        };
        if (await db.People.AnyAsync(p => p.Email == email, ct))
            throw new RuleViolationException("email", $"A person with e-mail '{email}' already exists.");
        person.OrgUnitId = await ExistingUnitAsync(request.OrgUnitId, ct);
        person.ManagerId = await ValidManagerAsync(person.Id, request.ManagerId, ct);
        db.People.Add(person);
        await linker.LinkAsync(person, ct);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("person.created", "person", person.Id.ToString(), user.PersonId,
            After: JsonSerializer.Serialize(new { person.Email, person.Name, person.OrgUnitId, person.ManagerId })), ct);
        return ToDto(person);
    }

    /// <summary>JSON merge-patch: only the fields present change. <c>version</c>, when given, must be current.</summary>
    public async Task<PersonDto> PatchAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        RequireHr("edit people");
        if (patch.ValueKind != JsonValueKind.Object) throw new BadInputException("body", "The body must be a JSON object.");
        var person = await FindAsync(id, ct);
        foreach (var field in patch.EnumerateObject())
        {
            var value = field.Value;
            switch (field.Name)
            {
                case "email":
                    var email = PersonValidation.Email(Text(field));
                    if (email != person.Email && await db.People.AnyAsync(p => p.Email == email, ct))
                        throw new RuleViolationException("email", $"A person with e-mail '{email}' already exists.");
                    person.Email = email;
                    break;
                case "name": person.Name = PersonValidation.Name(Text(field)); break;
                case "jobTitle": person.JobTitle = PersonValidation.JobTitle(Text(field)); break;
                case "orgUnitId": person.OrgUnitId = await ExistingUnitAsync(GuidOf(field), ct); break;
                case "managerId": person.ManagerId = await ValidManagerAsync(person.Id, GuidOf(field), ct); break;
                case "hireDate": person.HireDate = PersonValidation.HireDate(DateOf(field), Today); break;
                case "active": person.Active = value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new BadInputException("active", "active must be true or false."),
                };
                    break;
                case "gender": person.Gender = PersonValidation.Gender(Text(field)); break;
                case "birthYear":
                    person.BirthYear = PersonValidation.BirthYear(
                        value.ValueKind == JsonValueKind.Null ? null
                        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var y) ? y
                        : throw new BadInputException("birthYear", "birthYear must be a whole number."), Today);
                    break;
                case "version":
                    if (GuidOf(field) != person.Version)
                        throw new ConflictException("This person was changed by someone else since you loaded it. Reload and try again.");
                    break;
                case "id":
                    if (GuidOf(field) != person.Id) throw new BadInputException("id", "id cannot be changed.");
                    break;
                default:
                    throw new BadInputException(field.Name, $"Unknown field '{field.Name}'.");
            }
        }
        var change = PersonChangeAudit.Describe(db.Entry(person), user.PersonId);
        person.Version = Guid.NewGuid();
        await SyncAccountAsync(person, ct);
        await db.SaveChangesAsync(ct);
        // In the request's transaction: the record commits with the change, or neither does.
        if (change is not null) await audit.WriteAsync(change, ct);
        return ToDto(person);
    }

    /// <summary>
    /// The account follows the person in the same save: it signs in with the person's current e-mail, and a
    /// new security stamp ends every cookie and token issued before a change of e-mail or a departure.
    /// </summary>
    private async Task SyncAccountAsync(Person person, CancellationToken ct)
    {
        var entry = db.Entry(person);
        var emailChanged = entry.Property(p => p.Email).IsModified;
        var left = entry.Property(p => p.Active).IsModified && !person.Active;
        if (!emailChanged && !left) return;
        if (left) await lastAdmin.EnsurePersonMayLeaveAsync(person.Id, ct);
        var account = await db.Users.FirstOrDefaultAsync(a => a.PersonId == person.Id, ct);
        if (account is null) return;
        if (emailChanged)
        {
            if (await db.Users.AnyAsync(a => a.NormalizedEmail == person.Email.ToUpperInvariant() && a.Id != account.Id, ct))
                throw new RuleViolationException("email", $"An account with e-mail '{person.Email}' already exists.");
            account.UserName = account.Email = person.Email;
            account.NormalizedUserName = account.NormalizedEmail = person.Email.ToUpperInvariant();
        }
        account.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    internal PersonDto ToDto(Person p) => PersonView.ToDto(p, user.IsHrOrAdmin());

    private async Task<Person> FindAsync(Guid id, CancellationToken ct) =>
        await db.People.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Person", id);

    private void RequireHr(string what)
    {
        if (!user.IsHrOrAdmin()) throw new ForbiddenException($"Only HR or an administrator can {what}.");
    }

    private async Task<Guid> ExistingUnitAsync(Guid? unitId, CancellationToken ct)
    {
        if (unitId is not { } id) throw new BadInputException("orgUnitId", "orgUnitId is required.");
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
            throw new RuleViolationException("orgUnitId", $"Org unit '{id}' does not exist.");
        return id;
    }

    private async Task<Guid?> ValidManagerAsync(Guid personId, Guid? managerId, CancellationToken ct)
    {
        if (managerId is not { } id) return null;
        if (!await db.People.AnyAsync(p => p.Id == id, ct))
            throw new RuleViolationException("managerId", $"Manager '{id}' does not exist.");
        var managerOf = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ManagerId, ct);
        if (ReportingLines.WouldCreateCycle(personId, id, managerOf))
            throw new RuleViolationException("managerId", "That manager would create a reporting cycle.");
        return id;
    }

    private static string? Text(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.String => field.Value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be a string."),
    };

    private static Guid? GuidOf(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when Guid.TryParse(field.Value.GetString(), out var g) => g,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be an id (GUID) or null."),
    };

    private static DateOnly? DateOf(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when DateOnly.TryParseExact(field.Value.GetString(), "yyyy-MM-dd", out var d) => d,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be a date (yyyy-MM-dd)."),
    };
}
