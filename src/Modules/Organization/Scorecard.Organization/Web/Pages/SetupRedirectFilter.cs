using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Setup;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Web.Pages;

/// <summary>
/// Leads the administrator of a new install to setup: while nobody exists, any page an administrator without a
/// person opens redirects to <c>/setup</c>. Only that case costs a query; the API is never redirected.
/// </summary>
internal sealed class SetupRedirectFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.Controller is Controller
            && HttpMethods.IsGet(http.Request.Method)
            && !http.Request.Path.StartsWithSegments("/setup")
            && !http.Request.Path.StartsWithSegments("/account")
            && !http.Request.Path.StartsWithSegments("/api")
            && http.RequestServices.GetRequiredService<ICurrentUser>() is { IsAuthenticated: true, PersonId: null } user
            && user.IsInRole(Roles.Admin)
            && await http.RequestServices.GetRequiredService<SetupService>().IsPendingAsync(http.RequestAborted))
        {
            context.Result = new RedirectResult("/setup");
            return;
        }
        await next();
    }
}
