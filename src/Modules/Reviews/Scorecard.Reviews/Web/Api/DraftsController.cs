using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Reviews.Application.Drafting;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Api;

/// <summary>
/// AI drafting of a review under human judgment. The draft is text with citations; nothing here accepts or
/// returns a rating. See /ai/transparency.
/// </summary>
[ApiController]
[Authorize]
[Route("api/v1")]
[Produces("application/json")]
public sealed class DraftsController : ControllerBase
{
    /// <summary>
    /// Drafts the evidence summary (manager of the person reviewed, or HR; others 403). 409 when an administrator
    /// turned AI drafting off. With a model configured, a failed or rejected model answer comes back as the offline
    /// draft with the reason in <c>warnings</c>.
    /// </summary>
    [HttpPost("reviews/{id:guid}/draft")]
    [ProducesResponseType<ReviewDraftDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Draft(Guid id, CancellationToken ct) => Ok(await Drafting.DraftAsync(id, ct));

    /// <summary>
    /// Progressive display: the stored, already validated draft as server-sent events — one <c>sentence</c> event
    /// per cited sentence (<c>{"index","section","text","evidenceIds"}</c>), then <c>done</c>. The model itself is not
    /// streamed: its answer is validated as a whole before anyone sees a word of it.
    /// </summary>
    [HttpGet("reviews/{id:guid}/drafts/{draftId:guid}/stream")]
    [Produces("text/event-stream")]
    public async Task Stream(Guid id, Guid draftId, CancellationToken ct)
    {
        var draft = await Drafting.GetDraftAsync(id, draftId, ct);
        Response.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-cache";
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var index = 0;
        foreach (var section in draft.Sections)
            foreach (var sentence in section.Sentences)
            {
                var data = System.Text.Json.JsonSerializer.Serialize(new { index = index++, section = section.Title, sentence.Text, sentence.EvidenceIds }, options);
                await Response.WriteAsync($"event: sentence\ndata: {data}\n\n", ct);
                await Response.Body.FlushAsync(ct);
            }
        await Response.WriteAsync($"event: done\ndata: {System.Text.Json.JsonSerializer.Serialize(new { sentences = index, draft.Label }, options)}\n\n", ct);
    }

    /// <summary>The manager inserted this draft into their narrative: the review becomes AI-assisted.</summary>
    [HttpPost("reviews/{id:guid}/drafts/{draftId:guid}/use")]
    [ProducesResponseType<AiUseDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Use(Guid id, Guid draftId, CancellationToken ct) => Ok(await Drafting.UseAsync(id, draftId, ct));

    [HttpPost("reviews/{id:guid}/drafts/{draftId:guid}/discard")]
    [ProducesResponseType<AiUseDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Discard(Guid id, Guid draftId, CancellationToken ct) => Ok(await Drafting.DiscardAsync(id, draftId, ct));

    /// <summary><c>{"confirmAiReviewed": true}</c>: required before submitting a review that uses AI-drafted text.</summary>
    [HttpPost("reviews/{id:guid}/ai-confirmation")]
    [ProducesResponseType<AiUseDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Confirm(Guid id, [FromBody] AiConfirmationRequest request, CancellationToken ct) =>
        Ok(await Drafting.ConfirmAsync(id, request, ct));

    /// <summary>Peer feedback summary for the manager or HR; below the anonymity threshold it says why there is none.</summary>
    [HttpGet("reviews/{id:guid}/peer-summary")]
    [ProducesResponseType<PeerSummaryDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PeerSummary(Guid id, CancellationToken ct) => Ok(await Drafting.PeerSummaryAsync(id, ct));

    /// <summary>The organization's AI switch and the configured provider (anyone signed in may read it).</summary>
    [HttpGet("ai/settings")]
    [ProducesResponseType<AiSettingsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Settings(CancellationToken ct) => Ok(await Drafting.SettingsAsync(ct));

    /// <summary>Administrators turn AI drafting on or off for the organization.</summary>
    [HttpPut("ai/settings")]
    [ProducesResponseType<AiSettingsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> SetSettings([FromBody] AiSettingsRequest request, CancellationToken ct) =>
        Ok(await Drafting.SetSettingsAsync(request, ct));

    /// <summary>Administrators: the AI calls (feature, who, when, model, tokens, outcome, fallback reason, rejected answers kept 30 days) and AI decisions.</summary>
    [HttpGet("ai/audit")]
    [ProducesResponseType<AiAuditDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Audit([FromQuery] int? limit, CancellationToken ct) =>
        Ok(await HttpContext.RequestServices.GetRequiredService<AiAuditService>().ListAsync(limit, ct));

    private DraftingService Drafting => HttpContext.RequestServices.GetRequiredService<DraftingService>();
}
