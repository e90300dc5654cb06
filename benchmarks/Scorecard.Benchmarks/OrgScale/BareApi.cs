using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>The reference: a bare ASP.NET Core minimal API on Kestrel, answering the same shapes without any work.</summary>
internal sealed class BareApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareApi(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<BareApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        app.MapGet("/api/v1/me", () => Results.Json(new { email = "someone@example.com", roles = new[] { "employee" }, person = new { id = Guid.Empty, name = "Someone" } }));
        await app.StartAsync();
        var bare = new BareApi(app);
        bare.BaseAddress = new Uri(app.Urls.First());
        return bare;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
