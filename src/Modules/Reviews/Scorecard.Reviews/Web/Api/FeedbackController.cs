using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Web;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Api;

/// <summary>Continuous feedback, praise, feedback requests and managers' private notes.</summary>
[ApiController]
[Authorize]
[Route("api/v1")]
[Produces("application/json")]
public sealed class FeedbackController : ControllerBase
{
    /// <summary>Feedback or praise to anyone; <c>visibility</c> private (their managers), shared (them and their managers) or public (praise wall).</summary>
    [HttpPost("feedback")]
    [ProducesResponseType<FeedbackDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Give([FromBody] GiveFeedbackRequest request, CancellationToken ct)
    {
        var item = await Feedback.GiveAsync(request, ct);
        return Created($"/api/v1/people/{item.ToPersonId}/feedback", item);
    }

    /// <summary>Feedback the caller wrote, one page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet("feedback/mine")]
    [ProducesResponseType<IReadOnlyList<FeedbackDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Mine([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await Feedback.WrittenByMeAsync(ct), page));
    }

    [HttpGet("feedback/wall")]
    [ProducesResponseType<Page<FeedbackDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Wall([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        Ok(await Feedback.WallAsync(PageRequest.From(limit, offset), ct));

    /// <summary>Feedback addressed to the person that the caller may read by its visibility.</summary>
    [HttpGet("people/{id:guid}/feedback")]
    [ProducesResponseType<Page<FeedbackDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ForPerson(Guid id, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        Ok(await Feedback.ForPersonAsync(id, PageRequest.From(limit, offset), ct));

    [HttpPost("feedback-requests")]
    [ProducesResponseType<FeedbackRequestDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Ask([FromBody] FeedbackRequestCreate request, CancellationToken ct)
    {
        var item = await Feedback.RequestAsync(request, ct);
        return Created("/api/v1/feedback-requests", item);
    }

    /// <summary>One page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet("feedback-requests")]
    [ProducesResponseType<IReadOnlyList<FeedbackRequestDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Requests([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await Feedback.RequestsAsync(ct), page));
    }

    /// <summary>A manager's private note about a report; only its author ever reads it.</summary>
    [HttpPost("people/{id:guid}/notes")]
    [ProducesResponseType<FeedbackDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddNote(Guid id, [FromBody] NoteRequest request, CancellationToken ct)
    {
        var note = await Feedback.AddNoteAsync(id, request, ct);
        return Created($"/api/v1/people/{id}/notes", note);
    }

    /// <summary>One page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet("people/{id:guid}/notes")]
    [ProducesResponseType<IReadOnlyList<FeedbackDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Notes(Guid id, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await Feedback.NotesAsync(id, ct), page));
    }

    private FeedbackService Feedback => HttpContext.RequestServices.GetRequiredService<FeedbackService>();
}
