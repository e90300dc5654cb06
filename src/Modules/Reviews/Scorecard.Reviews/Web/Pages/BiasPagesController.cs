using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Contracts;
using Scorecard.Reviews.Application.Bias;

namespace Scorecard.Reviews.Web.Pages;

/// <summary>The bias check of a review (its manager or HR) with dismiss forms, and HR's rater analysis and disparity for a cycle.</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class BiasPagesController : Controller
{
    [HttpGet("/reviews/{id:guid}/bias-check")]
    public async Task<IActionResult> Check(Guid id, CancellationToken ct) => await CheckPageAsync(id, null, null, ct);

    [HttpPost("/reviews/{id:guid}/bias-check/dismissals")]
    public async Task<IActionResult> Dismiss(Guid id, [FromForm] string? code, [FromForm] string? reason, CancellationToken ct)
    {
        try
        {
            await Bias.DismissAsync(id, code, reason, ct);
            return await CheckPageAsync(id, "Finding dismissed; your reason is in the audit log.", null, ct);
        }
        catch (BadInputException e)
        {
            Response.StatusCode = e.StatusCode;
            return await CheckPageAsync(id, null, e.Message, ct);
        }
    }

    [HttpGet("/reviews/cycles/{id:guid}/bias")]
    public async Task<IActionResult> Cycle(Guid id, CancellationToken ct)
    {
        var raters = await Bias.RaterAnalysisAsync(id, ct); // HR only: throws 403 first
        var gender = await Bias.DisparityAsync(id, "gender", ct);
        var age = await Bias.DisparityAsync(id, "ageBand", ct);
        var names = (await Service<IOrganizationDirectory>().GetPeopleAsync(raters.Raters.Select(r => r.RaterId), ct)).ToDictionary(p => p.Id, p => p.Name);
        return View("~/Views/Bias/Cycle.cshtml", new BiasCycleView(raters, names, [gender, age]));
    }

    private async Task<IActionResult> CheckPageAsync(Guid id, string? message, string? error, CancellationToken ct)
    {
        var check = await Bias.CheckReviewAsync(id, ct);
        var person = await Service<IOrganizationDirectory>().GetPersonAsync(check.PersonId, ct);
        var isHr = Service<Application.ReviewAccess>().IsHr;
        return View("~/Views/Bias/Check.cshtml", new BiasCheckView(check, person?.Name ?? "this person", isHr, message, error));
    }

    private BiasService Bias => Service<BiasService>();

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

internal sealed record BiasCheckView(BiasCheckDto Check, string PersonName, bool IsHr, string? Message, string? Error);

internal sealed record BiasCycleView(RaterAnalysisDto Raters, IReadOnlyDictionary<Guid, string> Names, IReadOnlyList<DisparityDto> Disparity);
