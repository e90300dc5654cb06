using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Scorecard.Platform.Security;

namespace Scorecard.Platform.Security;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? PersonId =>
        Guid.TryParse(Principal?.FindFirstValue(ScorecardClaims.PersonId), out var id) ? id : null;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Email) ?? Principal?.FindFirstValue(ClaimTypes.Name);

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
