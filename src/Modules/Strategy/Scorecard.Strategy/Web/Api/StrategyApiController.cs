using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Web;
using Scorecard.Strategy.Application;
using Scorecard.Strategy.Web.Api.Models;
using Scorecard.Strategy.Web.Charts;
using static Scorecard.Strategy.Web.Api.BodyRules;

namespace Scorecard.Strategy.Web.Api;

/// <summary>Scorecards, perspectives, the strategy map, health, initiatives and strategy reviews.</summary>
[ApiController]
[Authorize]
[Route("api/v1/scorecards")]
[Produces("application/json")]
public sealed class ScorecardsController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<Page<ScorecardSummaryDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] Guid? orgUnitId, [FromQuery] DateOnly? asOf, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        var list = await Queries.ListAsync(orgUnitId, asOf, page, ct);
        PagingLinks.Write(HttpContext, page, list.Total);
        return Ok(list);
    }

    [HttpPost]
    [ProducesResponseType<ScorecardDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create([FromBody] CreateScorecardRequest? request, CancellationToken ct)
    {
        var id = await Commands.CreateScorecardAsync(request ?? throw NoBody(), ct);
        return Created($"/api/v1/scorecards/{id}", await Queries.GetAsync(id, ct));
    }

    /// <summary>
    /// A copy for the next period of the same unit: structure, owners and targets (perspectives, objectives, KPIs, links,
    /// initiatives), no measurements. <c>periodStart</c> must come after the copied period's end.
    /// </summary>
    [HttpPost("{id:guid}/copy")]
    [ProducesResponseType<ScorecardDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Copy(Guid id, [FromBody] CopyScorecardRequest? request, CancellationToken ct)
    {
        var copy = await HttpContext.RequestServices.GetRequiredService<ScorecardCopier>().CopyAsync(id, request ?? throw NoBody(), ct);
        return Created($"/api/v1/scorecards/{copy}", await Queries.GetAsync(copy, ct));
    }

    /// <summary>The whole tree: perspectives → objectives → KPIs with computed progress, performance and status.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ScorecardDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) =>
        Ok(await HttpContext.RequestServices.GetRequiredService<ScorecardTreeCache>().GetAsync(id,
            HttpContext.RequestServices.GetRequiredService<Persistence.StrategyDbContext>(), Queries,
            HttpContext.RequestServices.GetRequiredService<StrategyAccess>(), ct));

    /// <summary>JSON merge-patch (name, ownerId, periodStart, periodEnd); send <c>version</c> to refuse a stale edit (409).</summary>
    [HttpPatch("{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<ScorecardDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken ct)
    {
        await Commands.PatchScorecardAsync(id, patch, ct);
        return Ok(await Fresh<StrategyQueries>().GetAsync(id, ct));
    }

    [HttpPost("{id:guid}/perspectives")]
    [ProducesResponseType<PerspectiveDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddPerspective(Guid id, [FromBody] CreatePerspectiveRequest? request, CancellationToken ct)
    {
        var perspectiveId = await Commands.AddPerspectiveAsync(id, request ?? throw NoBody(), ct);
        var tree = await Queries.GetAsync(id, ct);
        return Created($"/api/v1/scorecards/{id}", tree.Perspectives.Single(p => p.Id == perspectiveId));
    }

    [HttpPost("{id:guid}/objectives")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddObjective(Guid id, [FromBody] CreateObjectiveRequest? request, CancellationToken ct)
    {
        var objectiveId = await Commands.AddObjectiveAsync(id, request ?? throw NoBody(), ct);
        return Created($"/api/v1/objectives/{objectiveId}", await Queries.GetObjectiveAsync(objectiveId, ct));
    }

    /// <summary>A cause-and-effect link with its hypothesis; self-links, duplicates and cycles are 422 (the cycle's path is named).</summary>
    [HttpPost("{id:guid}/links")]
    [ProducesResponseType<LinkDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> AddLink(Guid id, [FromBody] CreateLinkRequest? request, CancellationToken ct)
    {
        var link = await Commands.AddLinkAsync(id, request ?? throw NoBody(), ct);
        return Created($"/api/v1/scorecards/{id}/strategy-map", link);
    }

    [HttpGet("{id:guid}/health")]
    [ProducesResponseType<HealthDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Health(Guid id, CancellationToken ct) => Ok(await Queries.HealthAsync(id, ct));

    /// <summary>Links with their hypothesis check (verdict, best lag, r at lags 0–3).</summary>
    [HttpGet("{id:guid}/strategy-map")]
    [ProducesResponseType<StrategyMapDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Map(Guid id, CancellationToken ct) => Ok(await Queries.MapAsync(id, ct));

    [HttpGet("{id:guid}/strategy-map.svg")]
    [Produces("image/svg+xml")]
    public async Task<IActionResult> MapSvg(Guid id, CancellationToken ct)
    {
        var tree = await Queries.GetAsync(id, ct);
        var map = await Queries.MapAsync(id, ct);
        return File(Encoding.UTF8.GetBytes(Svg.StrategyMap(tree, map)), "image/svg+xml");
    }

    /// <summary>One page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet("{id:guid}/initiatives")]
    [ProducesResponseType<IReadOnlyList<InitiativeDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Initiatives(Guid id, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await Queries.InitiativesAsync(id, ct), page));
    }

    /// <summary>Newest first, one page (<c>limit</c>, default 100; <c>offset</c>); the total in <c>X-Total-Count</c>, the next page in <c>Link</c>.</summary>
    [HttpGet("{id:guid}/reviews")]
    [ProducesResponseType<IReadOnlyList<StrategyReviewDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reviews(Guid id, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        return Ok(PagingLinks.PageOf(HttpContext, await Queries.ReviewsAsync(id, ct), page));
    }

    /// <summary>Records a strategy review: date, attendees, decisions and actions (owner, due date, objective).</summary>
    [HttpPost("{id:guid}/reviews")]
    [ProducesResponseType<StrategyReviewDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RecordReview(Guid id, [FromBody] CreateStrategyReviewRequest? request, CancellationToken ct)
    {
        var reviewId = await Commands.RecordReviewAsync(id, request ?? throw NoBody(), ct);
        var review = (await Queries.ReviewsAsync(id, ct)).Single(r => r.Id == reviewId);
        return Created($"/api/v1/scorecards/{id}/reviews", review);
    }

    private StrategyQueries Queries => HttpContext.RequestServices.GetRequiredService<StrategyQueries>();

    private StrategyCommands Commands => HttpContext.RequestServices.GetRequiredService<StrategyCommands>();

    private T Fresh<T>() where T : notnull => ActivatorUtilities.CreateInstance<T>(HttpContext.RequestServices);
}

/// <summary>Perspectives (rename, reweight, reorder, remove) and strategy-map links.</summary>
[ApiController]
[Authorize]
[Route("api/v1")]
[Produces("application/json")]
public sealed class PerspectivesController : ControllerBase
{
    /// <summary>JSON merge-patch (name, weight, position); <c>version</c> → 409 when stale.</summary>
    [HttpPatch("perspectives/{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<ScorecardDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken ct)
    {
        var scorecardId = await Service<StrategyCommands>().PatchPerspectiveAsync(id, patch, ct);
        return Ok(await Service<StrategyQueries>().GetAsync(scorecardId, ct));
    }

    [HttpDelete("perspectives/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await Service<StrategyCommands>().DeletePerspectiveAsync(id, ct);
        return NoContent();
    }

    [HttpDelete("links/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteLink(Guid id, CancellationToken ct)
    {
        await Service<StrategyCommands>().DeleteLinkAsync(id, ct);
        return NoContent();
    }

    /// <summary>JSON merge-patch of a link's hypothesis; <c>version</c> → 409 when stale.</summary>
    [HttpPatch("links/{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> PatchLink(Guid id, [FromBody] JsonElement patch, CancellationToken ct)
    {
        await Service<StructureEdits>().PatchLinkAsync(id, patch, ct);
        return NoContent();
    }

    [HttpDelete("initiatives/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteInitiative(Guid id, CancellationToken ct)
    {
        await Service<StructureEdits>().DeleteInitiativeAsync(id, ct);
        return NoContent();
    }

    /// <summary>JSON merge-patch of an initiative (name, ownerId, start, end, budget, currency, status, percentComplete, version).</summary>
    [HttpPatch("initiatives/{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> PatchInitiative(Guid id, [FromBody] JsonElement patch, CancellationToken ct)
    {
        await Service<StrategyCommands>().PatchInitiativeAsync(id, patch, ct);
        return NoContent();
    }

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

/// <summary>Objectives: edit, delete, cascade (contributes-to), KPIs, initiatives, line of sight.</summary>
[ApiController]
[Authorize]
[Route("api/v1/objectives")]
[Produces("application/json")]
public sealed class ObjectivesController : ControllerBase
{
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Ok(await Service<StrategyQueries>().GetObjectiveAsync(id, ct));

    /// <summary>JSON merge-patch (name, description, ownerId, weight, perspectiveId); <c>version</c> → 409 when stale.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<ObjectiveDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken ct)
    {
        await Service<StrategyCommands>().PatchObjectiveAsync(id, patch, ct);
        return Ok(await Service<StrategyQueries>().GetObjectiveAsync(id, ct));
    }

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await Service<StrategyCommands>().DeleteObjectiveAsync(id, ct);
        return NoContent();
    }

    /// <summary>Declares that this (department or team) objective contributes to a parent-scorecard objective.</summary>
    [HttpPost("{id:guid}/contributes-to")]
    [ProducesResponseType<ContributionDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> ContributesTo(Guid id, [FromBody] ContributesToRequest? request, CancellationToken ct)
    {
        var contribution = await Service<StrategyCommands>().ContributeAsync(id, request ?? throw NoBody(), ct);
        return Created($"/api/v1/objectives/{id}/line-of-sight", contribution);
    }

    /// <summary>Withdraws a contributes-to link of this objective.</summary>
    [HttpDelete("{id:guid}/contributes-to/{contributionId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> RemoveContribution(Guid id, Guid contributionId, CancellationToken ct)
    {
        await Service<StructureEdits>().RemoveContributionAsync(id, contributionId, ct);
        return NoContent();
    }

    [HttpPost("{id:guid}/kpis")]
    [ProducesResponseType<KpiDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddKpi(Guid id, [FromBody] CreateKpiRequest? request, CancellationToken ct)
    {
        var kpiId = await Service<StrategyCommands>().AddKpiAsync(id, request ?? throw NoBody(), ct);
        return Created($"/api/v1/kpis/{kpiId}", await Service<StrategyQueries>().GetKpiAsync(kpiId, ct));
    }

    [HttpPost("{id:guid}/initiatives")]
    [ProducesResponseType<InitiativeDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddInitiative(Guid id, [FromBody] CreateInitiativeRequest? request, CancellationToken ct)
    {
        var initiativeId = await Service<StrategyCommands>().AddInitiativeAsync(id, request ?? throw NoBody(), ct);
        var objective = await Service<StrategyQueries>().GetObjectiveAsync(id, ct);
        var initiative = (await Service<StrategyQueries>().InitiativesAsync(objective.ScorecardId, ct)).Single(i => i.Id == initiativeId);
        return Created($"/api/v1/scorecards/{objective.ScorecardId}/initiatives", initiative);
    }

    /// <summary>The unbroken contributes-to paths from this objective up to company objectives.</summary>
    [HttpGet("{id:guid}/line-of-sight")]
    [ProducesResponseType<LineOfSightDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> LineOfSight(Guid id, CancellationToken ct) => Ok(await Service<StrategyQueries>().LineOfSightAsync(id, ct));

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

/// <summary>KPIs and their measurements.</summary>
[ApiController]
[Authorize]
[Route("api/v1/kpis")]
[Produces("application/json")]
public sealed class KpisController : ControllerBase
{
    /// <summary>The KPI with progress, performance, status (fractions 0–1) and its measurement history (newest first).</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<KpiDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Ok(await Service<StrategyQueries>().GetKpiAsync(id, ct));

    /// <summary>JSON merge-patch of the KPI's definition; <c>version</c> → 409 when stale.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<KpiDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken ct)
    {
        await Service<StrategyCommands>().PatchKpiAsync(id, patch, ct);
        return Ok(await Service<StrategyQueries>().GetKpiAsync(id, ct));
    }

    /// <summary>Deletes the KPI with its measurements (audited); its sub-KPIs stay, measured directly.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await Service<StructureEdits>().DeleteKpiAsync(id, ct);
        return NoContent();
    }

    /// <summary>Corrects a measurement's value with a reason; <c>version</c> (from the KPI's history) → 409 when stale. Kept and audited.</summary>
    [HttpPut("{id:guid}/measurements/{measurementId:guid}")]
    [ProducesResponseType<MeasurementDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> CorrectMeasurement(Guid id, Guid measurementId, [FromBody] CorrectMeasurementRequest? request, CancellationToken ct) =>
        Ok(await Service<MeasurementCorrections>().CorrectAsync(id, measurementId, request ?? throw NoBody(), ct));

    /// <summary>Deletes a measurement with a reason (body <c>{"reason": …, "version": …}</c>); kept in the corrections and audited.</summary>
    [HttpDelete("{id:guid}/measurements/{measurementId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteMeasurement(Guid id, Guid measurementId, [FromBody] DeleteMeasurementRequest? request, CancellationToken ct)
    {
        await Service<MeasurementCorrections>().DeleteAsync(id, measurementId, request ?? throw NoBody(), ct);
        return NoContent();
    }

    /// <summary>The corrections and deletions of the KPI's measurements, newest first.</summary>
    [HttpGet("{id:guid}/measurements/corrections")]
    [ProducesResponseType<IReadOnlyList<MeasurementCorrectionDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Corrections(Guid id, CancellationToken ct) => Ok(await Service<MeasurementCorrections>().HistoryAsync(id, ct));

    [HttpPost("{id:guid}/measurements")]
    [ProducesResponseType<KpiDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddMeasurement(Guid id, [FromBody] CreateMeasurementRequest? request, CancellationToken ct)
    {
        await Service<StrategyCommands>().AddMeasurementAsync(id, request ?? throw NoBody(), ct);
        return Created($"/api/v1/kpis/{id}", await Service<StrategyQueries>().GetKpiAsync(id, ct));
    }

    /// <summary>CSV <c>kpiId,date,value,note</c>, all-or-nothing; errors name line and column (422).</summary>
    [HttpPost("measurements/import")]
    [Consumes("text/csv")]
    [ProducesResponseType<MeasurementImportResultDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ImportErrorsDto>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Import(CancellationToken ct)
    {
        var csv = await RequestBody.ReadTextAsync(Request, cancellationToken: ct);
        var (result, errors) = await Service<StrategyCommands>().ImportMeasurementsAsync(csv, ct);
        return errors is not null ? UnprocessableEntity(errors) : Ok(result);
    }

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

internal static class BodyRules
{
    public static BadInputException NoBody() => new("body", "The request needs a JSON body.");
}
