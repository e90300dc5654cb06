using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace Scorecard.Host.Web;

/// <summary>Headers every answer carries, the proxy it may sit behind, and CSRF protection for the API.</summary>
internal static class SecurityHeaders
{
    // No inline script anywhere: page scripts are files under /js. Inline styles stay allowed for the SVG charts.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// Behind a reverse proxy that terminates TLS: <c>Scorecard:Proxy:TrustedProxies</c> (addresses, comma-separated)
    /// or <c>Scorecard:Proxy:TrustAll=true</c> makes X-Forwarded-For/-Proto count, so the client's address and
    /// HTTPS (Secure cookies, HSTS) are seen as the client sees them.
    /// </summary>
    public static IApplicationBuilder UseConfiguredForwardedHeaders(this WebApplication app)
    {
        var trusted = app.Configuration["Scorecard:Proxy:TrustedProxies"];
        var trustAll = app.Configuration.GetValue("Scorecard:Proxy:TrustAll", false);
        if (!trustAll && string.IsNullOrWhiteSpace(trusted)) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        if (trustAll)
        {
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        }
        else
        {
            foreach (var address in trusted!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                options.KnownProxies.Add(IPAddress.Parse(address));
        }
        return app.UseForwardedHeaders(options);
    }

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
