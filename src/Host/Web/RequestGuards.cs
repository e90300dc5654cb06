using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Scorecard.Host.Web;

/// <summary>Requests refused before any action runs: bodies in a charset other than UTF-8, and cookie-only API writes without the antiforgery token.</summary>
internal static class RequestGuards
{
    /// <summary>
    /// Request bodies are UTF-8: a body declared in another charset (<c>application/json; charset=utf-16</c>) is
    /// refused with 415 before anything tries to decode it.
    /// </summary>
    public static IApplicationBuilder UseUtf8Bodies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var contentType = context.Request.ContentType;
        if (contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.Charset.HasValue && !IsUtf8(media.Charset.Value!))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported charset.",
                Detail = $"Request bodies are UTF-8; the charset '{media.Charset.Value}' is not supported.",
            }, options: null, contentType: "application/problem+json");
            return;
        }
        await next(context);
    });

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').ToLowerInvariant() is "utf-8" or "utf8" or "us-ascii";

    /// <summary>
    /// A state-changing API request authenticated by the sign-in cookie alone must carry the antiforgery token
    /// (header <c>RequestVerificationToken</c>, as the pages' scripts send it); bearer-token clients are not
    /// affected, since a browser never adds their header on its own.
    /// </summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var cookieOnly = context.User.Identity?.IsAuthenticated == true
                         && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (unsafeMethod && cookieOnly && request.Path.StartsWithSegments("/api"))
        {
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Antiforgery token missing or invalid.",
                    Detail = "A change made with the sign-in cookie must carry the page's antiforgery token (header RequestVerificationToken); API clients use a bearer token.",
                }, options: null, contentType: "application/problem+json");
                return;
            }
        }
        await next(context);
    });
}
