using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Strategy.Application;
using Scorecard.Strategy.Web.Api.Models;
using Scorecard.Strategy.Web.Charts;
using Scorecard.Strategy.Web.Pages.Forms;

namespace Scorecard.Strategy.Web.Pages;

[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class StrategyPagesController : Controller
{
    [HttpGet("/scorecards")]
    public async Task<IActionResult> Index(Guid? unit, int page = 0, CancellationToken ct = default)
    {
        page = Math.Max(0, page);
        var list = await Queries.ListAsync(unit, null, PageRequest.From(ScorecardListView.PageSize, page * ScorecardListView.PageSize), ct);
        var filter = unit is { } id ? await Service<IOrganizationDirectory>().GetUnitAsync(id, ct) : null;
        return View("~/Views/Strategy/Index.cshtml", new ScorecardListView(list.Items, filter, unit) { Total = list.Total, PageIndex = page });
    }

    [HttpGet("/scorecards/{id:guid}")]
    public async Task<IActionResult> Scorecard(Guid id, [FromQuery] string? copyError, CancellationToken ct)
    {
        ViewData["CopyError"] = copyError;
        var queries = Queries;
        var tree = await queries.GetAsync(id, ct);
        var sparklines = await queries.SparklinesAsync(tree.Perspectives.SelectMany(p => p.Objectives).SelectMany(o => o.Kpis).Select(k => k.Id).ToList(), 13, ct);
        var parent = tree.ParentScorecardId is { } pid ? (await queries.ScorecardOrNullAsync(pid, ct))?.Name : null;
        return View("~/Views/Strategy/Scorecard.cshtml", new ScorecardView(tree, sparklines, await queries.HealthAsync(id, ct), parent));
    }

    /// <summary>"Copy to the next period": structure, owners and targets, no measurements; the copy opens.</summary>
    [HttpPost("/scorecards/{id:guid}/copy")]
    public async Task<IActionResult> Copy(Guid id, [FromForm] DateOnly? periodStart, [FromForm] DateOnly? periodEnd, [FromForm] string? name, CancellationToken ct)
    {
        try
        {
            var copy = await Service<ScorecardCopier>().CopyAsync(id, new CopyScorecardRequest(periodStart, periodEnd, string.IsNullOrWhiteSpace(name) ? null : name), ct);
            return Redirect($"/scorecards/{copy}");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException)
        {
            return Redirect($"/scorecards/{id}?copyError={Uri.EscapeDataString(e.Message)}#copy-scorecard");
        }
    }

    [HttpGet("/scorecards/{id:guid}/map")]
    public async Task<IActionResult> Map(Guid id, CancellationToken ct)
    {
        var tree = await Queries.GetAsync(id, ct);
        var map = await Queries.MapAsync(id, ct);
        return View("~/Views/Strategy/Map.cshtml", new StrategyMapView(tree, map, Svg.StrategyMap(tree, map)));
    }

    [HttpGet("/scorecards/{id:guid}/initiatives")]
    public async Task<IActionResult> Initiatives(Guid id, CancellationToken ct)
    {
        var tree = await Queries.GetAsync(id, ct);
        var names = tree.Perspectives.SelectMany(p => p.Objectives).ToDictionary(o => o.Id, o => o.Name);
        return View("~/Views/Strategy/Initiatives.cshtml", new InitiativesView(tree, await Queries.InitiativesAsync(id, ct), names));
    }

    [HttpGet("/objectives/{id:guid}/line-of-sight")]
    public async Task<IActionResult> LineOfSight(Guid id, CancellationToken ct)
    {
        var objective = await Queries.GetObjectiveAsync(id, ct);
        var scorecard = await Queries.ScorecardAsync(objective.ScorecardId, ct);
        var sight = await Queries.LineOfSightAsync(id, ct);
        return View("~/Views/Strategy/LineOfSight.cshtml", new LineOfSightView(objective, scorecard.Name, sight, Svg.LineOfSight(sight, objective.Name)));
    }

    [HttpGet("/kpis/{id:guid}")]
    public async Task<IActionResult> Kpi(Guid id, string? done, CancellationToken ct) =>
        View("~/Views/Strategy/Kpi.cshtml", await WithCorrectionsAsync(await KpiViewAsync(Queries, id, done, null, null, null, ct), null, ct));

    /// <summary>Corrects (value and reason) or deletes (reason) one measurement; refused input comes back beside its field.</summary>
    [HttpPost("/kpis/{id:guid}/measurements/{measurementId:guid}")]
    public async Task<IActionResult> CorrectMeasurement(Guid id, Guid measurementId, CancellationToken ct)
    {
        var form = Request.Form;
        try
        {
            var reason = FormValues.Text(form, "reason") ?? "";
            var version = FormValues.Id(form, "version");
            var corrections = Service<MeasurementCorrections>();
            if (form["delete"].Count > 0)
            {
                await corrections.DeleteAsync(id, measurementId, new DeleteMeasurementRequest(reason,
                    version ?? throw new BadInputException("version", "The form has no version; reload the page.")), ct);
                return Redirect($"/kpis/{id}?done=Measurement+deleted.#history");
            }

            await corrections.CorrectAsync(id, measurementId, new CorrectMeasurementRequest(
                FormValues.Number(form, "value") ?? throw new BadInputException("value", "Enter the corrected value."), reason, version), ct);
            return Redirect($"/kpis/{id}?done=Measurement+corrected.#history");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ForbiddenException or ConflictException)
        {
            Response.StatusCode = e.StatusCode;
            var field = e switch { BadInputException b => b.Field, RuleViolationException r => r.Field, _ => null };
            var refused = new MeasurementRefusal(measurementId, field, e.Message, e is ConflictException ? null : form["value"].FirstOrDefault(),
                form["reason"].FirstOrDefault());
            return View("~/Views/Strategy/Kpi.cshtml", await WithCorrectionsAsync(await KpiViewAsync(Fresh(), id, null, null, null, null, ct), refused, ct));
        }
    }

    private async Task<KpiView> WithCorrectionsAsync(KpiView view, MeasurementRefusal? refused, CancellationToken ct) =>
        view with { Corrections = await Service<MeasurementCorrections>().HistoryAsync(view.Kpi.Id, ct), Refused = refused };

    [HttpPost("/kpis/{id:guid}/measurements")]
    public async Task<IActionResult> AddMeasurement(Guid id, [FromForm] MeasurementForm form, CancellationToken ct)
    {
        try
        {
            if (!DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new BadInputException("date", "Enter the date as yyyy-MM-dd.");
            }

            if (!double.TryParse(form.Value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new BadInputException("value", $"'{form.Value}' is not a number; use digits with a point for decimals, e.g. 42.5.");
            }

            await Service<StrategyCommands>().AddMeasurementAsync(id, new CreateMeasurementRequest(date, value, form.Note), ct);
            return View("~/Views/Strategy/Kpi.cshtml", await KpiViewAsync(Fresh(), id, "Measurement saved.", null, null, null, ct));
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            var field = e switch { BadInputException b => b.Field, RuleViolationException r => r.Field, _ => null };
            return View("~/Views/Strategy/Kpi.cshtml", await KpiViewAsync(Fresh(), id, null, e.Message, field, form, ct));
        }
    }

    [HttpGet("/scorecards/{id:guid}/reviews")]
    public async Task<IActionResult> Reviews(Guid id, CancellationToken ct) =>
        View("~/Views/Strategy/Reviews.cshtml", await ReviewsViewAsync(Queries, id, null, null, ct));

    [HttpPost("/scorecards/{id:guid}/reviews")]
    public async Task<IActionResult> RecordReview(Guid id, [FromForm] StrategyReviewForm form, CancellationToken ct)
    {
        try
        {
            var heldOn = DateOnly.TryParseExact(form.HeldOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new BadInputException("heldOn", "Enter the meeting date as yyyy-MM-dd.");
            var decisions = new List<ReviewDecisionInput>();
            for (var i = 0; i < form.DecisionText.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(form.DecisionText[i]))
                {
                    continue;
                }

                DateOnly? due = null;
                var dueText = i < form.DecisionDue.Count ? form.DecisionDue[i] : null;
                if (!string.IsNullOrWhiteSpace(dueText))
                {
                    due = DateOnly.TryParseExact(dueText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd)
                        ? dd
                        : throw new BadInputException($"decisions[{i}].dueOn", "Enter due dates as yyyy-MM-dd.");
                }

                decisions.Add(new ReviewDecisionInput(form.DecisionText[i]!,
                    i < form.DecisionKind.Count ? form.DecisionKind[i] : null,
                    i < form.DecisionOwner.Count ? form.DecisionOwner[i] : null,
                    due,
                    i < form.DecisionObjective.Count ? form.DecisionObjective[i] : null));
            }

            await Service<StrategyCommands>().RecordReviewAsync(id,
                new CreateStrategyReviewRequest(heldOn, form.Title ?? "", form.Notes, form.Attendees, decisions), ct);
            return View("~/Views/Strategy/Reviews.cshtml", await ReviewsViewAsync(Fresh(), id, "Review recorded.", null, ct));
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Strategy/Reviews.cshtml", await ReviewsViewAsync(Fresh(), id, null, e.Message, ct));
        }
    }

    private async Task<KpiView> KpiViewAsync(StrategyQueries queries, Guid id, string? message, string? error, string? field,
        MeasurementForm? form, CancellationToken ct)
    {
        var kpi = await queries.GetKpiAsync(id, ct);
        var objective = await queries.GetObjectiveAsync(kpi.ObjectiveId, ct);
        var scorecard = (await queries.SummariesAsync([objective.ScorecardId], ct)).Single();
        var access = Service<StrategyAccess>();
        var canMeasure = await access.CanMeasureAsync(await queries.KpiRecordAsync(id, ct), await queries.ScorecardAsync(objective.ScorecardId, ct), ct);
        return new KpiView(kpi, objective, scorecard, Svg.TrendChart(kpi, kpi.Measurements ?? []), canMeasure, message, error, field,
            form?.Date, form?.Value, form?.Note, queries.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private async Task<ReviewsView> ReviewsViewAsync(StrategyQueries queries, Guid id, string? message, string? error, CancellationToken ct)
    {
        var tree = await queries.GetAsync(id, ct);
        return new ReviewsView(tree, await queries.ReviewsAsync(id, ct), message, error);
    }

    private StrategyQueries Queries => Service<StrategyQueries>();

    /// <summary>A query service that reads the data again (after a change in this request).</summary>
    private StrategyQueries Fresh() => ActivatorUtilities.CreateInstance<StrategyQueries>(HttpContext.RequestServices);

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
