using Scorecard.Host.Tests.Operations;
using Scorecard.Testing;

namespace Scorecard.Host.Tests;

/// <summary>The host as people start it: its own process, printing where it runs and how to sign in.</summary>
public sealed class HostProcessTests
{
    [Fact]
    public async Task The_host_process_creates_its_database_seeds_the_demo_and_prints_the_url_and_the_sign_in()
    {
        await using var database = TestDatabase.Create();
        var elsewhere = Directory.CreateTempSubdirectory("scorecard-cwd-").FullName;
        // Started from an unrelated working directory: settings and static files still come from the app's folder.
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Scorecard"] = database.ConnectionString,
        }, elsewhere);
        using var http = host.Client();
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));
        Assert.Equal("Healthy", await http.GetStringAsync("/health/ready"));
        Assert.Contains("Sign in to Scorecard", await http.GetStringAsync("/account/sign-in"));
        var css = await http.GetAsync("/css/site.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(host.Output, l => l.Contains("Scorecard-Demo-2026", StringComparison.Ordinal));
        // Production logging levels from appsettings.json: no SQL command is logged.
        Assert.DoesNotContain(host.Output, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.Equal(49, database.Count("SELECT count(*) FROM org_people"));
        Directory.Delete(elsewhere, recursive: true);
    }

    [Fact]
    public async Task The_migrate_command_migrates_and_seeds_then_exits_and_an_instance_that_does_not_migrate_starts_ready()
    {
        await using var database = TestDatabase.Create();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Scorecard"] = database.ConnectionString };
        var (exitCode, output) = await HostProcess.RunAsync(environment, "migrate");
        Assert.True(exitCode == 0, output);
        Assert.Contains("The database is migrated and seeded.", output);
        Assert.Equal(49, database.Count("SELECT count(*) FROM org_people"));

        environment["Scorecard__Database__MigrateOnStart"] = "false";
        await using var host = await HostProcess.StartAsync(environment);
        using var http = host.Client();
        Assert.Equal("Healthy", await http.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task An_instance_that_does_not_migrate_is_alive_but_not_ready_on_an_empty_database()
    {
        await using var database = TestDatabase.Create();
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Scorecard"] = database.ConnectionString,
            ["Scorecard__Database__MigrateOnStart"] = "false",
        });
        using var http = host.Client();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
    }
}
