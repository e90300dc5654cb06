using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Okr;
using Scorecard.Testing;

namespace Scorecard.Host.Tests.Strategy;

/// <summary>
/// A scorecard tree read through the API is answered from memory while the Strategy tables have not changed — one SQL
/// command, the revision — and never older than the last change committed by any instance on the same database.
/// </summary>
public sealed class ScorecardTreeCacheTests(ScorecardTreeCacheTests.CachingCountingFactory factory) : IClassFixture<ScorecardTreeCacheTests.CachingCountingFactory>
{
    [Fact]
    public async Task A_repeated_read_runs_one_command_and_a_change_made_on_another_instance_shows_on_the_next_read()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var tree = await admin.CompanyScorecardAsync(); // builds the tree
        var path = $"/api/v1/scorecards/{tree["id"].Str()}";

        var (commands, cached) = await CountAsync(admin, path);
        Assert.Equal(1, commands); // the revision; an administrator's edit right needs no query
        Assert.Equal(tree.ToJsonString(), cached.ToJsonString());

        // Who may edit is decided per request, not cached with the tree.
        Assert.True(cached["canEdit"]!.GetValue<bool>());
        Assert.False((await hr.GetJsonAsync(path))["canEdit"]!.GetValue<bool>());

        // A measurement recorded on this instance shows at once.
        var kpi = Kpi(cached, "Net Promoter Score");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}/measurements",
            new { date = "2026-11-28", value = 61.5 })).StatusCode);
        Assert.Equal(61.5, Kpi(await admin.GetJsonAsync(path), "Net Promoter Score")["currentValue"]!.GetValue<double>());

        // A second instance on the same database renames the KPI; this instance's next read shows it.
        await using (var other = new SecondInstance(factory.Database))
        {
            var otherAdmin = await other.ClientForAsync(ScorecardFactory.Admin);
            var current = await otherAdmin.GetJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}");
            Assert.Equal(HttpStatusCode.OK, (await otherAdmin.PatchJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}",
                new { name = "Net Promoter Score (relationship)", version = current["version"].Str() })).StatusCode);
        }
        var after = await admin.GetJsonAsync(path);
        Assert.Contains(after["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray()).SelectMany(o => o!["kpis"]!.AsArray()),
            k => k!["name"].Str() == "Net Promoter Score (relationship)");
    }

    [Fact]
    public async Task Concurrent_changes_each_move_the_revision_on()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tree = await admin.CompanyScorecardAsync();
        var kpis = tree["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray()).SelectMany(o => o!["kpis"]!.AsArray())
            .Take(6).Select(k => k!["id"].Str()).ToList();
        var before = await RevisionAsync();
        var writes = await Task.WhenAll(kpis.Select((id, i) =>
            admin.PostAsJsonAsync($"/api/v1/kpis/{id}/measurements", new { date = "2026-11-27", value = 10.0 + i })));
        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Created, w.StatusCode));
        Assert.True(await RevisionAsync() - before >= kpis.Count, "a change left the revision where another one put it");
    }

    private Task<long> RevisionAsync() => Task.FromResult(factory.Database.Count("""SELECT "Value" FROM strategy_revision"""));

    private async Task<(int Commands, JsonNode Body)> CountAsync(HttpClient client, string path)
    {
        await client.GetAsync(path);
        factory.Counter.Start(path);
        var response = await client.GetAsync(path);
        var commands = factory.Counter.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (commands, await Json.ReadAsync(response));
    }

    private static JsonNode Kpi(JsonNode tree, string name) =>
        tree["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray()).SelectMany(o => o!["kpis"]!.AsArray()).Single(k => k!["name"].Str() == name)!;

    public sealed class CachingCountingFactory : OkrReadCostTests.CommandCountingFactory;

    private sealed class SecondInstance(TestDatabase database) : ScorecardFactory(database);
}
