using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Web;

/// <summary>
/// Every state-changing request (POST, PUT, PATCH, DELETE) runs its action in one unit of work: the change,
/// its audit records and anything else it writes commit together, before the response is written, or not
/// at all when the action throws. Integration events follow the commit.
/// </summary>
internal sealed class TransactionPerRequestFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            await next();
            return;
        }

        await context.HttpContext.RequestServices.GetRequiredService<UnitOfWork>().RunAsync(async () =>
        {
            var executed = await next();
            // Rethrown inside the unit of work so it rolls back; the exception handler still turns it into ProblemDetails.
            if (executed.Exception is { } e && !executed.ExceptionHandled)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
        }, context.HttpContext.RequestAborted);
    }
}
