using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
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
    public Task<IActionResult> Edit(Guid id, [FromForm] EditObjectiveForm form, CancellationToken ct) => Act(id, null, "edited", () =>
    {
        var patch = new JsonObject { ["title"] = form.Title ?? "", ["description"] = form.Description, ["type"] = form.Type };
        if (form.Version is { } version) patch["version"] = version.ToString();
        return Objectives.PatchAsync(id, JsonSerializer.SerializeToElement(patch), ct);
    }, ct);

    [HttpPost("/okr/objectives/{id:guid}/archive")]
    public Task<IActionResult> Archive(Guid id, CancellationToken ct) => Act(id, null, "archived", () => Objectives.ArchiveAsync(id, ct), ct);

    [HttpPost("/okr/key-results/{id:guid}/edit")]
    public async Task<IActionResult> EditKeyResult(Guid id, [FromForm] EditKeyResultForm form, CancellationToken ct)
    {
        var objectiveId = await Objectives.ObjectiveOfKeyResultAsync(id, ct);
        return await Act(objectiveId, null, "kr-edited", () =>
        {
            var patch = new JsonObject { ["title"] = form.Title ?? "", ["target"] = form.Target };
            if (form.Weight is { } weight) patch["weight"] = weight;
            return Objectives.PatchKeyResultAsync(id, JsonSerializer.SerializeToElement(patch), ct);
        }, ct);
    }

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
        var parents = new List<ParentChoice>();
        foreach (var level in new[] { "company", "department", "team" })
        {
            var list = await Objectives.ListAsync(period.Code, null, null, level, false, PageRequest.From(PageRequest.MaxLimit, 0), ct);
            parents.AddRange(list.Items.Select(o => new ParentChoice($"okr:{o.Id}", $"{o.Level} OKR · {o.OrgUnitName ?? "company"} · {o.Title}")));
        }
        var scorecard = await Service<IStrategyReader>().ListObjectivesAsync(period.Start, ct);
        parents.AddRange(scorecard.Where(s => s.PeriodStart <= period.End && s.PeriodEnd >= period.Start).OrderBy(s => s.ScorecardName).ThenBy(s => s.Name)
            .Select(s => new ParentChoice($"strategy:{s.Id}", $"scorecard · {s.ScorecardName} · {s.PerspectiveName} · {s.Name}")));
        var owner = form.OwnerPersonId is { } ownerId ? await Service<IOrganizationDirectory>().GetPersonAsync(ownerId, ct) : null;
        // Only the unit already chosen (shown again after a refused save); the field searches for the others.
        var unit = form.OrgUnitId is { } unitId ? await Service<IOrganizationDirectory>().GetUnitAsync(unitId, ct) : null;
        return new NewObjectiveView(form, OkrFormat.Periods(Objectives.Today), unit, parents,
            Access.IsAdmin, owner?.Name, error, field);
    }

    private OkrAccess Access => Service<OkrAccess>();
}
