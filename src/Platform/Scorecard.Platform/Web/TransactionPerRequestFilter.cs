using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Web;

/// <summary>
/// Every state-changing request (POST, PUT, PATCH, DELETE) runs its action in one unit of work: the change,
/// its audit records and anything else it writes commit together, before the response is written, or not
/// at all when the action throws or answers an error (a page that catches a refusal and shows the form again with
/// 4xx writes nothing it had saved before the refusal), unless the action keeps its writes on refusal
/// (<see cref="KeepsWritesOnRefusalAttribute"/>). Integration events follow the commit.
/// </summary>
internal sealed class TransactionPerRequestFilter(UnitOfWork unitOfWork) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            await next();
            return;
        }

        var keepsRefusals = context.ActionDescriptor.EndpointMetadata.OfType<KeepsWritesOnRefusalAttribute>().Any();
        try
        {
            await unitOfWork.RunAsync(async () =>
            {
                var executed = await next();
                // Rethrown inside the unit of work so it rolls back; the exception handler still turns it into ProblemDetails.
                if (executed.Exception is { } e && !executed.ExceptionHandled)
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
                if (!keepsRefusals && IsError(executed)) throw new Refused();
            }, context.HttpContext.RequestAborted);
        }
        catch (Refused)
        {
            // Rolled back; the action's own answer (the form with its error, a ProblemDetails) is still written.
        }
    }

    private static bool IsError(ActionExecutedContext executed) =>
        (executed.Result is IStatusCodeActionResult { StatusCode: { } code } ? code : executed.HttpContext.Response.StatusCode) >= 400;

    private sealed class Refused : Exception;
}
