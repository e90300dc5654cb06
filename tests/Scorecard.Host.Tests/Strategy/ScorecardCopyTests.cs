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

    [Fact]
    public async Task The_scorecard_page_copies_into_the_next_period_and_shows_a_bad_period_beside_the_form()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var sourceId = (await admin.GetJsonAsync("/api/v1/scorecards"))["items"]!.AsArray().Single(s => s!["name"].Str() == "Brightline 2026")!["id"].Str();
        var page = await admin.GetStringAsync($"/scorecards/{sourceId}");
        Assert.Contains("id=\"copy-scorecard\"", page);
        var token = PageForms.AntiforgeryToken(page);
        var bad = await admin.PostAsync($"/scorecards/{sourceId}/copy", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "Too early", ["periodStart"] = "2026-03-01", ["periodEnd"] = "2026-12-31",
        }));
        Assert.Contains("must start after", await FollowAsync(admin, bad));
        var ok = await admin.PostAsync($"/scorecards/{sourceId}/copy", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "Brightline 2028", ["periodStart"] = "2028-01-01", ["periodEnd"] = "2028-12-31",
        }));
        Assert.Contains("<h1>Brightline 2028</h1>", await FollowAsync(admin, ok));
        Assert.Contains((await admin.GetJsonAsync("/api/v1/scorecards"))["items"]!.AsArray(), s => s!["name"].Str() == "Brightline 2028");
    }

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response) =>
        response.Headers.Location is { } location ? await client.GetStringAsync(location) : await response.Content.ReadAsStringAsync();
}
