using System.Diagnostics;

namespace Scorecard.Host.Tests;

/// <summary>The host as people start it: its own process, printing where it runs and how to sign in.</summary>
public sealed class HostProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scorecard-process-").FullName;

    [Fact]
    public async Task The_host_process_creates_its_database_seeds_the_demo_and_prints_the_url_and_the_sign_in()
    {
        var hostDirectory = HostOutputDirectory();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(hostDirectory, "Scorecard.Host.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = hostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Scorecard"] = $"Data Source={Path.Combine(_dir, "data", "scorecard.db")}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        try
        {
            string? url = null;
            var signIn = false;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (!(url is not null && signIn))
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                           ?? throw new InvalidOperationException("The host exited: " + await process.StandardError.ReadToEndAsync());
                if (line.StartsWith("Scorecard is running at ", StringComparison.Ordinal)) url = line["Scorecard is running at ".Length..].Trim();
                if (line.Contains("Scorecard-Demo-2026", StringComparison.Ordinal)) signIn = true;
            }

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Equal("Healthy", await http.GetStringAsync("/health"));
            Assert.Contains("Sign in to Scorecard", await http.GetStringAsync("/account/sign-in"));
            Assert.True(File.Exists(Path.Combine(_dir, "data", "scorecard.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// The host's own build output (src/Host/bin/&lt;configuration&gt;/&lt;tfm&gt;), built with this test project:
    /// run from there, the host loads exactly the dependencies it was built with, not the test project's.
    /// </summary>
    private static string HostOutputDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scorecard.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var testProject = Path.Combine(dir.FullName, "tests", "Scorecard.Host.Tests");
        var outputSuffix = Path.GetRelativePath(testProject, AppContext.BaseDirectory);   // bin/<configuration>/<tfm>
        var hostDirectory = Path.Combine(dir.FullName, "src", "Host", outputSuffix);
        Assert.True(File.Exists(Path.Combine(hostDirectory, "Scorecard.Host.dll")), $"The host is not built at {hostDirectory}.");
        return hostDirectory;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
