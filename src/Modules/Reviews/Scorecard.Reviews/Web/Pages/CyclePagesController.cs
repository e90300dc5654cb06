using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Contracts;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Web.Api.Models;
using Scorecard.Reviews.Web.Pages.Forms;

namespace Scorecard.Reviews.Web.Pages;

/// <summary>HR sets up and runs review cycles in the browser: create, preview and launch, deadlines, reviewers, reminders.</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class CyclePagesController : Controller
{
    [HttpGet("/reviews/cycles/new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        Service<ReviewAccess>().RequireHr();
        return await FormAsync(new CycleForm(), null, null, ct);
    }

    [HttpPost("/reviews/cycles")]
    public async Task<IActionResult> Create(CycleForm form, CancellationToken ct)
    {
        try
        {
            var cycle = await Cycles.CreateCycleAsync(form.ToRequest(), ct);
            return Redirect($"/reviews/cycles/{cycle.Id}");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException)
        {
            Response.StatusCode = e.StatusCode;
            var field = e is BadInputException b ? b.Field : ((RuleViolationException)e).Field;
            return await FormAsync(form, field, e.Message, ct);
        }
    }

    [HttpPost("/reviews/cycles/{id:guid}/launch")]
    public async Task<IActionResult> Launch(Guid id, CancellationToken ct)
    {
        try
        {
            var result = await Cycles.LaunchAsync(id, ct);
            return Redirect($"/reviews/cycles/{id}?launched={result.ReviewsCreated}");
        }
        catch (ScorecardException e) when (e is ConflictException or RuleViolationException)
        {
            return Redirect($"/reviews/cycles/{id}?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    [HttpPost("/reviews/cycles/{id:guid}/deadlines")]
    public async Task<IActionResult> Extend(Guid id, [FromForm] string? phase, [FromForm] DateOnly? date, CancellationToken ct) =>
        await Act(id, async () =>
        {
            await Cycles.ExtendDeadlineAsync(id, new ExtendDeadlineRequest(phase, date), ct);
            return $"The {phase} deadline is now {date:d MMM yyyy}.";
        });

    [HttpPost("/reviews/cycles/{id:guid}/reviewer")]
    public async Task<IActionResult> Reviewer(Guid id, [FromForm] Guid? reviewId, [FromForm] Guid? personId, [FromForm] Guid? managerId,
        [FromForm] string? reason, CancellationToken ct) =>
        await Act(id, async () =>
        {
            // The page picks the person (a search, not a list of every review); the API and older forms send the review.
            if (reviewId is null && personId is { } person)
                reviewId = (await Service<ReviewsService>().ListAsync(id, person, ct)).FirstOrDefault()?.Id
                           ?? throw new BadInputException("personId", "This person is not in the cycle.");
            if (reviewId is not { } review) throw new BadInputException("reviewId", "Choose the person whose reviewer changes.");
            var result = await Service<ReviewsService>().AssignReviewerAsync(review, new AssignReviewerRequest(managerId, reason), ct);
            return $"{result.PersonName} is now reviewed by {result.ManagerName}; the change is in the audit log.";
        });

    [HttpPost("/reviews/cycles/{id:guid}/reminders/now")]
    public async Task<IActionResult> RemindNow(Guid id, CancellationToken ct) =>
        await Act(id, async () => $"{(await Cycles.RemindNowAsync(id, ct)).Sent} reminder(s) sent to everyone with open work.");

    private async Task<IActionResult> Act(Guid id, Func<Task<string>> action)
    {
        try
        {
            var message = await action();
            return Redirect($"/reviews/cycles/{id}?message={Uri.EscapeDataString(message)}");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ConflictException)
        {
            return Redirect($"/reviews/cycles/{id}?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    private async Task<IActionResult> FormAsync(CycleForm form, string? field, string? error, CancellationToken ct)
    {
        var directory = Service<IOrganizationDirectory>();
        // Only the units already chosen; the field searches for the others.
        var units = new List<OrgUnitSummary>();
        foreach (var id in form.OrgUnitIds.Distinct())
            if (await directory.GetUnitAsync(id, ct) is { } unit) units.Add(unit);
        // Only the people already chosen (shown again after a refused save); the pickers search for the rest.
        var chosen = await directory.GetPeopleAsync(form.PersonIds.Concat(form.ExcludedPersonIds).Distinct().ToList(), ct);
        var templates = await Service<TemplatesService>().ListAsync(ct);
        return View("~/Views/Reviews/NewCycle.cshtml", new NewCycleView(form, templates, units, chosen, field, error));
    }

    private CyclesService Cycles => Service<CyclesService>();

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

internal sealed record NewCycleView(CycleForm Form, IReadOnlyList<TemplateDto> Templates, IReadOnlyList<OrgUnitSummary> Units,
    IReadOnlyList<PersonSummary> People, string? ErrorField, string? Error)
{
    public string? ErrorFor(params string[] fields) => ErrorField is not null && fields.Contains(ErrorField) ? Error : null;

    public bool ErrorPlaced => ErrorField is "name" or "periodStart" or "periodEnd" or "templateId" or "orgUnitIds" or "personIds" or "excludedPersonIds"
        or "peerAnonymityThreshold" || ErrorField?.StartsWith("deadlines.", StringComparison.Ordinal) == true;
}
