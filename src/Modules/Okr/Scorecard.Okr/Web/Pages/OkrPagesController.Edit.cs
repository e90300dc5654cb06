using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Application;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Okr.Web.Pages.Forms;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Web.Pages;

/// <summary>Creating objectives at every level, and editing an objective and its key results, on pages (through <see cref="ObjectivesService"/>).</summary>
public sealed partial class OkrPagesController
{
    [HttpGet("/okr/objectives/new")]
    public async Task<IActionResult> New(string? period, string? level, Guid? parent, CancellationToken ct)
    {
        var form = new NewObjectiveForm
        {
            Period = Alignment.PeriodOrCurrent(period).Code,
            Level = level ?? (Access.IsAdmin ? "company" : "individual"),
            Parent = parent is { } p ? $"okr:{p}" : null,
        };
        return View("~/Views/Okr/NewObjective.cshtml", await NewViewAsync(form, null, null, ct));
    }

    [HttpPost("/okr/objectives/new")]
    public async Task<IActionResult> Create([FromForm] NewObjectiveForm form, CancellationToken ct)
    {
        try
        {
            var individual = form.Level == "individual";
            var parents = ParseParent(form.Parent);
            var created = await Objectives.CreateAsync(new CreateObjectiveRequest(form.Title ?? "", form.Level ?? "", form.Period,
                individual ? form.OwnerPersonId : null, individual || form.Level == "company" ? null : form.OrgUnitId,
                form.Type, parents, form.Description, null), ct);
            return Redirect($"/okr/objectives/{created.Id}?done=created");
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and < 500)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Okr/NewObjective.cshtml", await NewViewAsync(form, e.Message, FieldOf(e), ct));
        }
    }

    [HttpPost("/okr/objectives/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromForm] EditObjectiveForm form, CancellationToken ct)
    {
        try
        {
            var patch = new JsonObject { ["title"] = form.Title ?? "", ["description"] = form.Description, ["type"] = form.Type };
            if (form.Version is { } version) patch["version"] = version.ToString();
            await Objectives.PatchAsync(id, JsonSerializer.SerializeToElement(patch), ct);
            return Redirect($"/okr/objectives/{id}?done=edited");
        }
        catch (ConflictException e)
        {
            var current = await Objectives.GetAsync(id, ct);
            if (form.Version is null || form.Version == current.Version) return await Refused(id, e, ct);
            return await StaleAsync(id, new StaleSave("objective", null, Changes(
                ("Title", form.Title, current.Title), ("Description", form.Description, current.Description), ("Type", form.Type, current.Type))), ct);
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and < 500 and not 404)
        {
            return await Refused(id, e, ct);
        }
    }

    [HttpPost("/okr/objectives/{id:guid}/archive")]
    public Task<IActionResult> Archive(Guid id, CancellationToken ct) => Act(id, null, "archived", () => Objectives.ArchiveAsync(id, ct), ct);

    /// <summary>Saves the fields the form sent (the ones its key result's kind shows); a stale version re-shows the current values.</summary>
    [HttpPost("/okr/key-results/{id:guid}/edit")]
    public async Task<IActionResult> EditKeyResult(Guid id, [FromForm] EditKeyResultForm form, CancellationToken ct)
    {
        var objectiveId = await Objectives.ObjectiveOfKeyResultAsync(id, ct);
        var sent = Request.Form;
        try
        {
            var patch = new JsonObject { ["title"] = form.Title ?? "" };
            if (sent.ContainsKey("Start")) patch["start"] = form.Start;
            if (sent.ContainsKey("Target")) patch["target"] = form.Target;
            if (sent.ContainsKey("Unit")) patch["unit"] = form.Unit;
            if (sent.ContainsKey("Weight")) patch["weight"] = form.Weight;
            if (sent.ContainsKey("DueDate")) patch["dueDate"] = form.DueDate?.ToString("yyyy-MM-dd");
            if (sent.ContainsKey("BandLow")) patch["bandLow"] = form.BandLow;
            if (sent.ContainsKey("BandHigh")) patch["bandHigh"] = form.BandHigh;
            if (form.Version is { } version) patch["version"] = version.ToString();
            await Objectives.PatchKeyResultAsync(id, JsonSerializer.SerializeToElement(patch), ct);
            return Redirect($"/okr/objectives/{objectiveId}?done=kr-edited");
        }
        catch (ConflictException e)
        {
            var current = (await Objectives.GetAsync(objectiveId, ct)).KeyResults.Single(k => k.Id == id);
            if (form.Version is null || form.Version == current.Version) return await Refused(objectiveId, e, ct);
            var fields = new List<(string, string?, string?)> { ("Title", form.Title, current.Title) };
            if (sent.ContainsKey("Start")) fields.Add(("Start", OkrFormat.Input(form.Start), OkrFormat.Input(current.Start)));
            if (sent.ContainsKey("Target")) fields.Add(("Target", OkrFormat.Input(form.Target), OkrFormat.Input(current.Target)));
            if (sent.ContainsKey("Unit")) fields.Add(("Unit", form.Unit, current.Unit));
            if (sent.ContainsKey("Weight")) fields.Add(("Weight", OkrFormat.Input(form.Weight), OkrFormat.Input(current.Weight)));
            if (sent.ContainsKey("DueDate")) fields.Add(("Due date", form.DueDate?.ToString("yyyy-MM-dd"), current.DueDate?.ToString("yyyy-MM-dd")));
            if (sent.ContainsKey("BandLow")) fields.Add(("Band low", OkrFormat.Input(form.BandLow), OkrFormat.Input(current.BandLow)));
            if (sent.ContainsKey("BandHigh")) fields.Add(("Band high", OkrFormat.Input(form.BandHigh), OkrFormat.Input(current.BandHigh)));
            return await StaleAsync(objectiveId, new StaleSave("key result", id, Changes([.. fields])), ct);
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and < 500 and not 404)
        {
            return await Refused(objectiveId, e, ct);
        }
    }

    private async Task<IActionResult> Refused(Guid objectiveId, ScorecardException e, CancellationToken ct)
    {
        Response.StatusCode = e.StatusCode;
        return View("~/Views/Okr/Objective.cshtml", await ObjectivePageAsync(objectiveId, null, e.Message, ct));
    }

    /// <summary>409: the page again, its forms holding the values stored now, and what differs from what the person typed.</summary>
    private async Task<IActionResult> StaleAsync(Guid objectiveId, StaleSave stale, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("~/Views/Okr/Objective.cshtml", await ObjectivePageAsync(objectiveId, null, null, ct, stale: stale));
    }

    private static List<FieldChange> Changes(params (string Field, string? Yours, string? Current)[] fields) =>
        [.. fields.Select(f => (f.Field, Yours: f.Yours?.Trim() ?? "", Current: f.Current ?? ""))
            .Where(f => !string.Equals(f.Yours, f.Current, StringComparison.Ordinal))
            .Select(f => new FieldChange(f.Field, f.Yours, f.Current))];

    [HttpPost("/okr/key-results/{id:guid}/delete")]
    public async Task<IActionResult> DeleteKeyResult(Guid id, CancellationToken ct)
    {
        var objectiveId = await Objectives.ObjectiveOfKeyResultAsync(id, ct);
        return await Act(objectiveId, null, "kr-deleted", () => Objectives.DeleteKeyResultAsync(id, ct), ct);
    }

    private static List<ParentLinkRequest> ParseParent(string? parent)
    {
        if (string.IsNullOrWhiteSpace(parent)) return [];
        var parts = parent.Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id) || parts[0] is not ("okr" or "strategy"))
            throw new BadInputException("parents", "Choose a parent from the list.");
        return [parts[0] == "okr" ? new ParentLinkRequest(id, null, 1.0) : new ParentLinkRequest(null, id, 1.0)];
    }

    private static string? FieldOf(ScorecardException e) => e switch
    {
        BadInputException b => b.Field,
        RuleViolationException r => r.Field,
        AlignmentCycleException => "parents",
        _ => null,
    };

    private async Task<NewObjectiveView> NewViewAsync(NewObjectiveForm form, string? error, string? field, CancellationToken ct)
    {
        var period = OkrPeriod.TryParse(form.Period ?? "", out var p, out _) ? p : Alignment.PeriodOrCurrent(null);
        // Parents offered: the company's objectives and those of the units around this objective (the person's unit, the
        // chosen unit and the units above them), so the list follows the depth of the tree, not the size of the company.
        // Any other parent is found by title on the objective page ("Move under another parent").
        var nearby = await NearbyUnitsAsync(form.OrgUnitId, ct);
        var parents = new List<ParentChoice>();
        var company = await Objectives.ListAsync(period.Code, null, null, "company", false, PageRequest.From(ParentChoicesPerList, 0), ct);
        parents.AddRange(company.Items.Select(o => new ParentChoice($"okr:{o.Id}", $"company OKR · company · {o.Title}")));
        foreach (var nearbyUnit in nearby)
        {
            var list = await Objectives.ListAsync(period.Code, null, nearbyUnit, null, false, PageRequest.From(ParentChoicesPerList, 0), ct);
            parents.AddRange(list.Items.Where(o => o.Level is "department" or "team")
                .Select(o => new ParentChoice($"okr:{o.Id}", $"{o.Level} OKR · {o.OrgUnitName} · {o.Title}")));
        }
        var scorecard = await Service<IStrategyReader>().ListObjectivesAsync(period.Start, ct);
        parents.AddRange(scorecard.Where(s => s.PeriodStart <= period.End && s.PeriodEnd >= period.Start
                && (s.IsCompanyScorecard || s.ScorecardOrgUnitId is { } u && nearby.Contains(u)))
            .OrderBy(s => s.ScorecardName).ThenBy(s => s.Name)
            .Select(s => new ParentChoice($"strategy:{s.Id}", $"scorecard · {s.ScorecardName} · {s.PerspectiveName} · {s.Name}")));
        var owner = form.OwnerPersonId is { } ownerId ? await Service<IOrganizationDirectory>().GetPersonAsync(ownerId, ct) : null;
        // Only the unit already chosen (shown again after a refused save); the field searches for the others.
        var unit = form.OrgUnitId is { } unitId ? await Service<IOrganizationDirectory>().GetUnitAsync(unitId, ct) : null;
        return new NewObjectiveView(form, OkrFormat.Periods(Objectives.Today), unit, parents,
            Access.IsAdmin, owner?.Name, error, field);
    }

    private const int ParentChoicesPerList = 50;

    /// <summary>The person's unit, the unit chosen in the form, and every unit above them.</summary>
    private async Task<IReadOnlyList<Guid>> NearbyUnitsAsync(Guid? chosenUnit, CancellationToken ct)
    {
        var directory = Service<IOrganizationDirectory>();
        var start = new List<Guid>();
        if (chosenUnit is { } chosen) start.Add(chosen);
        if (Access.PersonId is { } me && await directory.GetPersonAsync(me, ct) is { } person) start.Add(person.OrgUnitId);
        var units = new List<Guid>();
        foreach (var first in start)
        {
            for (Guid? id = first; id is { } current && !units.Contains(current);)
            {
                units.Add(current);
                id = (await directory.GetUnitAsync(current, ct))?.ParentId;
            }
        }
        return units;
    }

    private OkrAccess Access => Service<OkrAccess>();
}
