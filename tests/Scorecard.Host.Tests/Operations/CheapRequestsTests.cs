using System.Net;
using Scorecard.Host.Tests.Okr;

namespace Scorecard.Host.Tests.Operations;

/// <summary>
/// The requests every client makes all the time stay cheap (issue 15, point 3): <c>/health</c> runs no SQL, and
/// <c>/api/v1/me</c> runs none beyond the account check (itself cached for a few seconds), because that check reads the
/// person with the account — while a change to the person still shows on the next call.
/// </summary>
public sealed class CheapRequestsTests(OkrReadCostTests.CountingFactory factory) : IClassFixture<OkrReadCostTests.CountingFactory>
{
    [Fact]
    public async Task Liveness_runs_no_SQL_command()
    {
        var client = factory.CreateClient();
        factory.Counter.Start("/health");
        var response = await client.GetAsync("/health");
        var commands = factory.Counter.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, commands);

        // Readiness is a different answer: it asks the database (liveness, answered early, does not swallow it).
        factory.Counter.Start("/health/ready");
        var ready = await client.GetAsync("/health/ready");
        var readyCommands = factory.Counter.Stop();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(readyCommands > 0, "readiness ran no SQL");
    }

    [Fact]
    public async Task Me_runs_no_SQL_command_beyond_the_account_check_and_shows_a_change_to_the_person_at_once()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var before = await employee.GetJsonAsync("/api/v1/me");

        factory.Counter.Start("/api/v1/me");
        var me = await employee.GetJsonAsync("/api/v1/me");
        var commands = factory.Counter.Stop();
        Assert.Equal(0, commands);
        Assert.Equal(before["person"]!["jobTitle"].Str(), me["person"]!["jobTitle"].Str());
        Assert.Equal(ScorecardFactory.Employee, me["email"].Str());

        var id = me["person"]!["id"].Str();
        var patched = await hr.PatchJsonAsync($"/api/v1/people/{id}", new { jobTitle = "Principal Account Executive", version = me["person"]!["version"].Str() });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await employee.GetJsonAsync("/api/v1/me");
        Assert.Equal("Principal Account Executive", after["person"]!["jobTitle"].Str());
        Assert.Null(after["person"]!["gender"]); // the HR-only attributes stay HR-only on one's own record too
    }
}
