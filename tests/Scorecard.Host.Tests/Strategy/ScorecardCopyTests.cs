using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Reviews;

namespace Scorecard.Host.Tests.Strategy;

/// <summary>Issue 10, point 1: last period's scorecard copied into the next period — structure, owners and targets, no measurements.</summary>
public sealed class ScorecardCopyTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static IEnumerable<JsonNode> Objectives(JsonNode tree) => tree["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray())!;

    private static IEnumerable<JsonNode> Kpis(JsonNode tree) => Objectives(tree).SelectMany(o => o["kpis"]!.AsArray())!;

    [Fact]
    public async Task Copying_a_scorecard_into_the_next_period_keeps_structure_owners_and_targets_and_no_measurements()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var list = await admin.GetJsonAsync("/api/v1/scorecards");
        var sourceId = list["items"]!.AsArray().Single(s => s!["name"].Str() == "Brightline 2026")!["id"].Str();
        var source = await admin.GetJsonAsync($"/api/v1/scorecards/{sourceId}");
        Assert.Contains(Kpis(source), k => k["currentValue"] is not null);

        var early = await admin.PostAsJsonAsync($"/api/v1/scorecards/{sourceId}/copy", new { periodStart = "2026-06-01", periodEnd = "2027-05-31" });
        Assert.Equal("periodStart", (await Json.ReadAsync(early))["field"].Str());
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await employee.PostAsJsonAsync($"/api/v1/scorecards/{sourceId}/copy", new { periodStart = "2027-01-01", periodEnd = "2027-12-31" })).StatusCode);

        var response = await admin.PostAsJsonAsync($"/api/v1/scorecards/{sourceId}/copy", new { periodStart = "2027-01-01", periodEnd = "2027-12-31", name = "Brightline 2027" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = await Json.ReadAsync(response);
        Assert.NotEqual(sourceId, copy["id"].Str());
        Assert.Equal("Brightline 2027", copy["name"].Str());
        Assert.Equal("2027-01-01", copy["periodStart"].Str());
        Assert.Equal(source["perspectives"]!.AsArray().Select(p => (p!["name"].Str(), p["weight"]!.GetValue<double>())),
            copy["perspectives"]!.AsArray().Select(p => (p!["name"].Str(), p["weight"]!.GetValue<double>())));
        Assert.Equal(Objectives(source).Select(o => (o["name"].Str(), o["ownerId"]?.ToString(), o["weight"]!.GetValue<double>())),
            Objectives(copy).Select(o => (o["name"].Str(), o["ownerId"]?.ToString(), o["weight"]!.GetValue<double>())));
        Assert.Equal(Kpis(source).Select(k => (k["name"].Str(), k["target"]?.ToString(), k["baseline"]?.ToString(), k["ownerId"]?.ToString())),
            Kpis(copy).Select(k => (k["name"].Str(), k["target"]?.ToString(), k["baseline"]?.ToString(), k["ownerId"]?.ToString())));
        Assert.All(Kpis(copy), k => Assert.Null(k["currentValue"]));
        foreach (var k in Kpis(copy).Take(3))
            Assert.Empty((await admin.GetJsonAsync($"/api/v1/kpis/{k["id"].Str()}"))["measurements"]?.AsArray() ?? []);

        var sourceMap = await admin.GetJsonAsync($"/api/v1/scorecards/{sourceId}/strategy-map");
        var copyMap = await admin.GetJsonAsync($"/api/v1/scorecards/{copy["id"].Str()}/strategy-map");
        Assert.Equal(sourceMap["links"]!.AsArray().Select(l => l!["hypothesis"].Str()).Order(), copyMap["links"]!.AsArray().Select(l => l!["hypothesis"].Str()).Order());
        var initiatives = (await admin.GetJsonAsync($"/api/v1/scorecards/{copy["id"].Str()}/initiatives")).ToJsonString();
        var sourceInitiatives = (await admin.GetJsonAsync($"/api/v1/scorecards/{sourceId}/initiatives")).ToJsonString();
        Assert.Equal(sourceInitiatives.Split("\"name\"").Length, initiatives.Split("\"name\"").Length);
        Assert.Contains(await factory.AuditAsync("Scorecard", copy["id"].Str()), a => a.Action == "strategy.scorecard.copied");
        // The source is untouched: its measurements are all still there.
        Assert.Equal(Kpis(source).Count(k => k["currentValue"] is not null), Kpis(await admin.GetJsonAsync($"/api/v1/scorecards/{sourceId}")).Count(k => k["currentValue"] is not null));
    }
}
