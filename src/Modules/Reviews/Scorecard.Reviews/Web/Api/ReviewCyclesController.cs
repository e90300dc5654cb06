using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Web;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Api;

/// <summary>Review templates and cycles (HR).</summary>
[ApiController]
[Authorize]
[Route("api/v1")]
[Produces("application/json")]
public sealed class ReviewCyclesController : ControllerBase
{
    [HttpPost("review-templates")]
    [ProducesResponseType<TemplateDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateTemplate([FromBody] CreateTemplateRequest request, CancellationToken ct)
    {
        var template = await Templates.CreateAsync(request, ct);
        return Created($"/api/v1/review-templates/{template.Id}", template);
    }

    /// <summary>One page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet("review-templates")]
    [ProducesResponseType<IReadOnlyList<TemplateDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ListTemplates([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await Templates.ListAsync(ct), page));
    }

    [HttpGet("review-templates/{id:guid}")]
    [ProducesResponseType<TemplateDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Template(Guid id, CancellationToken ct) => Ok(await Templates.GetAsync(id, ct));

    /// <summary>
    /// Replaces a template's content; <c>version</c> is required (stale → 409 with <c>current</c>). A template used by a
    /// launched cycle is never changed in place: 409, clone it instead.
    /// </summary>
    [HttpPut("review-templates/{id:guid}")]
    [ProducesResponseType<TemplateDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> UpdateTemplate(Guid id, [FromBody] CreateTemplateRequest request, CancellationToken ct) =>
        Ok(await Templates.UpdateAsync(id, request, ct));

    /// <summary>A copy with new ids (<c>name</c> optional), free to edit.</summary>
    [HttpPost("review-templates/{id:guid}/clone")]
    [ProducesResponseType<TemplateDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CloneTemplate(Guid id, [FromBody] CloneTemplateRequest? request, CancellationToken ct)
    {
        var template = await Templates.CloneAsync(id, request ?? new CloneTemplateRequest(null), ct);
        return Created($"/api/v1/review-templates/{template.Id}", template);
    }

    [HttpPost("review-cycles")]
    [ProducesResponseType<CycleDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create([FromBody] CreateCycleRequest request, CancellationToken ct)
    {
        var cycle = await Cycles.CreateCycleAsync(request, ct);
        return Created($"/api/v1/review-cycles/{cycle.Id}", cycle);
    }

    /// <summary>One page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet("review-cycles")]
    [ProducesResponseType<IReadOnlyList<CycleDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await Cycles.ListCyclesAsync(ct), page));
    }

    /// <summary>The cycle with its <c>phase</c>; completion <c>stats</c> for HR.</summary>
    [HttpGet("review-cycles/{id:guid}")]
    [ProducesResponseType<CycleDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Ok(await Cycles.GetCycleAsync(id, ct));

    /// <summary>The participants a launch would create reviews for, their reviewers, and the people without a manager.</summary>
    [HttpGet("review-cycles/{id:guid}/preview")]
    [ProducesResponseType<CyclePreviewDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Preview(Guid id, CancellationToken ct) => Ok(await Cycles.PreviewAsync(id, ct));

    [HttpPost("review-cycles/{id:guid}/launch")]
    [ProducesResponseType<LaunchResultDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Launch(Guid id, CancellationToken ct) => Ok(await Cycles.LaunchAsync(id, ct));

    /// <summary>
    /// Moves the cycle from <c>from</c> (required, the phase the caller saw) to the next phase and answers with it;
    /// any other current phase is 409 naming it, so a repeated or concurrent request moves the cycle exactly one step.
    /// </summary>
    [HttpPost("review-cycles/{id:guid}/advance")]
    [ProducesResponseType<PhaseDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Advance(Guid id, [FromBody] PhaseChangeRequest? request, CancellationToken ct) =>
        Ok(await Cycles.AdvanceAsync(id, request?.From, ct));

    /// <summary>HR goes back to the previous phase (from peer, manager or calibration) with a required reason, audited.</summary>
    [HttpPost("review-cycles/{id:guid}/reopen")]
    [ProducesResponseType<PhaseDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Reopen(Guid id, [FromBody] ReopenPhaseRequest? request, CancellationToken ct) =>
        Ok(await Cycles.ReopenAsync(id, request ?? new ReopenPhaseRequest(null, null), ct));

    /// <summary>The open work of the current phase, by manager: what advancing would leave behind.</summary>
    [HttpGet("review-cycles/{id:guid}/open-work")]
    [ProducesResponseType<OpenWorkDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> OpenWork(Guid id, CancellationToken ct) => Ok(await Cycles.OpenWorkAsync(id, ct));

    [HttpPut("review-cycles/{id:guid}/deadlines")]
    [ProducesResponseType<CycleDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ExtendDeadline(Guid id, [FromBody] ExtendDeadlineRequest request, CancellationToken ct) =>
        Ok(await Cycles.ExtendDeadlineAsync(id, request, ct));

    [HttpPost("review-cycles/{id:guid}/close")]
    [ProducesResponseType<PhaseDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Close(Guid id, [FromBody] PhaseChangeRequest? request, CancellationToken ct) =>
        Ok(await Cycles.CloseAsync(id, request?.From, ct));

    [HttpGet("review-cycles/{id:guid}/calibration")]
    [ProducesResponseType<CalibrationDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Calibration(Guid id, CancellationToken ct) => Ok(await Cycles.CalibrationAsync(id, ct));

    /// <summary>HR changes an overall rating with a required reason; written back to the review and to the audit log.</summary>
    [HttpPost("review-cycles/{id:guid}/calibration/adjustments")]
    [ProducesResponseType<CalibrationAdjustmentDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Adjust(Guid id, [FromBody] CalibrationAdjustmentRequest request, CancellationToken ct) =>
        Ok(await Cycles.AdjustAsync(id, request, ct));

    [HttpGet("review-cycles/{id:guid}/dashboard")]
    [ProducesResponseType<DashboardDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Dashboard(Guid id, CancellationToken ct) => Ok(await Cycles.DashboardAsync(id, ct));

    /// <summary>Sends today's due/overdue reminders for the cycle (each at most once per person per deadline).</summary>
    [HttpPost("review-cycles/{id:guid}/reminders")]
    [ProducesResponseType<RemindersDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reminders(Guid id, CancellationToken ct)
    {
        await Cycles.GetCycleAsync(id, ct);
        HttpContext.RequestServices.GetRequiredService<ReviewAccess>().RequireHr();
        var today = DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var sent = await HttpContext.RequestServices.GetRequiredService<ReviewReminders>().RunAsync(today, id, ct);
        return Ok(new RemindersDto(today, sent));
    }

    /// <summary>Reminds everyone with open work in the current phase now; each call is a new send (delivered once per person).</summary>
    [HttpPost("review-cycles/{id:guid}/reminders/now")]
    [ProducesResponseType<RemindersDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RemindNow(Guid id, CancellationToken ct) => Ok(await Cycles.RemindNowAsync(id, ct));

    [HttpGet("review-cycles/{id:guid}/export")]
    [Produces("text/csv")]
    public async Task<IActionResult> Export(Guid id, CancellationToken ct)
    {
        var csv = await Cycles.ExportAsync(id, ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "review-results.csv");
    }

    private TemplatesService Templates => HttpContext.RequestServices.GetRequiredService<TemplatesService>();

    private CyclesService Cycles => HttpContext.RequestServices.GetRequiredService<CyclesService>();
}
