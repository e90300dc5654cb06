using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Web;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Api;

/// <summary>Reviews: self, peers, manager, release and acknowledgement; only the parts the caller may see.</summary>
[ApiController]
[Authorize]
[Route("api/v1/reviews")]
[Produces("application/json")]
public sealed class ReviewsController : ControllerBase
{
    /// <summary>The reviews the caller may see, one page (<c>limit</c>, default 100; <c>offset</c>), with the total and a <c>Link</c> to the next page.</summary>
    [HttpGet]
    [ProducesResponseType<Page<ReviewListItemDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] Guid? cycleId, [FromQuery] Guid? personId, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        var items = await Reviews.ListAsync(cycleId, personId, ct);
        return Ok(new Page<ReviewListItemDto>(PagingLinks.PageOf(HttpContext, items, page), items.Count));
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<ReviewDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Ok(await Reviews.GetAsync(id, ct));

    /// <summary>The dated evidence of the whole review period (manager, higher managers and HR).</summary>
    [HttpGet("{id:guid}/evidence")]
    [ProducesResponseType<EvidenceDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Evidence(Guid id, CancellationToken ct) => Ok(await Reviews.EvidenceAsync(id, ct));

    [HttpPut("{id:guid}/self")]
    [ProducesResponseType<ReviewDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Self(Guid id, [FromBody] SelfReviewRequest request, CancellationToken ct) =>
        Ok(await Reviews.SaveSelfAsync(id, request, ct));

    [HttpPost("{id:guid}/peer-nominations")]
    [ProducesResponseType<IReadOnlyList<NominationDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Nominate(Guid id, [FromBody] PeerNominationRequest request, CancellationToken ct) =>
        Ok(await Reviews.NominateAsync(id, request, ct));

    [HttpPost("{id:guid}/peer-nominations/{nominationId:guid}/decision")]
    [ProducesResponseType<IReadOnlyList<NominationDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Decide(Guid id, Guid nominationId, [FromBody] NominationDecisionRequest request, CancellationToken ct)
    {
        if (request.Approved is not { } approved) throw new BadInputException("approved", "approved is required.");
        return Ok(await Reviews.DecideAsync(id, nominationId, approved, ct));
    }

    /// <summary>An approved peer's feedback; stored with its author for audit only, shown without author from 3 responses.</summary>
    [HttpPost("{id:guid}/peer-feedback")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> PeerFeedback(Guid id, [FromBody] PeerFeedbackRequest request, CancellationToken ct)
    {
        await Reviews.SubmitPeerFeedbackAsync(id, request, ct);
        return NoContent();
    }

    /// <summary>Saves the manager's part as a draft; <c>version</c> must be the one loaded (stale → 409).</summary>
    [HttpPut("{id:guid}/manager")]
    [ProducesResponseType<ReviewDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Manager(Guid id, [FromBody] ManagerReviewRequest request, CancellationToken ct) =>
        Ok(await Reviews.SaveManagerAsync(id, request, ct));

    [HttpPost("{id:guid}/submit")]
    [ProducesResponseType<ReviewDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Submit(Guid id, CancellationToken ct) => Ok(await Reviews.SubmitAsync(id, ct));

    [HttpPost("{id:guid}/release")]
    [ProducesResponseType<ReviewDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Release(Guid id, CancellationToken ct) => Ok(await Reviews.ReleaseAsync(id, ct));

    [HttpPost("{id:guid}/acknowledge")]
    [ProducesResponseType<ReviewDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Acknowledge(Guid id, [FromBody] AcknowledgeRequest? request, CancellationToken ct) =>
        Ok(await Reviews.AcknowledgeAsync(id, request ?? new AcknowledgeRequest(null), ct));

    /// <summary>HR names a reviewer for a participant without a manager in the org chart.</summary>
    [HttpPut("{id:guid}/reviewer")]
    [ProducesResponseType<ReviewDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reviewer(Guid id, [FromBody] AssignReviewerRequest request, CancellationToken ct) =>
        Ok(await Reviews.AssignReviewerAsync(id, request, ct));

    private ReviewsService Reviews => HttpContext.RequestServices.GetRequiredService<ReviewsService>();
}

/// <summary>Reviews the caller was approved to give peer feedback on.</summary>
[ApiController]
[Authorize]
[Route("api/v1/peer-requests")]
[Produces("application/json")]
public sealed class PeerRequestsController : ControllerBase
{
    /// <summary>One page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<PeerRequestDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await HttpContext.RequestServices.GetRequiredService<ReviewsService>().PeerRequestsAsync(ct), page));
    }
}
