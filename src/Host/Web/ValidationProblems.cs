using Microsoft.AspNetCore.Mvc;

namespace Scorecard.Host.Web;

/// <summary>
/// Model-binding failures (malformed JSON, a missing or wrongly typed field) answer 400 ProblemDetails
/// with the per-field errors and, like every other 400 here, <c>field</c> naming the first bad field.
/// </summary>
internal static class ValidationProblems
{
    public static IActionResult Create(ActionContext context)
    {
        var problem = new ValidationProblemDetails(context.ModelState)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        };
        // Prefer the JSON path of the offending value ("$.hireDate") over the parameter-level entry.
        var keys = context.ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        var first = keys.FirstOrDefault(k => k.StartsWith("$.", StringComparison.Ordinal)) ?? keys.FirstOrDefault();
        if (first is not null) problem.Extensions["field"] = FieldName(first);
        problem.Detail = first is null ? null : $"'{FieldName(first)}' is missing or not valid.";
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    /// <summary>"$.hireDate" or "HireDate" or "request.HireDate" → "hireDate".</summary>
    public static string FieldName(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && !key.StartsWith("$.", StringComparison.Ordinal)) name = name[(dot + 1)..];
        if (name.Length == 0 || name == "$") return "body";
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
