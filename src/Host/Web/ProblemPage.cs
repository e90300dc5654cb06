using Microsoft.AspNetCore.Http;

namespace Scorecard.Host.Web;

/// <summary>A refusal or failure told to a person in a page: what happened and where to go next.</summary>
internal sealed record ProblemPage(int Status, string Heading, string Explanation, string? Detail, string TraceId)
{
    public static ProblemPage From(int status, string? title, string? detail, string traceId) => status switch
    {
        StatusCodes.Status403Forbidden => new(status, "You do not have access to this",
            "Your role or your place in the organization does not let you open this page or take this action.", detail, traceId),
        StatusCodes.Status404NotFound => new(status, "Not found",
            "There is no page here, or what it showed was removed or moved.", Useful(detail, title), traceId),
        StatusCodes.Status409Conflict => new(status, "This changed in the meantime",
            "Someone else saved a change first, or something still depends on it. Reload and try again.", Useful(detail, title), traceId),
        StatusCodes.Status429TooManyRequests => new(status, "Too many attempts",
            "Wait a minute before trying again.", null, traceId),
        >= 500 => new(status, "Something went wrong on our side",
            "Your request could not be completed. Nothing you did caused this; try again in a moment.", null, traceId),
        _ => new(status, title is { Length: > 0 } ? title.TrimEnd('.') : "The request could not be completed",
            "Go back, check what you entered and try again.", Useful(detail, null), traceId),
    };

    private static string? Useful(string? detail, string? title) => detail is { Length: > 0 } ? detail : null;
}
