using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Paging;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Domain.Bias;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Pages;

[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class FeedbackPagesController : Controller
{
    [HttpGet("/feedback")]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(null, null, [], ct);

    /// <summary>Gives feedback; the language check nudges the writer afterwards (never blocks).</summary>
    [HttpPost("/feedback")]
    public async Task<IActionResult> Give([FromForm] Guid? toPersonId, [FromForm] string? text, [FromForm] string? visibility,
        [FromForm] string? kind, [FromForm] Guid? requestId, CancellationToken ct)
    {
        try
        {
            await Feedback.GiveAsync(new GiveFeedbackRequest(toPersonId, text, visibility, kind, null, null, null, requestId), ct);
            return await PageAsync("Feedback sent.", null, FeedbackLanguageCheck.Check(text), ct);
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            return await PageAsync(null, e.Message, [], ct);
        }
    }

    [HttpPost("/feedback/requests")]
    public async Task<IActionResult> Ask([FromForm] Guid? toPersonId, [FromForm] string? question, CancellationToken ct)
    {
        try
        {
            await Feedback.RequestAsync(new FeedbackRequestCreate(toPersonId, question), ct);
            return await PageAsync("Request sent.", null, [], ct);
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException)
        {
            Response.StatusCode = e.StatusCode;
            return await PageAsync(null, e.Message, [], ct);
        }
    }

    [HttpGet("/feedback/wall")]
    public async Task<IActionResult> Wall(CancellationToken ct) =>
        View("~/Views/Feedback/Wall.cshtml", new WallView(await Feedback.WallAsync(PageRequest.From(200, 0), ct)));

    private async Task<IActionResult> PageAsync(string? message, string? error, IReadOnlyList<LanguageFinding> nudges, CancellationToken ct)
    {
        var me = Service<ReviewAccess>().Me;
        return View("~/Views/Feedback/Index.cshtml", new FeedbackPageView(me,
            await Feedback.ForPersonAsync(me, PageRequest.From(200, 0), ct), (await Feedback.WrittenByMeAsync(ct)).Take(200).ToList(),
            (await Feedback.RequestsAsync(ct)).Take(200).ToList(), nudges, message, error));
    }

    private FeedbackService Feedback => Service<FeedbackService>();

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
