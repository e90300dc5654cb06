using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Reviews.Application.Bias;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Api;

/// <summary>
/// Possible bias, computed by code and shown as nudges that never block anything: the bias check of a
/// review (its manager or HR) and its dismissals, the live language check for feedback, and for HR only
/// the rater analysis and group disparity of a cycle.
/// </summary>
[ApiController]
[Authorize]
[Route("api/v1")]
[Produces("application/json")]
public sealed class BiasController : ControllerBase
{
    /// <summary>Language findings on the manager's narrative, recency of the evidence, and rating vs goal/KPI outcomes.</summary>
    [HttpGet("reviews/{id:guid}/bias-check")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> Check(Guid id, CancellationToken ct) => Ok(await Bias.CheckReviewAsync(id, ct));

    /// <summary>Dismisses a finding with a reason (required); written to the audit log. Returns the check again.</summary>
    [HttpPost("reviews/{id:guid}/bias-check/dismissals")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> Dismiss(Guid id, [FromBody] DismissBiasFindingRequest request, CancellationToken ct) =>
        Ok(await Bias.DismissAsync(id, request.Code, request.Reason, ct));

    /// <summary>The language check of a text being written (feedback): personality, vague, effort, gender-coded.</summary>
    [HttpPost("feedback/language-check")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> LanguageCheck([FromBody] LanguageCheckRequest request, CancellationToken ct) =>
        Ok(await Bias.CheckTextAsync(request.Text, ct));

    /// <summary>HR only: leniency, severity, central tendency and halo per rater over the cycle's submitted ratings.</summary>
    [HttpGet("review-cycles/{id:guid}/rater-analysis")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> RaterAnalysis(Guid id, CancellationToken ct) => Ok(await Bias.RaterAnalysisAsync(id, ct));

    /// <summary>HR only: top-band rate per group (attribute gender or ageBand), four-fifths verdicts, small groups suppressed.</summary>
    [HttpGet("review-cycles/{id:guid}/disparity")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> Disparity(Guid id, [FromQuery] string? attribute, CancellationToken ct) =>
        Ok(await Bias.DisparityAsync(id, attribute, ct));

    private BiasService Bias => HttpContext.RequestServices.GetRequiredService<BiasService>();
}
