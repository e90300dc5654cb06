using System.Globalization;
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
/// The scorecard builder: create a scorecard and edit its structure on pages. Every form posts to the same
/// commands as the API, so the access rules and the 400/422 rules are the API's; a refused form comes back with
/// the message beside its field and the values as typed.
/// </summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ScorecardBuilderController : Controller
{
    [HttpGet("/scorecards/new")]
    public async Task<IActionResult> New(Guid? unit, CancellationToken ct) =>
        View("~/Views/Strategy/New.cshtml", await NewViewAsync(null, null, unit, ct));

    [HttpPost("/scorecards/new")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var form = Request.Form;
        try
        {
            var id = await Commands.CreateScorecardAsync(new CreateScorecardRequest(
                FormValues.Id(form, "orgUnitId"), FormValues.Text(form, "name") ?? "",
                FormValues.Date(form, "periodStart"), FormValues.Date(form, "periodEnd"), FormValues.Id(form, "ownerId"), null), ct);
            return Redirect($"/scorecards/{id}/edit");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Strategy/New.cshtml", await NewViewAsync(new BuilderError("new", FieldOf(e), e.Message), form, null, ct));
        }
    }

    [HttpGet("/scorecards/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, string? done, CancellationToken ct) =>
        View("~/Views/Strategy/Edit.cshtml", await EditViewAsync(Queries, id, null, null, done, ct));

    [HttpPost("/scorecards/{id:guid}/edit/{part}")]
    public async Task<IActionResult> Save(Guid id, string part, CancellationToken ct)
    {
        var form = Request.Form;
        try
        {
            var done = await SaveAsync(id, part, form, ct);
            return Redirect($"/scorecards/{id}/edit?done={Uri.EscapeDataString(done)}#{part}");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ForbiddenException or ConflictException)
        {
            Response.StatusCode = e.StatusCode;
            var view = await EditViewAsync(Fresh(), id, new BuilderError(part, FieldOf(e), e.Message), form, null, ct);
            return View("~/Views/Strategy/Edit.cshtml", view with { Owner = await PickedOwnerAsync(form, ct) });
        }
    }

    private async Task<string> SaveAsync(Guid scorecardId, string part, IFormCollection form, CancellationToken ct)
    {
        var commands = Commands;
        switch (part)
        {
            case "perspective":
                await commands.AddPerspectiveAsync(scorecardId,
                    new CreatePerspectiveRequest(FormValues.Text(form, "name") ?? "", FormValues.Number(form, "weight"), null), ct);
                return "Perspective added.";
            case "perspective-edit":
            {
                var perspectiveId = FormValues.Id(form, "perspectiveId") ?? throw new BadInputException("perspectiveId", "Choose a perspective.");
                if (form["delete"].Count > 0)
                {
                    await commands.DeletePerspectiveAsync(perspectiveId, ct);
                    return "Perspective deleted.";
                }

                var patch = new Dictionary<string, object?> { ["name"] = FormValues.Text(form, "name") ?? "" };
                if (FormValues.Number(form, "weight") is { } weight) patch["weight"] = weight;
                if (FormValues.Number(form, "position") is { } position) patch["position"] = position;
                await commands.PatchPerspectiveAsync(perspectiveId, JsonSerializer.SerializeToElement(patch), ct);
                return "Perspective saved.";
            }
            case "objective":
                await commands.AddObjectiveAsync(scorecardId, new CreateObjectiveRequest(FormValues.Id(form, "perspectiveId"),
                    FormValues.Text(form, "name") ?? "", FormValues.Text(form, "description"), FormValues.Id(form, "ownerId"),
                    FormValues.Number(form, "weight")), ct);
                return "Objective added.";
            case "kpi":
            {
                var objectiveId = FormValues.Id(form, "objectiveId") ?? throw new BadInputException("objectiveId", "Choose the objective the KPI measures.");
                await EnsureOnScorecardAsync(scorecardId, objectiveId, ct);
                var green = FormValues.Number(form, "green");
                var amber = FormValues.Number(form, "amber");
                await commands.AddKpiAsync(objectiveId, new CreateKpiRequest(FormValues.Text(form, "name") ?? "", FormValues.Text(form, "unit"),
                    FormValues.Id(form, "ownerId"), FormValues.Text(form, "dataSource"), FormValues.Text(form, "direction"),
                    FormValues.Number(form, "baseline"), FormValues.Number(form, "target"), FormValues.Number(form, "min"), FormValues.Number(form, "max"),
                    FormValues.Number(form, "bandLow"), FormValues.Number(form, "bandHigh"),
                    green is null && amber is null ? null
                        : green is { } g && amber is { } a ? new ThresholdsDto(g, a)
                        : throw new RuleViolationException("thresholds", "Give both green and amber thresholds, or neither."),
                    FormValues.Text(form, "updateInterval"), form["leading"].Count > 0, FormValues.Number(form, "weight"), null, null), ct);
                return "KPI added.";
            }
            case "link":
                await commands.AddLinkAsync(scorecardId, new CreateLinkRequest(FormValues.Id(form, "fromObjectiveId"),
                    FormValues.Id(form, "toObjectiveId"), FormValues.Text(form, "hypothesis") ?? ""), ct);
                return "Link added.";
            case "initiative":
            {
                var objectiveId = FormValues.Id(form, "objectiveId") ?? throw new BadInputException("objectiveId", "Choose the objective the initiative serves.");
                await EnsureOnScorecardAsync(scorecardId, objectiveId, ct);
                var budget = FormValues.Number(form, "budget");
                await commands.AddInitiativeAsync(objectiveId, new CreateInitiativeRequest(FormValues.Text(form, "name") ?? "",
                    FormValues.Id(form, "ownerId"), FormValues.Date(form, "start"), FormValues.Date(form, "end"),
                    budget is { } b ? (decimal)b : null, FormValues.Text(form, "status"), FormValues.Number(form, "percentComplete"), null), ct);
                return "Initiative added.";
            }
            default:
                throw new BadInputException("part", $"Unknown form '{part}'.");
        }
    }

    private async Task EnsureOnScorecardAsync(Guid scorecardId, Guid objectiveId, CancellationToken ct)
    {
        var objective = await Queries.GetObjectiveAsync(objectiveId, ct);
        if (objective.ScorecardId != scorecardId)
        {
            throw new RuleViolationException("objectiveId", "The objective is not on this scorecard.");
        }
    }

    private async Task<NewScorecardView> NewViewAsync(BuilderError? error, IFormCollection? form, Guid? unit, CancellationToken ct)
    {
        // Only the unit already chosen (from the link or a refused form); the field searches for the others.
        var chosen = Guid.TryParse(form?["orgUnitId"].FirstOrDefault(), out var posted) ? posted : unit;
        var picked = chosen is { } id ? await Service<IOrganizationDirectory>().GetUnitAsync(id, ct) : null;
        var year = Queries.Today.Year;
        return new NewScorecardView(picked, new BuilderInput(form, error), unit, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    private static async Task<EditScorecardView> EditViewAsync(StrategyQueries queries, Guid id, BuilderError? error, IFormCollection? form,
        string? done, CancellationToken ct)
    {
        var tree = await queries.GetAsync(id, ct);
        return new EditScorecardView(tree, await queries.MapAsync(id, ct), new BuilderInput(form, error), done);
    }

    /// <summary>The owner chosen in a refused form, so its person field shows them again.</summary>
    private async Task<IReadOnlyList<PickedPerson>?> PickedOwnerAsync(IFormCollection form, CancellationToken ct)
    {
        var ownerId = Guid.TryParse(form["ownerId"].FirstOrDefault(), out var oid) ? oid : (Guid?)null;
        return ownerId is { } o && await Service<IOrganizationDirectory>().GetPersonAsync(o, ct) is { } person ? [new PickedPerson(person.Id, person.Name)] : null;
    }

    private static string? FieldOf(ScorecardException e) => e switch { BadInputException b => b.Field, RuleViolationException r => r.Field, _ => null };

    private StrategyCommands Commands => Service<StrategyCommands>();

    private StrategyQueries Queries => Service<StrategyQueries>();

    private StrategyQueries Fresh() => ActivatorUtilities.CreateInstance<StrategyQueries>(HttpContext.RequestServices);

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
