using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Okr;

/// <summary>
/// Issue 10 on the OKR pages: carrying into the next period (objective page, My goals, team), key results of every kind
/// created and edited, reordered, an objective moved under another parent, and stale saves shown instead of overwriting.
/// </summary>
public sealed class OkrManagePagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient pages, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", PageForms.AntiforgeryToken(await pages.GetStringAsync(pageUrl))) };
        return await pages.PostAsync(action, new FormUrlEncodedContent(all));
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient pages, string pageUrl, string action, Dictionary<string, string> fields) =>
        PostFormAsync(pages, pageUrl, action, (IEnumerable<KeyValuePair<string, string>>)fields);

    private static async Task<string> FollowAsync(HttpClient pages, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await pages.GetStringAsync(response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_owner_carries_an_unfinished_goal_from_its_page_and_the_copy_links_to_the_original()
    {
        var api = await factory.ClientForAsync(ScorecardFactory.Employee);
        var id = (await api.CreateObjectiveAsync(new { title = "Pages: carry me", level = "individual", period = "2026-Q4" }))["id"].Str();
        await api.AddKeyResultAsync(id, new { title = "Halfway metric", kind = "metric", start = 0.0, target = 10.0 });
        var done = (await api.AddKeyResultAsync(id, new { title = "Done milestone", kind = "milestone" }))["keyResults"]![1]!["id"].Str();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/okr/key-results/{done}/check-ins", new { value = 1.0, confidence = 8 })).StatusCode);
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        var page = $"/okr/objectives/{id}";
        Assert.Contains("Carry into next period", await pages.GetStringAsync(page));

        var carried = await PostFormAsync(pages, page, $"{page}/carry-forward", new() { ["Period"] = "2027-Q1" });
        var copyHtml = await FollowAsync(pages, carried);
        Assert.Contains("Carried into the next period.", copyHtml);
        Assert.Contains($"Carried from <a href=\"/okr/objectives/{id}\">Pages: carry me</a> (2026-Q4)", copyHtml);
        Assert.Contains("1 finished key result was left in 2026-Q4.", copyHtml);
        Assert.DoesNotContain("Done milestone", copyHtml);
        var originalHtml = await pages.GetStringAsync(page);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(originalHtml, "Carried into\\s*<a href=\"/okr/objectives/[0-9a-f-]+\">2027-Q1</a>"),
            originalHtml[Math.Max(0, originalHtml.IndexOf("Carried", StringComparison.Ordinal))..][..300]);

        var again = await PostFormAsync(pages, page, $"{page}/carry-forward", new() { ["Period"] = "2027-Q1" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already carried into 2027-Q1", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task My_goals_and_the_team_page_carry_the_chosen_unfinished_objectives_at_once()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var first = (await tomas.CreateObjectiveAsync(new { title = "Bulk: first", level = "individual", period = "2026-Q2" }))["id"].Str();
        var second = (await tomas.CreateObjectiveAsync(new { title = "Bulk: second", level = "individual", period = "2026-Q2" }))["id"].Str();
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        var myGoals = "/okr/my-goals?period=2026-Q2";
        var html = await pages.GetStringAsync(myGoals);
        Assert.Contains("id=\"carry-choice\"", html);
        Assert.Contains($"value=\"{first}\"", html);

        var response = await PostFormAsync(pages, myGoals, "/okr/carry-forward", [
            new("FromPeriod", "2026-Q2"), new("ToPeriod", "2026-Q3"), new("ReturnTo", "my-goals"), new("ObjectiveIds", first), new("ObjectiveIds", second)]);
        Assert.Equal("/okr/my-goals?period=2026-Q3&done=carried", response.Headers.Location!.OriginalString);
        var q3 = await tomas.GetJsonAsync($"/api/v1/okr/objectives?period=2026-Q3&ownerPersonId={await tomas.PersonIdAsync()}&limit=100");
        Assert.Equal(new[] { first, second }.Order(), q3["items"]!.AsArray().Where(o => o!["carriedFrom"] is not null).Select(o => o!["carriedFrom"]!["id"].Str()).Order());
        Assert.Contains("already carried into 2026-Q3", await pages.GetStringAsync(myGoals));

        // The manager carries a report's goal from the team page; a refusal is shown there and nothing is written.
        var third = (await tomas.CreateObjectiveAsync(new { title = "Bulk: by my manager", level = "individual", period = "2026-Q2" }))["id"].Str();
        var manager = await factory.SignedInPagesAsync(ScorecardFactory.Manager);
        var team = "/okr/team?period=2026-Q2";
        Assert.Contains($"value=\"{third}\"", await manager.GetStringAsync(team));
        var refused = await PostFormAsync(manager, team, "/okr/carry-forward", [
            new("FromPeriod", "2026-Q2"), new("ToPeriod", "2026-Q3"), new("ReturnTo", "team"), new("ObjectiveIds", third), new("ObjectiveIds", first)]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("&#x27;Bulk: first&#x27; was already carried into 2026-Q3", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, factory.Database.Count($"SELECT count(*) FROM okr_objectives WHERE lower(CAST(\"CarriedFromId\" AS TEXT)) = '{third}'"));
        var carried = await PostFormAsync(manager, team, "/okr/carry-forward", [
            new("FromPeriod", "2026-Q2"), new("ToPeriod", "2026-Q3"), new("ReturnTo", "team"), new("ObjectiveIds", third)]);
        Assert.Contains("Bulk: by my manager", await FollowAsync(manager, carried));
    }

    [Fact]
    public async Task Key_results_of_every_kind_are_added_edited_and_reordered_on_the_objective_page()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var kpi = (await admin.CompanyScorecardAsync())["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray())
            .SelectMany(o => o!["kpis"]!.AsArray()).First()!;
        var id = (await admin.CreateObjectiveAsync(new { title = "Kinds: every one", level = "company", period = "2026-Q4" }))["id"].Str();
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var page = $"/okr/objectives/{id}";
        async Task Add(Dictionary<string, string> fields) => Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(pages, page, $"{page}/key-results", fields)).StatusCode);
        await Add(new() { ["Title"] = "Metric", ["Kind"] = "metric", ["Start"] = "0", ["Target"] = "40", ["Unit"] = "deals" });
        await Add(new() { ["Title"] = "Percentage", ["Kind"] = "percentage", ["Start"] = "10", ["Target"] = "90" });
        await Add(new() { ["Title"] = "Milestone", ["Kind"] = "milestone", ["DueDate"] = "2026-12-01" });
        await Add(new() { ["Title"] = "Control", ["Kind"] = "control", ["BandLow"] = "1", ["BandHigh"] = "3", ["Unit"] = "%" });
        // The KPI is found by searching its name (no list of every KPI).
        var search = await pages.GetStringAsync($"{page}?kpiSearch={Uri.EscapeDataString(kpi["name"].Str()[..4])}");
        Assert.Contains($"value=\"{kpi["id"].Str()}\"", search);
        await Add(new() { ["Title"] = "KPI", ["Kind"] = "kpi", ["KpiId"] = kpi["id"].Str(), ["Target"] = "" });

        var krs = (await admin.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]!.AsArray();
        Assert.Equal(["metric", "percentage", "milestone", "control", "kpi"], krs.Select(k => k!["kind"].Str()));
        Assert.Equal((1.0, 3.0), (krs[3]!["bandLow"]!.GetValue<double>(), krs[3]!["bandHigh"]!.GetValue<double>()));
        string Kr(int i) => krs[i]!["id"].Str();
        string Version(int i) => krs[i]!["version"].Str();
        async Task Edit(int i, Dictionary<string, string> fields)
        {
            fields["Version"] = Version(i);
            var response = await PostFormAsync(pages, page, $"/okr/key-results/{Kr(i)}/edit", fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        await Edit(0, new() { ["Title"] = "Metric", ["Start"] = "5", ["Target"] = "50", ["Unit"] = "deals", ["Weight"] = "3" });
        await Edit(1, new() { ["Title"] = "Percentage", ["Start"] = "10", ["Target"] = "80", ["Unit"] = "", ["Weight"] = "" });
        await Edit(2, new() { ["Title"] = "Milestone moved", ["DueDate"] = "2026-12-20", ["Weight"] = "" });
        await Edit(3, new() { ["Title"] = "Control", ["BandLow"] = "0.5", ["BandHigh"] = "2.5", ["Unit"] = "%", ["Weight"] = "" });
        await Edit(4, new() { ["Title"] = "KPI", ["Target"] = "123", ["Weight"] = "2" });
        var edited = (await admin.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]!.AsArray();
        Assert.Equal((5.0, 50.0, 3.0), (edited[0]!["start"]!.GetValue<double>(), edited[0]!["target"]!.GetValue<double>(), edited[0]!["weight"]!.GetValue<double>()));
        Assert.Equal(80.0, edited[1]!["target"]!.GetValue<double>());
        Assert.Equal(("Milestone moved", "2026-12-20"), (edited[2]!["title"].Str(), edited[2]!["dueDate"].Str()));
        Assert.Equal((0.5, 2.5), (edited[3]!["bandLow"]!.GetValue<double>(), edited[3]!["bandHigh"]!.GetValue<double>()));
        Assert.Equal((123.0, kpi["id"].Str()), (edited[4]!["target"]!.GetValue<double>(), edited[4]!["kpiId"].Str()));

        // A stale key result save: 409, the current values in the form, what differs listed; nothing overwritten.
        var stale = await PostFormAsync(pages, page, $"/okr/key-results/{Kr(0)}/edit", new()
        {
            ["Title"] = "Metric", ["Start"] = "5", ["Target"] = "60", ["Unit"] = "deals", ["Weight"] = "3", ["Version"] = Version(0),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Target</strong>: <span class=\"okr-yours\">60</span> → <span class=\"okr-current\">50</span>", staleHtml);
        Assert.Contains("value=\"50\" aria-label=\"Target of Metric\"", staleHtml);
        Assert.Equal(50.0, (await admin.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]![0]!["target"]!.GetValue<double>());

        // Reorder: the milestone one place up, twice; a button from a page read before is stale.
        var version = (await admin.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["version"].Str();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(pages, page, $"/okr/key-results/{Kr(2)}/move", new() { ["Direction"] = "up", ["Version"] = version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostFormAsync(pages, page, $"/okr/key-results/{Kr(2)}/move", new() { ["Direction"] = "up", ["Version"] = version })).StatusCode);
        version = (await admin.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["version"].Str();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(pages, page, $"/okr/key-results/{Kr(2)}/move", new() { ["Direction"] = "up", ["Version"] = version })).StatusCode);
        Assert.Equal(["Milestone moved", "Metric", "Percentage", "Control", "KPI"],
            (await admin.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]!.AsArray().Select(k => k!["title"].Str()));
    }

    [Fact]
    public async Task An_objective_moves_under_another_parent_found_by_search_and_a_loop_is_refused_on_the_page()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var oldParent = (await admin.CreateObjectiveAsync(new { title = "Move: old company parent", level = "company", period = "2026" }))["id"].Str();
        var newParent = (await admin.CreateObjectiveAsync(new { title = "Move: new company parent", level = "company", period = "2026" }))["id"].Str();
        var manager = await factory.ClientForAsync(ScorecardFactory.Manager);
        var platform = await manager.UnitIdAsync("Brightline/Engineering/Platform");
        var team = (await manager.CreateObjectiveAsync(new
        {
            title = "Move: team objective", level = "team", period = "2026-Q4", orgUnitId = platform, parents = new[] { new { okrObjectiveId = oldParent } },
        }))["id"].Str();
        var child = (await manager.CreateObjectiveAsync(new
        {
            title = "Move: sub-team objective", level = "team", period = "2026-Q4", orgUnitId = platform, parents = new[] { new { okrObjectiveId = team } },
        }))["id"].Str();
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Manager);
        var page = $"/okr/objectives/{team}";

        var found = await pages.GetStringAsync($"{page}?parentSearch=move:");
        Assert.Contains($"value=\"okr:{newParent}\"", found);
        Assert.DoesNotContain($"value=\"okr:{team}\"", found);
        var moved = await PostFormAsync(pages, page, $"{page}/move", new() { ["Parent"] = $"okr:{newParent}", ["Version"] = await VersionAsync(manager, team) });
        Assert.Contains("Moved under the new parent.", await FollowAsync(pages, moved));
        Assert.Equal([newParent], (await manager.GetJsonAsync($"/api/v1/okr/objectives/{team}"))["parents"]!.AsArray().Select(p => p!["id"].Str()));

        // Under its own child: a loop, refused beside the form; nothing changes.
        var loop = await PostFormAsync(pages, page, $"{page}/move", new() { ["Parent"] = $"okr:{child}", ["Version"] = await VersionAsync(manager, team) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, loop.StatusCode);
        Assert.Equal([newParent], (await manager.GetJsonAsync($"/api/v1/okr/objectives/{team}"))["parents"]!.AsArray().Select(p => p!["id"].Str()));
        // An employee sees no move form on it, and the API refuses them.
        var employee = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        Assert.DoesNotContain("Move under another parent", await employee.GetStringAsync(page));
    }

    private static async Task<string> VersionAsync(HttpClient api, string id) => (await api.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["version"].Str();
}
