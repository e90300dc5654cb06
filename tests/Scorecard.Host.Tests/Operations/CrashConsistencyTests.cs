using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Scorecard.Testing;

namespace Scorecard.Host.Tests.Operations;

/// <summary>A change and its audit record commit in one transaction: a crash can lose both, never one.</summary>
public sealed class CrashConsistencyTests
{
    [Fact]
    public async Task Killed_during_a_burst_of_audited_writes_every_committed_change_has_its_audit_record()
    {
        await using var database = TestDatabase.Create("crash");
        var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["ConnectionStrings__Scorecard"] = database.ConnectionString });
        await using var _ = host;
        using var http = host.Client();
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = ScorecardFactory.Admin, password = ScorecardFactory.DemoPassword });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Json.ReadAsync(token.EnsureSuccessStatusCode()))["accessToken"].Str());
        var units = await http.GetJsonAsync("/api/v1/org-units");
        var unitId = units["items"]!.AsArray().Select(u => u!["id"].Str()).Last();

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        async Task WriteLoop(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await http.PostAsJsonAsync("/api/v1/scorecards", new
                    {
                        orgUnitId = unitId, name = $"Burst {writer}-{i}", periodStart = "2031-01-01", periodEnd = "2031-12-31",
                    }, stop.Token);
                    if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((await Json.ReadAsync(response))["id"].Str());
                    else Assert.Fail($"A write was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return;   // the host is gone
                }
            }
        }
        var writers = Enumerable.Range(0, 4).Select(WriteLoop).ToList();
        while (acknowledged.Count < 20 && !stop.IsCancellationRequested) await Task.Delay(10);
        await host.KillHardAsync();
        await Task.WhenAll(writers);

        var stored = database.Column("SELECT \"Id\" FROM strategy_scorecards WHERE \"Name\" LIKE 'Burst %'")
            .Select(id => id.ToLowerInvariant()).ToHashSet();
        var audited = database.Column("SELECT \"SubjectId\" FROM platform_audit_log WHERE \"Action\" = 'strategy.scorecard.created'")
            .Select(id => id.ToLowerInvariant()).ToHashSet();
        Assert.True(acknowledged.Count >= 20, $"Only {acknowledged.Count} writes were acknowledged before the kill.");
        Assert.Subset(stored, acknowledged.ToHashSet());   // nothing acknowledged was lost
        Assert.Empty(stored.Except(audited));              // every committed change has its audit record
        Assert.Empty(audited.Except(stored));              // and no audit record describes a change that did not commit
    }
}
