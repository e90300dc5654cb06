using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scorecard.Host.Tests.Okr;

namespace Scorecard.Host.Tests.Strategy;

/// <summary>
/// Issue 10, points 1 and 7: the builder edits and deletes objectives, KPIs, initiatives and links on pages; every form carries
/// the version it read, and a stale save answers 409 with the stored values and what differs instead of overwriting.
/// </summary>
public sealed class ScorecardItemEditPageTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static string Version(string html, string formId) =>
        Regex.Match(html, $"id=\"{formId}\"[\\s\\S]*?name=\"version\" value=\"([0-9a-f-]{{36}})\"") is { Success: true } m
            ? m.Groups[1].Value : throw new InvalidOperationException($"No version in form {formId}.");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? action = null)
    {
        fields["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await client.GetStringAsync(url));
        return await client.PostAsync(action ?? url, new FormUrlEncodedContent(fields));
    }

    private static IEnumerable<JsonNode> AllObjectives(JsonNode tree) => tree["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray())!;

    [Fact]
    public async Task An_admin_edits_an_objective_and_a_stale_save_shows_the_stored_values_and_what_changed()
    {
        var api = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tree = await api.CompanyScorecardAsync();
        var id = tree["id"].Str();
        var objective = tree.Objectives("Customer").First();
        var internalProcess = tree["perspectives"]!.AsArray().Single(p => p!["name"].Str() == "Internal Process")!["id"].Str();
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        Assert.Contains($"href=\"/scorecards/{id}/edit/objectives/{objective["id"].Str()}\"", await pages.GetStringAsync($"/scorecards/{id}/edit"));
        var url = $"/scorecards/{id}/edit/objectives/{objective["id"].Str()}";
        var page = await pages.GetStringAsync(url);
        var version = Version(page, "objective-edit");
        Assert.Contains($"value=\"{objective["name"].Str()}\"", page);

        var badWeight = await PostAsync(pages, url, new() { ["version"] = version, ["name"] = "Delight customers", ["weight"] = "-2", ["perspectiveId"] = internalProcess });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badWeight.StatusCode);
        Assert.Matches("id=\"eo-weight\" name=\"weight\"[^>]*value=\"-2\" />\\s*<span class=\"errors field-error\" role=\"alert\">weight must be 0 or more", await badWeight.Content.ReadAsStringAsync());
        Assert.Equal(objective["name"].Str(), (await api.GetJsonAsync($"/api/v1/objectives/{objective["id"].Str()}"))["name"].Str());

        var saved = await PostAsync(pages, url, new()
        {
            ["version"] = version, ["name"] = "Delight customers", ["weight"] = "2.5", ["perspectiveId"] = internalProcess,
            ["description"] = "Every touchpoint.", ["ownerId"] = (await api.PersonIdAsync()).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await api.GetJsonAsync($"/api/v1/objectives/{objective["id"].Str()}");
        Assert.Equal(("Delight customers", 2.5, internalProcess, "Every touchpoint."),
            (stored["name"].Str(), stored["weight"]!.GetValue<double>(), stored["perspectiveId"].Str(), stored["description"].Str()));

        // A second tab still holds the first version: its save is refused and shows what is stored now.
        var stale = await PostAsync(pages, url, new() { ["version"] = version, ["name"] = "Win customers", ["weight"] = "2.5", ["perspectiveId"] = internalProcess });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("id=\"eo-name\" name=\"name\" maxlength=\"200\" value=\"Delight customers\"", staleHtml);
        Assert.Contains($"name=\"version\" value=\"{stored["version"].Str()}\"", staleHtml);
        Assert.Matches("id=\"stale-changes\"[\\s\\S]*<strong>Name</strong>: Win customers → Delight customers", staleHtml);
        Assert.Matches("<strong>Description</strong>: \\(empty\\) → Every touchpoint.", staleHtml);
        Assert.Equal("Delight customers", (await api.GetJsonAsync($"/api/v1/objectives/{objective["id"].Str()}"))["name"].Str());

        var employee = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        Assert.DoesNotContain("objective-edit", await employee.GetStringAsync(url));
        var refused = await PostAsync(employee, url, new() { ["version"] = stored["version"].Str(), ["name"] = "Mine now", ["perspectiveId"] = internalProcess });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Delight customers", (await api.GetJsonAsync($"/api/v1/objectives/{objective["id"].Str()}"))["name"].Str());
    }

    [Fact]
    public async Task An_admin_edits_every_KPI_field_sees_the_422_rules_beside_the_field_and_deletes_the_KPI()
    {
        var api = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tree = await api.CompanyScorecardAsync();
        var id = tree["id"].Str();
        var kpi = AllObjectives(tree).SelectMany(o => o["kpis"]!.AsArray()).First(k => k!["aggregation"] is null && k["parentKpiId"] is null)!;
        var url = $"/scorecards/{id}/edit/kpis/{kpi["id"].Str()}";
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var version = Version(await pages.GetStringAsync(url), "kpi-edit");
        Dictionary<string, string> Fields(Dictionary<string, string> changes)
        {
            var fields = new Dictionary<string, string>
            {
                ["version"] = version, ["name"] = "Net revenue retention", ["unit"] = "%", ["direction"] = "increase", ["baseline"] = "95", ["target"] = "110",
                ["min"] = "80", ["max"] = "120", ["green"] = "0.95", ["amber"] = "0.8", ["updateInterval"] = "quarterly", ["weight"] = "3",
                ["dataSource"] = "Billing", ["leading"] = "1", ["aggregation"] = "", ["ownerId"] = "",
            };
            foreach (var (k, v) in changes) fields[k] = v;
            return fields;
        }

        var same = await PostAsync(pages, url, Fields(new() { ["target"] = "95" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Matches("id=\"ek-target\" name=\"target\"[^>]*value=\"95\" /><span class=\"errors field-error\" role=\"alert\">The target", await same.Content.ReadAsStringAsync());
        var band = await PostAsync(pages, url, Fields(new() { ["direction"] = "range", ["bandLow"] = "100", ["bandHigh"] = "90" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, band.StatusCode);
        Assert.Contains("field-error", await band.Content.ReadAsStringAsync());
        var oneThreshold = await PostAsync(pages, url, Fields(new() { ["amber"] = "" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oneThreshold.StatusCode);
        Assert.Matches("id=\"ek-amber\" name=\"amber\"[^>]*value=\"\" /><span class=\"errors field-error\" role=\"alert\">Give both", await oneThreshold.Content.ReadAsStringAsync());
        Assert.Equal(kpi["name"].Str(), (await api.GetJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}"))["name"].Str());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pages, url, Fields(new()))).StatusCode);
        var stored = await api.GetJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}");
        Assert.Equal(("Net revenue retention", "%", 95.0, 110.0, 80.0, 120.0), (stored["name"].Str(), stored["unit"].Str(), stored["baseline"]!.GetValue<double>(),
            stored["target"]!.GetValue<double>(), stored["min"]!.GetValue<double>(), stored["max"]!.GetValue<double>()));
        Assert.Equal(("quarterly", 3.0, "Billing", true, 0.95, 0.8), (stored["updateInterval"].Str(), stored["weight"]!.GetValue<double>(), stored["dataSource"].Str(),
            stored["leading"]!.GetValue<bool>(), stored["thresholds"]!["green"]!.GetValue<double>(), stored["thresholds"]!["amber"]!.GetValue<double>()));

        var stale = await PostAsync(pages, url, Fields(new() { ["target"] = "115" }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Matches("<strong>Target</strong>: 115 → 110", staleHtml);
        Assert.Contains("id=\"ek-target\" name=\"target\" inputmode=\"decimal\" size=\"8\" value=\"110\"", staleHtml);
        Assert.Equal(110, (await api.GetJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}"))["target"]!.GetValue<double>());

        var deleted = await PostAsync(pages, url, new() { ["version"] = stored["version"].Str(), ["delete"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/kpis/{kpi["id"].Str()}")).StatusCode);
        Assert.Equal(1, factory.Database.Count($"SELECT count(*) FROM platform_audit_log WHERE \"Action\" = 'strategy.kpi.deleted' AND \"SubjectId\" = '{kpi["id"].Str()}'"));
    }

    [Fact]
    public async Task An_admin_edits_an_initiative_with_a_budget_in_a_currency_and_a_links_hypothesis_and_deletes_both()
    {
        var api = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tree = await api.CompanyScorecardAsync();
        var id = tree["id"].Str();
        var initiative = (await api.GetJsonAsync($"/api/v1/scorecards/{id}/initiatives")).AsArray().First()!;
        var url = $"/scorecards/{id}/edit/initiatives/{initiative["id"].Str()}";
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var version = Version(await pages.GetStringAsync(url), "initiative-edit");
        Dictionary<string, string> Fields(Dictionary<string, string> changes)
        {
            var fields = new Dictionary<string, string>
            {
                ["version"] = version, ["name"] = "Customer portal relaunch", ["start"] = "2026-03-01", ["end"] = "2026-12-15", ["budget"] = "125000.50",
                ["currency"] = "USD", ["status"] = "active", ["percentComplete"] = "60", ["ownerId"] = "",
            };
            foreach (var (k, v) in changes) fields[k] = v;
            return fields;
        }

        var backwards = await PostAsync(pages, url, Fields(new() { ["end"] = "2026-01-01" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Matches("id=\"ei-end\" name=\"end\" type=\"date\" value=\"2026-01-01\" /><span class=\"errors field-error\" role=\"alert\">The initiative ends", await backwards.Content.ReadAsStringAsync());
        var badCurrency = await PostAsync(pages, url, Fields(new() { ["currency"] = "DOLLARS" }));
        Assert.Equal(HttpStatusCode.BadRequest, badCurrency.StatusCode);
        Assert.Contains("three-letter ISO 4217 code", await badCurrency.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pages, url, Fields(new()))).StatusCode);
        var stored = (await api.GetJsonAsync($"/api/v1/scorecards/{id}/initiatives")).AsArray().Single(i => i!["id"].Str() == initiative["id"].Str())!;
        Assert.Equal(("Customer portal relaunch", 125000.50m, "USD", "active", 60.0, "2026-12-15"), (stored["name"].Str(), stored["budget"]!.GetValue<decimal>(),
            stored["currency"].Str(), stored["status"].Str(), stored["percentComplete"]!.GetValue<double>(), stored["end"].Str()));
        Assert.Contains("125,000.5 USD", await pages.GetStringAsync($"/scorecards/{id}/edit"));

        var stale = await PostAsync(pages, url, Fields(new() { ["status"] = "done", ["percentComplete"] = "100" }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Matches("<strong>Status</strong>: done → active", staleHtml);
        Assert.Matches("<strong>% complete</strong>: 100 → 60", staleHtml);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pages, url, new() { ["version"] = stored["version"].Str(), ["delete"] = "1" })).StatusCode);
        Assert.DoesNotContain((await api.GetJsonAsync($"/api/v1/scorecards/{id}/initiatives")).AsArray(), i => i!["id"].Str() == initiative["id"].Str());

        // Links: the hypothesis is edited with the version the form read; a stale save shows the stored hypothesis.
        var edit = $"/scorecards/{id}/edit";
        var linkAction = $"/scorecards/{id}/edit/link-edit";
        var editPage = await pages.GetStringAsync(edit);
        var link = Regex.Match(editPage, "name=\"linkId\" value=\"([0-9a-f-]{36})\" />\\s*<input type=\"hidden\" name=\"version\" value=\"([0-9a-f-]{36})\"");
        var (linkId, linkVersion) = (link.Groups[1].Value, link.Groups[2].Value);
        var empty = await PostAsync(pages, edit, new() { ["linkId"] = linkId, ["version"] = linkVersion, ["hypothesis"] = " " }, linkAction);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Matches($"id=\"lh-{linkId}\" name=\"hypothesis\" rows=\"2\"> </textarea>\\s*<span class=\"errors field-error\" role=\"alert\">hypothesis is required", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pages, edit, new() { ["linkId"] = linkId, ["version"] = linkVersion, ["hypothesis"] = "Faster support keeps customers." }, linkAction)).StatusCode);
        var staleLink = await PostAsync(pages, edit, new() { ["linkId"] = linkId, ["version"] = linkVersion, ["hypothesis"] = "Something else." }, linkAction);
        Assert.Equal(HttpStatusCode.Conflict, staleLink.StatusCode);
        var staleLinkHtml = await staleLink.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"lh-{linkId}\" name=\"hypothesis\" rows=\"2\">Faster support keeps customers.</textarea>", staleLinkHtml);
        Assert.Matches("yours [^ ]{1,8}Something else.[^ ]{1,8} (→|&#x2192;) stored now", staleLinkHtml);
        var map = await api.GetJsonAsync($"/api/v1/scorecards/{id}/strategy-map");
        Assert.Contains(map["links"]!.AsArray(), l => l!["linkId"].Str() == linkId && l["hypothesis"].Str() == "Faster support keeps customers.");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pages, edit, new() { ["linkId"] = linkId, ["delete"] = "1" }, linkAction)).StatusCode);
        map = await api.GetJsonAsync($"/api/v1/scorecards/{id}/strategy-map");
        Assert.DoesNotContain(map["links"]!.AsArray(), l => l!["linkId"].Str() == linkId);
    }

    [Fact]
    public async Task A_unit_manager_adds_and_removes_a_contribution_to_a_parent_scorecard_objective()
    {
        var api = await factory.ClientForAsync(ScorecardFactory.Manager);
        var units = await api.GetJsonAsync("/api/v1/org-units?limit=1000");
        var platform = units["items"]!.AsArray().First(u => u!["name"].Str() == "Platform")!["id"].Str();
        var created = await api.PostAsJsonAsync("/api/v1/scorecards", new { orgUnitId = platform, name = "Platform 2026", periodStart = "2026-01-01", periodEnd = "2026-12-31" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var tree = await Json.ReadAsync(created);
        Assert.NotNull(tree["parentScorecardId"]);
        var perspective = tree["perspectives"]!.AsArray().First()!["id"].Str();
        var added = await api.PostAsJsonAsync($"/api/v1/scorecards/{tree["id"].Str()}/objectives", new { perspectiveId = perspective, name = "Stable platform" });
        var objective = await Json.ReadAsync(added);
        var url = $"/scorecards/{tree["id"].Str()}/edit/objectives/{objective["id"].Str()}";
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Manager);
        var page = await pages.GetStringAsync(url);
        var parents = Regex.Matches(page, "id=\"ec-parent\"[\\s\\S]*?</select>").Single().Value;
        var parentId = Regex.Match(parents, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var before = objective["contributesTo"]!.AsArray().Count;

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pages, url, new() { ["contribution"] = "add", ["parentObjectiveId"] = parentId, ["contributionWeight"] = "0.5" })).StatusCode);
        var contributions = (await api.GetJsonAsync($"/api/v1/objectives/{objective["id"].Str()}"))["contributesTo"]!.AsArray();
        Assert.Equal(before + 1, contributions.Count);
        var contribution = contributions.Single(c => c!["parentObjectiveId"].Str() == parentId)!;
        Assert.Equal(0.5, contribution["weight"]!.GetValue<double>());

        var negative = await PostAsync(pages, url, new() { ["contribution"] = "add", ["parentObjectiveId"] = parentId, ["contributionWeight"] = "-1" });
        Assert.True(negative.StatusCode is HttpStatusCode.UnprocessableEntity, negative.StatusCode.ToString());
        Assert.Contains("id=\"contributions\"", await negative.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pages, url, new() { ["contribution"] = contribution["id"].Str() })).StatusCode);
        Assert.Equal(before, (await api.GetJsonAsync($"/api/v1/objectives/{objective["id"].Str()}"))["contributesTo"]!.AsArray().Count);
    }
}
