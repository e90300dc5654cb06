using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scorecard.Host.Tests.Strategy;

/// <summary>Issue 10, point 1: the scorecard builder pages post to the same commands as the API, with its access and 400/422 rules.</summary>
public sealed class ScorecardBuilderPageTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static IEnumerable<JsonNode> Objectives(JsonNode tree) => tree["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray())!;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await client.GetStringAsync(pageUrl));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_unit_manager_creates_a_scorecard_and_builds_its_structure_on_pages()
    {
        var manager = await factory.SignedInPagesAsync(ScorecardFactory.Manager);
        var newPage = await manager.GetStringAsync("/scorecards/new");
        var platform = await manager.UnitIdAsync("Platform");

        var bad = await PostFormAsync(manager, "/scorecards/new", "/scorecards/new", new()
        {
            ["orgUnitId"] = platform, ["name"] = "Platform 2029", ["periodStart"] = "2029-12-31", ["periodEnd"] = "2029-01-01",
        });
        Assert.True(bad.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, bad.StatusCode.ToString());
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("field-error", badHtml);
        Assert.Contains("value=\"Platform 2029\"", badHtml);

        var created = await PostFormAsync(manager, "/scorecards/new", "/scorecards/new", new()
        {
            ["orgUnitId"] = platform, ["name"] = "Platform 2029", ["periodStart"] = "2029-01-01", ["periodEnd"] = "2029-12-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.ToString();
        var id = Regex.Match(edit, "/scorecards/([0-9a-f-]{36})/edit").Groups[1].Value;
        Assert.Contains("Add a perspective", await manager.GetStringAsync(edit));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/perspective", new() { ["name"] = "Reliability", ["weight"] = "2" })).StatusCode);
        var duplicate = await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/perspective", new() { ["name"] = "Reliability", ["weight"] = "1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("already has a perspective", await duplicate.Content.ReadAsStringAsync());

        var tree = await manager.GetJsonAsync($"/api/v1/scorecards/{id}");
        var customer = tree["perspectives"]!.AsArray().Single(p => p!["name"].Str() == "Customer")!["id"].Str();
        var learning = tree["perspectives"]!.AsArray().Single(p => p!["name"].Str() == "Learning & Growth")!["id"].Str();
        var reliability = tree["perspectives"]!.AsArray().Single(p => p!["name"].Str() == "Reliability")!;
        Assert.Equal(2, reliability["weight"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/perspective-edit",
            new() { ["perspectiveId"] = learning, ["name"] = "People", ["weight"] = "0.5", ["position"] = "3" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/perspective-edit",
            new() { ["perspectiveId"] = OptionlessPerspective(tree, "Financial"), ["delete"] = "1" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/objective",
            new() { ["name"] = "Keep uptime high", ["perspectiveId"] = reliability["id"].Str(), ["weight"] = "1", ["ownerId"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/objective",
            new() { ["name"] = "Happy customers", ["perspectiveId"] = customer, ["weight"] = "1" })).StatusCode);
        tree = await manager.GetJsonAsync($"/api/v1/scorecards/{id}");
        var uptime = Objectives(tree).Single(o => o["name"].Str() == "Keep uptime high")!["id"].Str();
        var happy = Objectives(tree).Single(o => o["name"].Str() == "Happy customers")!["id"].Str();

        var ownerId = Objectives(tree).First()["ownerId"]?.ToString() ?? tree["ownerId"].Str();
        var sameTarget = await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/kpi", new()
        {
            ["objectiveId"] = uptime, ["name"] = "Availability", ["unit"] = "%", ["direction"] = "increase", ["baseline"] = "99.5", ["target"] = "99.5",
            ["updateInterval"] = "weekly", ["green"] = "0.9", ["amber"] = "0.7", ["ownerId"] = ownerId,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameTarget.StatusCode);
        var sameHtml = await sameTarget.Content.ReadAsStringAsync();
        Assert.Matches("id=\"nk-target\" name=\"target\"[^>]*value=\"99.5\"[^<]*<span class=\"errors field-error\" role=\"alert\">The target", sameHtml);
        Assert.Contains("value=\"Availability\"", sameHtml);
        Assert.Contains($"name=\"ownerId\" value=\"{ownerId}\"", sameHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/kpi", new()
        {
            ["objectiveId"] = uptime, ["name"] = "Availability", ["unit"] = "%", ["direction"] = "increase", ["baseline"] = "99.5", ["target"] = "99.9",
            ["updateInterval"] = "weekly", ["green"] = "0.9", ["amber"] = "0.7", ["leading"] = "1", ["dataSource"] = "Status page",
        })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/link",
            new() { ["fromObjectiveId"] = uptime, ["toObjectiveId"] = happy, ["hypothesis"] = "Reliable service keeps customers happy." })).StatusCode);
        var loop = await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/link",
            new() { ["fromObjectiveId"] = happy, ["toObjectiveId"] = uptime, ["hypothesis"] = "Back again." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, loop.StatusCode);
        Assert.Matches("id=\"nl-to\"[\\s\\S]*?</select>\\s*<span class=\"errors field-error\" role=\"alert\">The link would close a cycle", await loop.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, $"/scorecards/{id}/edit/initiative", new()
        {
            ["objectiveId"] = uptime, ["name"] = "Multi-region failover", ["start"] = "2029-02-01", ["end"] = "2029-06-30", ["budget"] = "50000", ["status"] = "active",
            ["percentComplete"] = "10",
        })).StatusCode);

        tree = await manager.GetJsonAsync($"/api/v1/scorecards/{id}");
        Assert.Equal(["Customer", "Internal Process", "People", "Reliability"], tree["perspectives"]!.AsArray().Select(p => p!["name"].Str()).Order());
        var kpi = Objectives(tree).SelectMany(o => o["kpis"]!.AsArray()).Single()!;
        Assert.Equal(("Availability", 99.9, "weekly", true), (kpi["name"].Str(), kpi["target"]!.GetValue<double>(), kpi["updateInterval"].Str(), kpi["leading"]!.GetValue<bool>()));
        var map = await manager.GetJsonAsync($"/api/v1/scorecards/{id}/strategy-map");
        Assert.Equal("Reliable service keeps customers happy.", map["links"]!.AsArray().Single()!["hypothesis"].Str());
        Assert.Contains("Multi-region failover", (await manager.GetJsonAsync($"/api/v1/scorecards/{id}/initiatives")).ToJsonString());
        var page = await manager.GetStringAsync($"/scorecards/{id}");
        Assert.Contains("Availability", page);
        Assert.Contains("id=\"edit-structure\"", page);
    }

    [Fact]
    public async Task An_employee_sees_no_builder_forms_and_cannot_create_a_scorecard()
    {
        var employee = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        var newPage = await employee.GetStringAsync("/scorecards/new");
        var refused = await PostFormAsync(employee, "/scorecards/new", "/scorecards/new", new()
        {
            ["orgUnitId"] = await employee.UnitIdAsync("Platform"), ["name"] = "Mine", ["periodStart"] = "2030-01-01", ["periodEnd"] = "2030-12-31",
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain((await employee.GetJsonAsync("/api/v1/scorecards"))["items"]!.AsArray(), s => s!["name"].Str() == "Mine");

        var companyId = (await employee.GetJsonAsync("/api/v1/scorecards"))["items"]!.AsArray().Single(s => s!["name"].Str() == "Brightline 2026")!["id"].Str();
        var edit = await employee.GetStringAsync($"/scorecards/{companyId}/edit");
        Assert.DoesNotContain("Add a perspective", edit);
        Assert.DoesNotContain("id=\"edit-structure\"", await employee.GetStringAsync($"/scorecards/{companyId}"));
    }

    private static string OptionlessPerspective(JsonNode tree, string name) =>
        tree["perspectives"]!.AsArray().Single(p => p!["name"].Str() == name)!["id"].Str();
}
