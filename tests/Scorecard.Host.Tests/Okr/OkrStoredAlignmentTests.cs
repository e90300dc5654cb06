using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Okr;

/// <summary>
/// The alignment report reads stored findings, and goal writes keep them current: a finding appears and disappears with
/// the writes that cause and cure it — also for a goal two levels below the one written (its descendants are
/// recomputed) — and the report says when the findings were computed.
/// </summary>
public sealed class OkrStoredAlignmentTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_stored_finding_appears_and_disappears_after_goal_writes()
    {
        var maya = await factory.ClientForAsync(ScorecardFactory.Admin);
        var priya = await factory.ClientForAsync(ScorecardFactory.Manager);
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var platform = await priya.UnitIdAsync("Brightline/Engineering/Platform");
        var tomasId = await tomas.PersonIdAsync();

        var company = (await maya.CreateObjectiveAsync(new { title = "Ship a dependable release train", level = "company", period = "2026-Q4" }))["id"].Str();
        var team = (await priya.CreateObjectiveAsync(new
        {
            title = "Automate platform releases", level = "team", period = "2026-Q4", orgUnitId = platform,
            parents = new[] { new { okrObjectiveId = company, weight = 1.0 } },
        }))["id"].Str();
        var goal = (await tomas.CreateObjectiveAsync(new { title = "Automate the release pipeline checks", level = "individual", period = "2026-Q4" }))["id"].Str();

        async Task<JsonNode> ReportAsync(HttpClient client, string query) => await client.GetJsonAsync($"/api/v1/okr/alignment?period=2026-Q4&{query}");
        static bool Has(JsonNode report, string code, string objective) =>
            report["findings"]!.AsArray().Any(f => f!["code"].Str() == code && f["objectiveId"]?.ToString() == objective);

        // A goal with no parent: UNALIGNED, with the team goal among the suggested parents; the report says when it computed.
        var before = await ReportAsync(tomas, $"personId={tomasId}");
        Assert.True(Has(before, "UNALIGNED", goal), before.ToJsonString());
        var unaligned = before["findings"]!.AsArray().First(f => f!["code"].Str() == "UNALIGNED" && f["objectiveId"].Str() == goal)!;
        Assert.Contains(unaligned["suggestions"]!.AsArray(), s => s!["id"].Str() == team);
        Assert.True(before["computedAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-5));

        // It supports the team goal now: the finding is gone.
        var linked = await tomas.PatchAsJsonAsync($"/api/v1/okr/objectives/{goal}", new { parents = new[] { new { okrObjectiveId = team, weight = 1.0 } } });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.False(Has(await ReportAsync(tomas, $"personId={tomasId}"), "UNALIGNED", goal));

        // The company goal is archived: the team goal's link breaks, and the goal below it loses its line of sight.
        Assert.Equal(HttpStatusCode.NoContent, (await maya.DeleteAsync($"/api/v1/okr/objectives/{company}")).StatusCode);
        var platformReport = await ReportAsync(hr, $"orgUnitId={platform}&limit=500");
        Assert.True(Has(platformReport, "BROKEN_PARENT", team), platformReport.ToJsonString());
        Assert.True(Has(platformReport, "UNALIGNED", goal), platformReport.ToJsonString());
        Assert.True(Has(await ReportAsync(hr, $"orgUnitId={platform}&code=unaligned&limit=500"), "UNALIGNED", goal));

        // The team goal supports a scorecard objective instead: both findings go.
        var customer = (await maya.CompanyScorecardAsync()).Objectives("Customer").First()["id"].Str();
        var relinked = await priya.PatchAsJsonAsync($"/api/v1/okr/objectives/{team}", new { parents = new[] { new { strategyObjectiveId = customer, weight = 1.0 } } });
        Assert.Equal(HttpStatusCode.OK, relinked.StatusCode);
        var after = await ReportAsync(hr, $"orgUnitId={platform}&limit=500");
        Assert.False(Has(after, "BROKEN_PARENT", team), after.ToJsonString());
        Assert.False(Has(after, "UNALIGNED", goal), after.ToJsonString());

        // The page shows the same stored findings and when they were computed.
        var page = await hr.GetStringAsync($"/okr/alignment?period=2026-Q4&orgUnitId={platform}");
        Assert.Contains("id=\"findings-computed\"", page);
        Assert.Contains("Findings computed", page);
    }
}
