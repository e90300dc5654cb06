using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Web;
using Scorecard.Strategy.Application;
using Scorecard.Strategy.Web.Api.Models;
using Scorecard.Strategy.Web.Pages.Forms;

namespace Scorecard.Strategy.Web.Pages;

/// <summary>
/// The builder's edit pages of one objective, KPI or initiative: every field the API patches, the version the form was read
/// at, and delete. A refused save comes back with the error beside its field; a stale save (409) comes back with the stored
/// values and the list of fields that differ from the ones typed.
/// </summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ScorecardItemsController : Controller
{
    private const string ObjectiveView = "~/Views/Strategy/EditObjective.cshtml";
    private const string KpiView = "~/Views/Strategy/EditKpi.cshtml";
    private const string InitiativeView = "~/Views/Strategy/EditInitiative.cshtml";

    [HttpGet("/scorecards/{id:guid}/edit/objectives/{itemId:guid}")]
    public async Task<IActionResult> Objective(Guid id, Guid itemId, string? done, CancellationToken ct)
    {
        var objective = await ObjectiveOnAsync(Queries, id, itemId, ct);
        return View(ObjectiveView, await ObjectivePageAsync(Queries, objective, new ItemForm(ItemEdits.Current(objective), objective.Version), done, ct));
    }

    [HttpPost("/scorecards/{id:guid}/edit/objectives/{itemId:guid}")]
    public async Task<IActionResult> SaveObjective(Guid id, Guid itemId, CancellationToken ct)
    {
        var objective = await ObjectiveOnAsync(Queries, id, itemId, ct);
        var form = Request.Form;
        return await SaveAsync(
            async () =>
            {
                if (form["delete"].Count > 0)
                {
                    await Commands.DeleteObjectiveAsync(itemId, ct);
                    return $"/scorecards/{id}/edit?done={Uri.EscapeDataString($"Objective \"{objective.Name}\" deleted.")}";
                }

                var contribution = form["contribution"].FirstOrDefault();
                if (contribution == "add")
                {
                    await Commands.ContributeAsync(itemId, new ContributesToRequest(FormValues.Id(form, "parentObjectiveId")
                        ?? throw new BadInputException("parentObjectiveId", "Choose the parent objective."), FormValues.Number(form, "contributionWeight")), ct);
                    return $"/scorecards/{id}/edit/objectives/{itemId}?done=Contribution+added.#contributions";
                }

                if (Guid.TryParse(contribution, out var contributionId))
                {
                    await Service<StructureEdits>().RemoveContributionAsync(itemId, contributionId, ct);
                    return $"/scorecards/{id}/edit/objectives/{itemId}?done=Contribution+removed.#contributions";
                }

                await Commands.PatchObjectiveAsync(itemId, JsonSerializer.SerializeToElement(ItemEdits.ObjectivePatch(form)), ct);
                return $"/scorecards/{id}/edit?done={Uri.EscapeDataString("Objective saved.")}#items";
            },
            async (error, stale) =>
            {
                var current = await ObjectiveOnAsync(Fresh(), id, itemId, ct);
                var page = form.ContainsKey("contribution")
                    ? new ItemForm(ItemEdits.Current(current), current.Version) { Error = error with { Part = "contribution" } }
                    : await FormAfterAsync(ItemEdits.ObjectiveFields, ItemEdits.Current(current), current.Version, form, error, stale, ct);
                return View(ObjectiveView, await ObjectivePageAsync(Fresh(), current, page, null, ct));
            });
    }

    [HttpGet("/scorecards/{id:guid}/edit/kpis/{itemId:guid}")]
    public async Task<IActionResult> Kpi(Guid id, Guid itemId, CancellationToken ct)
    {
        var kpi = await KpiOnAsync(Queries, id, itemId, ct);
        return View(KpiView, await KpiPageAsync(Queries, id, kpi, new ItemForm(ItemEdits.Current(kpi), kpi.Version), ct));
    }

    [HttpPost("/scorecards/{id:guid}/edit/kpis/{itemId:guid}")]
    public async Task<IActionResult> SaveKpi(Guid id, Guid itemId, CancellationToken ct)
    {
        var kpi = await KpiOnAsync(Queries, id, itemId, ct);
        var form = Request.Form;
        return await SaveAsync(
            async () =>
            {
                if (form["delete"].Count > 0)
                {
                    await Service<StructureEdits>().DeleteKpiAsync(itemId, ct);
                    return $"/scorecards/{id}/edit?done={Uri.EscapeDataString($"KPI \"{kpi.Name}\" deleted.")}#items";
                }

                await Commands.PatchKpiAsync(itemId, JsonSerializer.SerializeToElement(ItemEdits.KpiPatch(form)), ct);
                return $"/scorecards/{id}/edit?done={Uri.EscapeDataString("KPI saved.")}#items";
            },
            async (error, stale) =>
            {
                var current = await KpiOnAsync(Fresh(), id, itemId, ct);
                var page = await FormAfterAsync(ItemEdits.KpiFields, ItemEdits.Current(current), current.Version, form, error, stale, ct);
                return View(KpiView, await KpiPageAsync(Fresh(), id, current, page, ct));
            });
    }

    [HttpGet("/scorecards/{id:guid}/edit/initiatives/{itemId:guid}")]
    public async Task<IActionResult> Initiative(Guid id, Guid itemId, CancellationToken ct)
    {
        var initiative = await InitiativeOnAsync(Queries, id, itemId, ct);
        return View(InitiativeView, await InitiativePageAsync(Queries, id, initiative, new ItemForm(ItemEdits.Current(initiative), initiative.Version), ct));
    }

    [HttpPost("/scorecards/{id:guid}/edit/initiatives/{itemId:guid}")]
    public async Task<IActionResult> SaveInitiative(Guid id, Guid itemId, CancellationToken ct)
    {
        var initiative = await InitiativeOnAsync(Queries, id, itemId, ct);
        var form = Request.Form;
        return await SaveAsync(
            async () =>
            {
                if (form["delete"].Count > 0)
                {
                    await Service<StructureEdits>().DeleteInitiativeAsync(itemId, ct);
                    return $"/scorecards/{id}/edit?done={Uri.EscapeDataString($"Initiative \"{initiative.Name}\" deleted.")}#items";
                }

                await Commands.PatchInitiativeAsync(itemId, JsonSerializer.SerializeToElement(ItemEdits.InitiativePatch(form)), ct);
                return $"/scorecards/{id}/edit?done={Uri.EscapeDataString("Initiative saved.")}#items";
            },
            async (error, stale) =>
            {
                var current = await InitiativeOnAsync(Fresh(), id, itemId, ct);
                var page = await FormAfterAsync(ItemEdits.InitiativeFields, ItemEdits.Current(current), current.Version, form, error, stale, ct);
                return View(InitiativeView, await InitiativePageAsync(Fresh(), id, current, page, ct));
            });
    }

    /// <summary>Runs the save; a refusal re-shows the page with the refusal's status code.</summary>
    private async Task<IActionResult> SaveAsync(Func<Task<string>> save, Func<BuilderError, bool, Task<IActionResult>> refused)
    {
        try
        {
            return Redirect(await save());
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ForbiddenException or ConflictException)
        {
            Response.StatusCode = e.StatusCode;
            var field = e switch { BadInputException b => b.Field, RuleViolationException r => r.Field, _ => null };
            return await refused(new BuilderError("item", field, e.Message), e is ConflictException);
        }
    }

    /// <summary>
    /// The form after a refusal: as typed, with the error beside its field — or, when the save was stale, the stored values
    /// and version with what differs from the typed ones, so nothing is overwritten unseen.
    /// </summary>
    private async Task<ItemForm> FormAfterAsync(ItemField[] fields, IReadOnlyDictionary<string, string?> current, Guid version,
        IFormCollection form, BuilderError error, bool stale, CancellationToken ct)
    {
        var yours = ItemForm.Posted(form, fields);
        if (!stale)
        {
            return new ItemForm(yours, FormValues.Id(form, "version") ?? version) { Error = error };
        }

        var names = new Dictionary<string, string>();
        foreach (var owner in new[] { yours.GetValueOrDefault("ownerId"), current.GetValueOrDefault("ownerId") })
        {
            if (Guid.TryParse(owner, out var personId) && await Service<IOrganizationDirectory>().GetPersonAsync(personId, ct) is { } person)
            {
                names[owner!] = person.Name;
            }
        }

        string Show(string field, string? value) =>
            string.IsNullOrWhiteSpace(value) ? "(empty)"
            : field == "ownerId" ? names.GetValueOrDefault(value, value)
            : field == "leading" ? "yes"
            : value;

        var changes = ItemForm.Differences(fields, yours, current, Show);
        return new ItemForm(current, version)
        {
            Error = error with { Field = null, Message = "Someone else saved this since you opened it, so your changes were not saved. The form now shows the stored values; apply your changes again if they still hold." },
            Changes = changes,
        };
    }

    private async Task<ObjectiveEditView> ObjectivePageAsync(StrategyQueries queries, ObjectiveDto objective, ItemForm form, string? done, CancellationToken ct)
    {
        var scorecard = await queries.GetAsync(objective.ScorecardId, ct);
        var parents = scorecard.ParentScorecardId is { } parentId
            ? (await queries.GetAsync(parentId, ct)).Perspectives.SelectMany(p => p.Objectives)
                .Where(o => objective.ContributesTo.All(c => c.ParentObjectiveId != o.Id)).Select(o => (o.Id, o.Name)).ToList()
            : [];
        return new ObjectiveEditView(scorecard, objective, form, await OwnerAsync(form, ct), parents, done);
    }

    private async Task<KpiEditView> KpiPageAsync(StrategyQueries queries, Guid scorecardId, KpiDto kpi, ItemForm form, CancellationToken ct)
    {
        var scorecard = await queries.GetAsync(scorecardId, ct);
        var objective = scorecard.Perspectives.SelectMany(p => p.Objectives).First(o => o.Id == kpi.ObjectiveId);
        return new KpiEditView(scorecard, objective.Name, kpi, form, await OwnerAsync(form, ct));
    }

    private async Task<InitiativeEditView> InitiativePageAsync(StrategyQueries queries, Guid scorecardId, InitiativeDto initiative, ItemForm form, CancellationToken ct)
    {
        var scorecard = await queries.GetAsync(scorecardId, ct);
        var served = scorecard.Perspectives.SelectMany(p => p.Objectives).Where(o => initiative.ObjectiveIds.Contains(o.Id)).Select(o => o.Name).ToList();
        return new InitiativeEditView(scorecard, initiative, form, await OwnerAsync(form, ct), served);
    }

    /// <summary>The person the form's owner field holds, so the picker shows their name.</summary>
    private async Task<IReadOnlyList<PickedPerson>?> OwnerAsync(ItemForm form, CancellationToken ct) =>
        Guid.TryParse(form.Value("ownerId"), out var ownerId) && await Service<IOrganizationDirectory>().GetPersonAsync(ownerId, ct) is { } person
            ? [new PickedPerson(person.Id, person.Name)]
            : null;

    private static async Task<ObjectiveDto> ObjectiveOnAsync(StrategyQueries queries, Guid scorecardId, Guid id, CancellationToken ct)
    {
        var objective = await queries.GetObjectiveAsync(id, ct);
        return objective.ScorecardId == scorecardId ? objective : throw new NotFoundException("Objective", id);
    }

    private static async Task<KpiDto> KpiOnAsync(StrategyQueries queries, Guid scorecardId, Guid id, CancellationToken ct)
    {
        var kpi = await queries.GetKpiAsync(id, ct);
        await ObjectiveOnAsync(queries, scorecardId, kpi.ObjectiveId, ct);
        return kpi;
    }

    private static async Task<InitiativeDto> InitiativeOnAsync(StrategyQueries queries, Guid scorecardId, Guid id, CancellationToken ct) =>
        (await queries.InitiativesAsync(scorecardId, ct)).FirstOrDefault(i => i.Id == id) ?? throw new NotFoundException("Initiative", id);

    private StrategyCommands Commands => Service<StrategyCommands>();

    private StrategyQueries Queries => Service<StrategyQueries>();

    private StrategyQueries Fresh() => ActivatorUtilities.CreateInstance<StrategyQueries>(HttpContext.RequestServices);

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
