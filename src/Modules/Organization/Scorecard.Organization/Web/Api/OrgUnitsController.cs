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
    [HttpGet]
    [ProducesResponseType<Page<OrgUnitDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        Ok(await Service.ListAsync(PageRequest.From(limit, offset), ct));

    [HttpPost]
    [ProducesResponseType<OrgUnitDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Create([FromBody] CreateOrgUnitRequest request, CancellationToken ct)
    {
        var unit = await Service.CreateAsync(request, ct);
        return Created($"/api/v1/org-units/{unit.Id}", unit);
    }

    private OrgUnitsService Service => HttpContext.RequestServices.GetRequiredService<OrgUnitsService>();
}
