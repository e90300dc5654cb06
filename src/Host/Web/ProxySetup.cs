using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Scorecard.Host.Web;

internal static class ProxySetup
{
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
}
