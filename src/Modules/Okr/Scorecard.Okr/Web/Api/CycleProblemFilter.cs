using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Web.Api;

/// <summary>A parent link that would close a cycle: 422 ProblemDetails naming the field and the cycle's path (ids, child first).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class CycleProblemFilterAttribute : Attribute, IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not AlignmentCycleException cycle) return;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = cycle.Title,
            Detail = cycle.Message,
        };
        problem.Extensions["field"] = "parents";
        problem.Extensions["cyclePath"] = cycle.CyclePath;
        context.Result = new ObjectResult(problem) { StatusCode = StatusCodes.Status422UnprocessableEntity, ContentTypes = { "application/problem+json" } };
        context.ExceptionHandled = true;
    }
}
