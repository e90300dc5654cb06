using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Web.Api;

[ApiController]
[Route("api/v1")]
[Produces("application/json")]
public sealed class AuthController : ControllerBase
{
    /// <summary>
    /// Exchanges e-mail and password for a bearer token. Rate-limited per client address (429 with Retry-After);
    /// five failures lock sign-in to that account from that address for 15 minutes.
    /// </summary>
    [HttpPost("auth/token")]
    [EnableRateLimiting(SignInRateLimit.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<TokenDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<IActionResult> Token([FromBody] TokenRequest request, CancellationToken ct) =>
        Ok(await Accounts.IssueTokenAsync(request.Email, request.Password, HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.RequestServices.GetRequiredService<SignInCheck>(), ct));

    [HttpGet("me")]
    [Authorize]
    [ProducesResponseType<MeDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Me(CancellationToken ct)
    {
        var user = HttpContext.RequestServices.GetRequiredService<ICurrentUser>();
        var person = await HttpContext.RequestServices.GetRequiredService<OwnProfile>().GetAsync(ct);
        // The principal already carries the account's current roles (ActiveAccountCheck), so no second lookup.
        var roles = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>()
            .Value.ClaimsIdentity.RoleClaimType;
        return Ok(new MeDto(person, User.FindAll(roles).Select(c => c.Value).Distinct().Order().ToList(), user.Email ?? ""));
    }

    [HttpPost("me/password")]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ChangePassword([FromBody] ChangePasswordRequest request)
    {
        await Accounts.ChangeOwnPasswordAsync(User, request.CurrentPassword, request.NewPassword);
        return NoContent();
    }

    private AccountsService Accounts => HttpContext.RequestServices.GetRequiredService<AccountsService>();
}
