using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Application;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Platform.Paging;

namespace Scorecard.Okr.Web.Api;

[ApiController]
[Authorize]
[Route("api/v1/okr")]
[Produces("application/json")]
[CycleProblemFilter]
public sealed class OkrController : ControllerBase
{
    [HttpGet("objectives")]
    [ProducesResponseType<Page<ObjectiveDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] string? period, [FromQuery] Guid? ownerPersonId, [FromQuery] Guid? orgUnitId,
        [FromQuery] string? level, [FromQuery] bool? includeArchived, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        Ok(await Objectives.ListAsync(period, ownerPersonId, orgUnitId, level, includeArchived ?? false, PageRequest.From(limit, offset), ct));

    [HttpPost("objectives")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Create([FromBody] CreateObjectiveRequest request, CancellationToken ct)
    {
        var objective = await Objectives.CreateAsync(request, ct);
        return Created($"/api/v1/okr/objectives/{objective.Id}", objective);
    }

    [HttpGet("objectives/{id:guid}")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Ok(await Objectives.GetAsync(id, ct));

    /// <summary>JSON merge-patch: title, description, type, rollUpShare, archived, parents; send <c>version</c> to refuse a stale edit (409).</summary>
    [HttpPatch("objectives/{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken ct) => Ok(await Objectives.PatchAsync(id, patch, ct));

    /// <summary>Archives the objective (its history stays; check-ins close; children report a broken parent).</summary>
    [HttpDelete("objectives/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await Objectives.ArchiveAsync(id, ct);
        return NoContent();
    }

    [HttpPost("objectives/{id:guid}/key-results")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddKeyResult(Guid id, [FromBody] CreateKeyResultRequest request, CancellationToken ct)
    {
        var objective = await Objectives.AddKeyResultAsync(id, request, ct);
        return Created($"/api/v1/okr/objectives/{id}", objective);
    }

    /// <summary>The key results in a new order: every id of the objective once; <c>version</c> (the objective's), when given, must be current.</summary>
    [HttpPut("objectives/{id:guid}/key-results/order")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> OrderKeyResults(Guid id, [FromBody] KeyResultOrderRequest request, CancellationToken ct) =>
        Ok(await Objectives.OrderKeyResultsAsync(id, request.KeyResultIds, request.Version, ct));

    /// <summary>Copies the objective and its unfinished key results into a later period, linked to the original (409 when already carried there).</summary>
    [HttpPost("objectives/{id:guid}/carry-forward")]
    [ProducesResponseType<CarryForwardResultDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> CarryForward(Guid id, [FromBody] CarryForwardRequest request, CancellationToken ct)
    {
        var result = await Carry.CarryAsync(id, request.Period, ct);
        return Created($"/api/v1/okr/objectives/{result.Copy.Id}", result);
    }

    /// <summary>Carries several objectives of one period into a later one, all or none.</summary>
    [HttpPost("objectives/carry-forward")]
    [ProducesResponseType<IReadOnlyList<CarryForwardResultDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> CarryForwardMany([FromBody] BulkCarryForwardRequest request, CancellationToken ct) =>
        Ok(await Carry.CarryManyAsync(request.FromPeriod, request.ToPeriod, request.ObjectiveIds, ct));

    [HttpPatch("key-results/{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PatchKeyResult(Guid id, [FromBody] JsonElement patch, CancellationToken ct) =>
        Ok(await Objectives.PatchKeyResultAsync(id, patch, ct));

    /// <summary>Deletes a key result without check-ins (409 when it has some: they are history).</summary>
    [HttpDelete("key-results/{id:guid}")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> DeleteKeyResult(Guid id, CancellationToken ct) => Ok(await Objectives.DeleteKeyResultAsync(id, ct));

    [HttpPost("key-results/{id:guid}/check-ins")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> CheckIn(Guid id, [FromBody] CheckInRequest request, CancellationToken ct)
    {
        var objective = await Objectives.CheckInAsync(id, request, ct);
        return Created($"/api/v1/okr/objectives/{objective.Id}", objective);
    }

    [HttpGet("tree")]
    [ProducesResponseType<TreeDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Tree([FromQuery] string? period, CancellationToken ct) => Ok(await Alignment.TreeAsync(period, ct));

    /// <summary>Findings visible to the caller (a person's: that person, their managers, HR) and coverage.</summary>
    [HttpGet("alignment")]
    [ProducesResponseType<AlignmentDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> AlignmentReport([FromQuery] string? period, [FromQuery] Guid? orgUnitId, [FromQuery] Guid? personId,
        [FromQuery] string? code, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        Ok(await Alignment.AnalyzeAsync(period, orgUnitId, personId, ct, code, PageRequest.From(limit, offset)));

    [HttpGet("objectives/{id:guid}/parent-suggestions")]
    [ProducesResponseType<ParentSuggestionsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ParentSuggestions(Guid id, CancellationToken ct) => Ok(await Alignment.ParentSuggestionsAsync(id, ct));

    /// <summary>Suggestions for a goal that is not saved yet: <c>text</c>, <c>level</c> (default individual), <c>period</c>.</summary>
    [HttpGet("parent-suggestions")]
    [ProducesResponseType<ParentSuggestionsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> DraftParentSuggestions([FromQuery] string? text, [FromQuery] string? level, [FromQuery] string? period, CancellationToken ct) =>
        Ok(await Alignment.DraftSuggestionsAsync(text, level, period, ct));

    [HttpGet("objectives/{id:guid}/line-of-sight")]
    [ProducesResponseType<LineOfSightDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> LineOfSight(Guid id, CancellationToken ct) => Ok(await Alignment.LineOfSightAsync(id, ct));

    /// <summary>AI "explain and suggest" for one finding (offline drafter by default). Nothing changes until the suggestion is accepted.</summary>
    [HttpPost("objectives/{id:guid}/suggestions")]
    [ProducesResponseType<SuggestionDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Explain(Guid id, [FromBody] ExplainRequest request, CancellationToken ct)
    {
        var suggestion = await Suggestions.ExplainAsync(id, request, ct);
        return Created($"/api/v1/okr/suggestions/{suggestion.Id}", suggestion);
    }

    [HttpGet("suggestions/{id:guid}")]
    [ProducesResponseType<SuggestionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> GetSuggestion(Guid id, CancellationToken ct) => Ok(await Suggestions.GetAsync(id, ct));

    /// <summary>Applies exactly the stored proposal through the normal update path; logged.</summary>
    [HttpPost("suggestions/{id:guid}/accept")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Accept(Guid id, CancellationToken ct) => Ok(await Suggestions.AcceptAsync(id, ct));

    [HttpPost("suggestions/{id:guid}/dismiss")]
    [ProducesResponseType<SuggestionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Dismiss(Guid id, [FromBody] DismissRequest? request, CancellationToken ct) =>
        Ok(await Suggestions.DismissAsync(id, request?.Reason, ct));

    private ObjectivesService Objectives => HttpContext.RequestServices.GetRequiredService<ObjectivesService>();

    private CarryForwardService Carry => HttpContext.RequestServices.GetRequiredService<CarryForwardService>();

    private AlignmentService Alignment => HttpContext.RequestServices.GetRequiredService<AlignmentService>();

    private ExplainAndSuggestService Suggestions => HttpContext.RequestServices.GetRequiredService<ExplainAndSuggestService>();
}
