extern alias host;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>The real host on Kestrel on a loopback port, on a SQLite file of its own, in the Production environment.</summary>
internal sealed class ScorecardHost(string databasePath) : WebApplicationFactory<host::Program>
{
    public string ConnectionString => $"Data Source={databasePath}";

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    private static string HostDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scorecard.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from the repository."), "src", "Host");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(HostDirectory());
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Scorecard", ConnectionString);
        builder.UseSetting("Scorecard:Demo", "true");
        builder.UseSetting("Scorecard:SignIn:AttemptsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }
}
