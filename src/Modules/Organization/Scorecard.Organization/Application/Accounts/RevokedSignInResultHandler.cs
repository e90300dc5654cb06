using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// A cookie or token that <see cref="ActiveAccountCheck"/> turned anonymous (revoked, locked, person left)
/// authenticated technically, so authorization would answer 403; it is a sign-in problem, so answer 401
/// (the API) or send the browser to the sign-in page instead.
/// </summary>
internal sealed class RevokedSignInResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
            authorizeResult = PolicyAuthorizationResult.Challenge();
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
