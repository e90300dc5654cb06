using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Setup;
using Scorecard.Organization.Web.Api.Models;

namespace Scorecard.Organization.Web.Api;

/// <summary>First run of an install without people (see the setup page).</summary>
[ApiController]
[Authorize]
[Route("api/v1/setup")]
[Produces("application/json")]
public sealed class SetupController : ControllerBase
{
    /// <summary>Whether setup is still to be done (nobody exists yet).</summary>
    [HttpGet]
    public async Task<IActionResult> Get(CancellationToken ct) => Ok(new { pending = await Setup.IsPendingAsync(ct) });

    /// <summary>Creates the root unit named after the company and the administrator's own person, linked to their account. 409 once done.</summary>
    [HttpPost]
    [ProducesResponseType<SetupDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Post([FromBody] SetupRequest request, CancellationToken ct)
    {
        var done = await Setup.CompleteAsync(request, User, ct);
        return Created($"/api/v1/people/{done.Person.Id}", done);
    }

    private SetupService Setup => HttpContext.RequestServices.GetRequiredService<SetupService>();
}
