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
using Scorecard.Platform.Security;

namespace Scorecard.Okr.Web.Pages;

[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class OkrPagesController : Controller
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["created"] = "Objective created.",
        ["parent"] = "Parent saved.",
        ["kr"] = "Key result added.",
        ["checkin"] = "Check-in recorded.",
        ["accepted"] = "Suggestion applied.",
        ["dismissed"] = "Suggestion dismissed.",
        ["edited"] = "Objective saved.",
        ["archived"] = "Objective archived.",
        ["kr-edited"] = "Key result saved.",
        ["kr-deleted"] = "Key result deleted.",
        ["kr-moved"] = "Key result moved.",
        ["moved"] = "Moved under the new parent.",
        ["carried"] = "Carried into the next period.",
    };

    [HttpGet("/okr")]
    public IActionResult Index() => Redirect("/okr/my-goals");

    [HttpGet("/okr/tree")]
    public async Task<IActionResult> Tree(string? period, CancellationToken ct)
    {
        var tree = await Alignment.TreeAsync(period, ct);
        return View("~/Views/Okr/Tree.cshtml", new TreeView(tree, OkrFormat.Periods(Objectives.Today)));
    }

    [HttpGet("/okr/my-goals")]
    public async Task<IActionResult> MyGoals(string? period, string? done, CancellationToken ct) =>
        View("~/Views/Okr/MyGoals.cshtml", await MyGoalsAsync(period, done is not null ? Messages.GetValueOrDefault(done) : null, null, ct));

    [HttpPost("/okr/my-goals")]
    public async Task<IActionResult> Create([FromForm] ObjectiveForm form, CancellationToken ct)
    {
        try
        {
            var created = await Objectives.CreateAsync(new CreateObjectiveRequest(form.Title ?? "", "individual", form.Period, null, null, form.Type, [], form.Description, null), ct);
            return Redirect($"/okr/my-goals?period={created.Period}&done=created#objective-{created.Id}");
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and < 500)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Okr/MyGoals.cshtml", await MyGoalsAsync(form.Period, null, e.Message, ct));
        }
    }

    [HttpGet("/okr/objectives/{id:guid}")]
    public async Task<IActionResult> Objective(Guid id, string? done, string? parentSearch, string? kpiSearch, CancellationToken ct) =>
        View("~/Views/Okr/Objective.cshtml", await ObjectivePageAsync(id, done is not null ? Messages.GetValueOrDefault(done) : null, null, ct,
            parentSearch, kpiSearch));

    [HttpPost("/okr/objectives/{id:guid}/parents")]
    public Task<IActionResult> AddParent(Guid id, [FromForm] ParentForm form, CancellationToken ct) => Act(id, form.ReturnTo, "parent", async () =>
    {
        var current = await Objectives.GetAsync(id, ct);
        var parents = current.Parents.Select(p => new JsonObject
        {
            [p.Kind == "okr" ? "okrObjectiveId" : "strategyObjectiveId"] = p.Id.ToString(),
            ["weight"] = p.Weight,
        }).ToList();
        parents.Add(new JsonObject { [form.Kind == "strategy" ? "strategyObjectiveId" : "okrObjectiveId"] = form.ParentId.ToString(), ["weight"] = 1.0 });
        var patch = new JsonObject { ["version"] = current.Version.ToString(), ["parents"] = new JsonArray([.. parents]) };
        await Objectives.PatchAsync(id, JsonSerializer.SerializeToElement(patch), ct);
    }, ct);

    [HttpPost("/okr/objectives/{id:guid}/key-results")]
    public Task<IActionResult> AddKeyResult(Guid id, [FromForm] KeyResultForm form, CancellationToken ct) => Act(id, form.ReturnTo, "kr", () =>
        Objectives.AddKeyResultAsync(id, new CreateKeyResultRequest(form.Title ?? "", form.Kind ?? "metric", form.Start, form.Target, form.Unit,
            null, form.KpiId, form.BandLow, form.BandHigh, form.DueDate), ct), ct);

    [HttpPost("/okr/key-results/{id:guid}/check-ins")]
    public async Task<IActionResult> CheckIn(Guid id, [FromForm] CheckInForm form, CancellationToken ct)
    {
        Guid objectiveId;
        try
        {
            objectiveId = (await Objectives.CheckInAsync(id, new CheckInRequest(form.Value, form.Confidence, form.Comment, null), ct)).Id;
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and < 500 and not 404)
        {
            Response.StatusCode = e.StatusCode;
            var objectiveOfKeyResult = await Objectives.ObjectiveOfKeyResultAsync(id, ct);
            return View("~/Views/Okr/Objective.cshtml", new ObjectivePageView(await CardAsync(objectiveOfKeyResult, ct), null, null, e.Message));
        }
        return Redirect(Back(form.ReturnTo, objectiveId, "checkin"));
    }

    [HttpPost("/okr/objectives/{id:guid}/explain")]
    public async Task<IActionResult> Explain(Guid id, [FromForm] ExplainForm form, CancellationToken ct)
    {
        try
        {
            var suggestion = await Suggestions.ExplainAsync(id, new ExplainRequest(form.Code ?? "", form.KeyResultId), ct);
            return View("~/Views/Okr/Objective.cshtml", new ObjectivePageView(await CardAsync(id, ct), suggestion, null, null));
        }
        catch (ScorecardException e) when (e.StatusCode is >= 400 and not 404)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Okr/Objective.cshtml", new ObjectivePageView(await CardAsync(id, ct), null, null, e.Message));
        }
    }

    [HttpPost("/okr/suggestions/{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id, CancellationToken ct)
    {
        var suggestion = await Suggestions.GetAsync(id, ct);
        return await Act(suggestion.ObjectiveId, null, "accepted", () => Suggestions.AcceptAsync(id, ct), ct);
    }

    [HttpPost("/okr/suggestions/{id:guid}/dismiss")]
    public async Task<IActionResult> Dismiss(Guid id, [FromForm] string? reason, CancellationToken ct)
    {
        var suggestion = await Suggestions.GetAsync(id, ct);
        return await Act(suggestion.ObjectiveId, null, "dismissed", () => Suggestions.DismissAsync(id, reason, ct), ct);
    }

    [HttpGet("/okr/team")]
    public async Task<IActionResult> Team(string? period, string? done, int page = 0, CancellationToken ct = default) =>
        View("~/Views/Okr/Team.cshtml", (await TeamAsync(period, ct, page)) with { Message = done is not null ? Messages.GetValueOrDefault(done) : null });

    /// <summary>Everyone below the manager, <see cref="TeamView.PageSize"/> people a page (a CEO's team is the company).</summary>
    private async Task<TeamView> TeamAsync(string? period, CancellationToken ct, int page = 0)
    {
        var me = Service<ICurrentUser>().RequirePersonId();
        var everyone = await Service<IOrganizationDirectory>().GetAllReportsAsync(me, ct);
        page = Math.Max(0, page);
        var reports = everyone.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Id)
            .Skip(page * TeamView.PageSize).Take(TeamView.PageSize).ToList();
        var p = Alignment.PeriodOrCurrent(period);
        var objectives = new List<ObjectiveDto>();
        foreach (var r in reports)
            objectives.AddRange((await Objectives.ListAsync(p.Code, r.Id, null, "individual", false, PageRequest.From(PageRequest.MaxLimit, 0), ct)).Items);
        var alignment = await Alignment.AnalyzeAsync(p.Code, null, null, ct);
        var ids = reports.Select(r => r.Id).ToHashSet();
        var findings = alignment.Findings.Where(f => f.PersonId is { } person && ids.Contains(person)).ToList();
        var aligned = objectives.Count(o => !alignment.Findings.Any(f => f.ObjectiveId == o.Id && f.Code == AlignmentFindingCodes.Unaligned));
        var coverage = new CoverageDto(objectives.Count, aligned, objectives.Count == 0 ? 0 : Math.Round((double)aligned / objectives.Count, 4),
            findings.GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count()), null);
        return new TeamView(p.Code, objectives, findings, coverage, everyone.Count, OkrFormat.Periods(Objectives.Today))
        {
            PageIndex = page,
            Carry = await CarryChoiceAsync(p.Code, objectives, "team", ct),
            Notes = TakeNotes(),
        };
    }

    [HttpGet("/okr/alignment")]
    public async Task<IActionResult> AlignmentPage(string? period, Guid? orgUnitId, string? code, int? offset, CancellationToken ct) =>
        View("~/Views/Okr/Alignment.cshtml", new AlignmentView(
            await Alignment.AnalyzeAsync(period, orgUnitId, null, ct, code, PageRequest.From(AlignmentView.PageSize, offset)),
            OkrFormat.Periods(Objectives.Today), orgUnitId, string.IsNullOrWhiteSpace(code) ? null : code.Trim()));

    private async Task<IActionResult> Act(Guid objectiveId, string? returnTo, string done, Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is ScorecardException { StatusCode: >= 400 and < 500 and not 404 })
        {
            Response.StatusCode = ((ScorecardException)e).StatusCode;
            return View("~/Views/Okr/Objective.cshtml", await ObjectivePageAsync(objectiveId, null, e.Message, ct));
        }
        return Redirect(Back(returnTo, objectiveId, done));
    }

    /// <summary>Back to "My goals" (for the period the form was on, <c>my-goals|2026-Q4</c>) or to the objective's page.</summary>
    private static string Back(string? returnTo, Guid objectiveId, string done)
    {
        var parts = (returnTo ?? "").Split('|', 2);
        if (parts[0] != "my-goals") return $"/okr/objectives/{objectiveId}?done={done}";
        var period = parts.Length == 2 && OkrPeriod.TryParse(parts[1], out var p, out _) ? $"period={Uri.EscapeDataString(p.Code)}&" : "";
        return $"/okr/my-goals?{period}done={done}#objective-{objectiveId}";
    }

    private async Task<MyGoalsView> MyGoalsAsync(string? period, string? message, string? error, CancellationToken ct)
    {
        var me = Service<ICurrentUser>().RequirePersonId();
        var p = Alignment.PeriodOrCurrent(period);
        var mine = await Objectives.ListAsync(p.Code, me, null, "individual", false, PageRequest.From(PageRequest.MaxLimit, 0), ct);
        var cards = new List<ObjectiveCard>();
        foreach (var o in mine.Items) cards.Add(await CardAsync(o.Id, ct, o));
        var person = await Service<IOrganizationDirectory>().GetPersonAsync(me, ct);
        return new MyGoalsView(p.Code, person?.Name ?? "", cards, OkrFormat.Periods(Objectives.Today), message, error)
        {
            Carry = await CarryChoiceAsync(p.Code, mine.Items, "my-goals", ct),
            Notes = TakeNotes(),
        };
    }

    private async Task<ObjectiveCard> CardAsync(Guid id, CancellationToken ct, ObjectiveDto? known = null)
    {
        var objective = known ?? await Objectives.GetAsync(id, ct);
        var lineOfSight = await Alignment.LineOfSightAsync(id, ct);
        var suggestions = objective.CanEdit && !objective.Archived ? await Alignment.ParentSuggestionsAsync(id, ct) : null;
        IReadOnlyList<FindingDto> findings = [];
        if (objective.OwnerPersonId is not { } owner || await Service<OkrAccess>().CanSeeFindingsAboutAsync(owner, ct))
        {
            findings = await Alignment.FindingsAboutObjectiveAsync(id, objective.OwnerPersonId, objective.Period, ct);
        }
        return new ObjectiveCard(objective, lineOfSight, suggestions, findings);
    }

    private ObjectivesService Objectives => Service<ObjectivesService>();

    private AlignmentService Alignment => Service<AlignmentService>();

    private ExplainAndSuggestService Suggestions => Service<ExplainAndSuggestService>();

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
