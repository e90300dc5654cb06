using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform.Paging;

namespace Scorecard.Organization.Web.Api;

[ApiController]
[Authorize]
[Route("api/v1/org-units")]
[Produces("application/json")]
public sealed class OrgUnitsController : ControllerBase
{
    /// <summary>Units in path order; <c>search</c> matches the name or the path, ignoring case (the unit fields' search).</summary>
    [HttpGet]
    [ProducesResponseType<Page<OrgUnitDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] string? search, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        Ok(await Service.ListAsync(PageRequest.From(limit, offset), ct, search));

    [HttpPost]
    [ProducesResponseType<OrgUnitDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Create([FromBody] CreateOrgUnitRequest request, CancellationToken ct)
    {
        var unit = await Service.CreateAsync(request, ct);
        return Created($"/api/v1/org-units/{unit.Id}", unit);
    }

    /// <summary>Rename and/or move a unit; a move into its own subtree is 422, a duplicate sibling name 409.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<OrgUnitDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Update(Guid id, [FromBody] UpdateOrgUnitRequest request, CancellationToken ct) =>
        Ok(await Service.UpdateAsync(id, request, ct));

    /// <summary>Delete a unit nothing uses (no unit under it, person, scorecard or OKR); otherwise 409 naming the users.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await Service.DeleteAsync(id, ct);
        return NoContent();
    }

    private OrgUnitsService Service => HttpContext.RequestServices.GetRequiredService<OrgUnitsService>();
}
