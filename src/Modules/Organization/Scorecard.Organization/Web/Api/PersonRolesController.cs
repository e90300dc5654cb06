using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Web.Api.Models;

namespace Scorecard.Organization.Web.Api;

/// <summary>A person's roles (<c>Admin</c>, <c>HR</c>; matched ignoring case, answered as written here).</summary>
[ApiController]
[Authorize]
[Route("api/v1/people/{id:guid}/roles")]
[Produces("application/json")]
public sealed class PersonRolesController : ControllerBase
{
    /// <summary>HR and administrators read anyone's roles.</summary>
    [HttpGet]
    [ProducesResponseType<PersonRolesDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Ok(await Roles.GetAsync(id, ct));

    /// <summary>
    /// Replaces the roles (the empty list removes all). Administrators only; 409 for a person without an account
    /// or for the last active administrator losing Admin. The person's sessions are renewed on their next request.
    /// </summary>
    [HttpPut]
    [ProducesResponseType<PersonRolesDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Put(Guid id, [FromBody] SetRolesRequest request, CancellationToken ct) =>
        Ok(await Roles.SetAsync(id, request.Roles, ct));

    private RolesService Roles => HttpContext.RequestServices.GetRequiredService<RolesService>();
}
