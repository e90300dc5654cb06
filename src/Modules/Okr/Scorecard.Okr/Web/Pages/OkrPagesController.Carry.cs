using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Okr.Application;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Okr.Web.Pages.Forms;
using Scorecard.Platform;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Web.Pages;

/// <summary>Carrying objectives forward, reordering key results and moving an objective under another parent, on pages.</summary>
public sealed partial class OkrPagesController
{
    private const string NotesKey = "okr-carry-notes";
    private const int KpiSearchLimit = 15;

    [HttpPost("/okr/objectives/{id:guid}/carry-forward")]
    public async Task<IActionResult> CarryForward(Guid id, [FromForm] CarryForm form, CancellationToken ct)
    {
        try
        {
            var result = await Carry.CarryAsync(id, form.Period, ct);
            TempData[NotesKey] = string.Join("\n", result.Notes);
            return Redirect($"/okr/objectives/{result.Copy.Id}?done=carried");
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and < 500 and not 404)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Okr/Objective.cshtml", await ObjectivePageAsync(id, null, e.Message, ct));
        }
    }

    [HttpPost("/okr/carry-forward")]
    public async Task<IActionResult> CarryMany([FromForm] BulkCarryForm form, CancellationToken ct)
    {
        var team = form.ReturnTo == "team";
        try
        {
            if (form.ObjectiveIds.Count == 0) throw new BadInputException("objectiveIds", "Choose at least one objective to carry.");
            var results = await Carry.CarryManyAsync(form.FromPeriod, form.ToPeriod, form.ObjectiveIds, ct);
            TempData[NotesKey] = string.Join("\n", results.SelectMany(r => r.Notes.Select(n => $"{r.Copy.Title}: {n}")));
            var to = Uri.EscapeDataString(results[0].Copy.Period);
            return Redirect(team ? $"/okr/team?period={to}&done=carried" : $"/okr/my-goals?period={to}&done=carried");
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and < 500 and not 404)
        {
            Response.StatusCode = e.StatusCode;
            return team
                ? View("~/Views/Okr/Team.cshtml", (await TeamAsync(form.FromPeriod, ct)) with { Error = e.Message })
                : View("~/Views/Okr/MyGoals.cshtml", await MyGoalsAsync(form.FromPeriod, null, e.Message, ct));
        }
    }

    [HttpPost("/okr/key-results/{id:guid}/move")]
    public async Task<IActionResult> MoveKeyResult(Guid id, [FromForm] MoveKeyResultForm form, CancellationToken ct)
    {
        var objectiveId = await Objectives.ObjectiveOfKeyResultAsync(id, ct);
        return await Act(objectiveId, null, "kr-moved", async () =>
        {
            var order = (await Objectives.GetAsync(objectiveId, ct)).KeyResults.Select(k => k.Id).ToList();
            var at = order.IndexOf(id);
            var to = form.Direction switch
            {
                "up" => at - 1,
                "down" => at + 1,
                _ => throw new BadInputException("direction", "direction must be up or down."),
            };
            if (to < 0 || to >= order.Count) return;
            (order[at], order[to]) = (order[to], order[at]);
            await Objectives.OrderKeyResultsAsync(objectiveId, order, form.Version, ct);
        }, ct);
    }

    /// <summary>Replaces the objective's parents with the one chosen from the search (or none).</summary>
    [HttpPost("/okr/objectives/{id:guid}/move")]
    public Task<IActionResult> MoveParent(Guid id, [FromForm] MoveParentForm form, CancellationToken ct) => Act(id, null, "moved", () =>
    {
        var parents = form.Parent == "none" ? [] : ParseParent(form.Parent) is { Count: 1 } one ? one
            : throw new BadInputException("parents", "Search for the new parent and choose it from the results.");
        var patch = new JsonObject
        {
            ["parents"] = new JsonArray([.. parents.Select(p => (JsonNode)new JsonObject
            {
                [p.OkrObjectiveId is null ? "strategyObjectiveId" : "okrObjectiveId"] = (p.OkrObjectiveId ?? p.StrategyObjectiveId)!.Value.ToString(),
                ["weight"] = 1.0,
            })]),
        };
        if (form.Version is { } version) patch["version"] = version.ToString();
        return Objectives.PatchAsync(id, JsonSerializer.SerializeToElement(patch), ct);
    }, ct);

    /// <summary>The objective page with everything its forms offer (KPIs, parent search results, carry periods).</summary>
    private async Task<ObjectivePageView> ObjectivePageAsync(Guid id, string? message, string? error, CancellationToken ct,
        string? parentSearch = null, string? kpiSearch = null, StaleSave? stale = null)
    {
        var card = await CardAsync(id, ct);
        var o = card.Objective;
        var strategy = Service<IStrategyReader>();
        var kpis = new List<KpiSummary>();
        if (o.CanEdit && !o.Archived)
        {
            if (Service<ICurrentUser>().PersonId is { } me) kpis.AddRange(await strategy.GetKpisOwnedByAsync(me, ct));
            if (!string.IsNullOrWhiteSpace(kpiSearch))
                kpis.AddRange((await strategy.SearchKpisAsync(kpiSearch, KpiSearchLimit, ct)).Where(k => kpis.All(x => x.Id != k.Id)));
        }
        var notes = TakeNotes();
        var candidates = o.CanEdit && !o.Archived && !string.IsNullOrWhiteSpace(parentSearch)
            ? await Service<ParentCandidates>().SearchAsync(id, parentSearch, ct) : null;
        var period = OkrPeriod.Parse(o.Period);
        return new ObjectivePageView(card, null, message, error, kpis)
        {
            Stale = stale,
            Notes = notes,
            KpiSearch = kpiSearch,
            ParentSearch = parentSearch,
            ParentCandidates = candidates,
            CarryPeriods = [.. OkrPeriodSuccession.Following(period, 4).Select(p => p.Code)],
            CarriedInto = [.. (await Carry.CopiesOfAsync([id], ct))[id]],
        };
    }

    /// <summary>The unfinished objectives among <paramref name="objectives"/> that the reader may carry out of <paramref name="period"/>.</summary>
    private async Task<CarryChoice?> CarryChoiceAsync(string period, IEnumerable<ObjectiveDto> objectives, string returnTo, CancellationToken ct)
    {
        var open = objectives.Where(o => o.CanEdit && o.Period == period && OkrFormat.IsUnfinished(o)).ToList();
        if (open.Count == 0) return null;
        var copies = await Carry.CopiesOfAsync([.. open.Select(o => o.Id)], ct);
        var carried = open.Where(o => copies[o.Id].Any()).ToDictionary(o => o.Id, o => string.Join(", ", copies[o.Id].Select(c => c.Period)));
        var to = OkrPeriodSuccession.Following(OkrPeriod.Parse(period), 4).Select(p => p.Code).ToList();
        return new CarryChoice(period, to, open, carried, returnTo);
    }

    private IReadOnlyList<string> TakeNotes() =>
        TempData.TryGetValue(NotesKey, out var saved) && saved is string text && text.Length > 0 ? text.Split('\n') : [];

    private CarryForwardService Carry => Service<CarryForwardService>();
}
