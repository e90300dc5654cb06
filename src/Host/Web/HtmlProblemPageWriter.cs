using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace Scorecard.Host.Web;

/// <summary>
/// Pages for people, ProblemDetails for machines: a refusal, a missing page or a failure answered to a browser
/// navigating a page (not <c>/api</c>, asking for HTML) is a page in the layout; everything else stays
/// <c>application/problem+json</c>. Registered ahead of the default writer, which would answer a browser's
/// <c>*/*</c> with JSON.
/// </summary>
internal sealed class HtmlProblemPageWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => IsPageRequest(context.HttpContext.Request);

    public static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var page = ProblemPage.From(status, context.ProblemDetails.Title, context.ProblemDetails.Detail,
            System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        var result = new ViewResult
        {
            ViewName = "~/Views/Shared/Problem.cshtml",
            StatusCode = status,
            ViewData = new ViewDataDictionary<ProblemPage>(metadata, new ModelStateDictionary()) { Model = page },
        };
        await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }
}
