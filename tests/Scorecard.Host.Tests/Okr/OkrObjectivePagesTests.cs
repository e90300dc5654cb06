using System.Net;
using System.Net.Http.Json;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Okr;

/// <summary>OKRs at every level created and edited through the pages' forms (antiforgery token included), checked through the API.</summary>
public sealed class OkrObjectivePagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient pages, string pageUrl, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await pages.GetStringAsync(pageUrl));
        return await pages.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static Guid CreatedId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/okr/objectives/", location);
        return Guid.Parse(location["/okr/objectives/".Length..].Split('?')[0]);
    }

    [Fact]
    public async Task The_admin_creates_a_company_OKR_and_a_team_manager_a_team_OKR_under_it_on_the_new_objective_page()
    {
        var maya = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var company = CreatedId(await PostFormAsync(maya, "/okr/objectives/new", "/okr/objectives/new", new()
        {
            ["Level"] = "company", ["Period"] = "2026-Q4", ["Type"] = "aspirational", ["Title"] = "Win the mid-market", ["Description"] = "Pages test",
        }));

        var priya = await factory.SignedInPagesAsync(ScorecardFactory.Manager);
        var api = await factory.ClientForAsync(ScorecardFactory.Manager);
        var platform = await api.UnitIdAsync("Brightline/Engineering/Platform");
        Assert.Contains($"okr:{company}", await priya.GetStringAsync("/okr/objectives/new?period=2026-Q4&level=team"));
        var team = CreatedId(await PostFormAsync(priya, "/okr/objectives/new?period=2026-Q4", "/okr/objectives/new", new()
        {
            ["Level"] = "team", ["Period"] = "2026-Q4", ["Type"] = "committed", ["OrgUnitId"] = platform.ToString(), ["OwnerPersonId"] = "",
            ["Title"] = "Platform ready for mid-market load", ["Parent"] = $"okr:{company}",
        }));

        var companyDto = await api.GetJsonAsync($"/api/v1/okr/objectives/{company}");
        Assert.Equal(("company", "aspirational", "Pages test"), (companyDto["level"].Str(), companyDto["type"].Str(), companyDto["description"].Str()));
        var teamDto = await api.GetJsonAsync($"/api/v1/okr/objectives/{team}");
        Assert.Equal(("team", platform.ToString()), (teamDto["level"].Str(), teamDto["orgUnitId"].Str()));
        Assert.Equal(company.ToString(), teamDto["parents"]![0]!["id"].Str());
    }

    [Fact]
    public async Task Refusals_are_shown_on_the_page_beside_the_field_and_nothing_is_created()
    {
        var tomas = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        var api = await factory.ClientForAsync(ScorecardFactory.Employee);
        var platform = await api.UnitIdAsync("Brightline/Engineering/Platform");
        var before = (await api.GetJsonAsync("/api/v1/okr/objectives?period=2026-Q3&limit=1"))["total"]!.GetValue<int>();

        var forbidden = await PostFormAsync(tomas, "/okr/objectives/new", "/okr/objectives/new", new()
        {
            ["Level"] = "team", ["Period"] = "2026-Q3", ["OrgUnitId"] = platform.ToString(), ["Title"] = "Not mine to set",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Only the unit&#x27;s manager", await forbidden.Content.ReadAsStringAsync());

        var noUnit = await PostFormAsync(tomas, "/okr/objectives/new", "/okr/objectives/new", new()
        {
            ["Level"] = "department", ["Period"] = "2026-Q3", ["Title"] = "No unit",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        var html = await noUnit.Content.ReadAsStringAsync();
        Assert.Matches("okr-unit(.|\\n)*field-error\">orgUnitId is required", html);
        Assert.Contains("value=\"No unit\"", html);

        var noTitle = await PostFormAsync(tomas, "/okr/objectives/new", "/okr/objectives/new", new() { ["Level"] = "individual", ["Period"] = "2026-Q3", ["Title"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Matches("okr-title(.|\\n)*field-error\">title is required", await noTitle.Content.ReadAsStringAsync());

        Assert.Equal(before, (await api.GetJsonAsync("/api/v1/okr/objectives?period=2026-Q3&limit=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task On_the_objective_page_an_owner_edits_with_the_version_read_edits_and_deletes_key_results_and_archives()
    {
        var api = await factory.ClientForAsync(ScorecardFactory.Employee);
        var goal = await api.CreateObjectiveAsync(new { title = "Page-edited goal", level = "individual", period = "2026-Q4" });
        var id = goal["id"].Str();
        var staleVersion = goal["version"].Str();
        goal = await api.AddKeyResultAsync(id, new { title = "First key result", kind = "metric", start = 0.0, target = 10.0 });
        goal = await api.AddKeyResultAsync(id, new { title = "Second key result", kind = "percentage", start = 0.0, target = 100.0 });
        var first = goal["keyResults"]![0]!["id"].Str();
        var second = goal["keyResults"]![1]!["id"].Str();
        var page = $"/okr/objectives/{id}";
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Employee);

        // A save from a page read before the key results were added is stale: refused with a message, nothing overwritten.
        var stale = await PostFormAsync(pages, page, $"{page}/edit", new() { ["Title"] = "Overwritten", ["Type"] = "committed", ["Version"] = staleVersion });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("your changes were not saved", staleHtml);
        Assert.Matches("<strong>Title</strong>: <span class=\"okr-yours\">Overwritten</span> → <span class=\"okr-current\">Page-edited goal</span>", staleHtml);
        Assert.Equal("Page-edited goal", (await api.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["title"].Str());

        var current = (await api.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["version"].Str();
        var saved = await PostFormAsync(pages, page, $"{page}/edit", new()
        {
            ["Title"] = "Renamed on the page", ["Type"] = "aspirational", ["Description"] = "Why", ["Version"] = current,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var dto = await api.GetJsonAsync($"/api/v1/okr/objectives/{id}");
        Assert.Equal(("Renamed on the page", "aspirational", "Why"), (dto["title"].Str(), dto["type"].Str(), dto["description"].Str()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(pages, page, $"/okr/key-results/{first}/edit", new()
        {
            ["Title"] = "First, reworded", ["Target"] = "20", ["Weight"] = "2",
        })).StatusCode);
        var kr = (await api.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]![0]!;
        Assert.Equal(("First, reworded", 20.0, 2.0), (kr["title"].Str(), kr["target"]!.GetValue<double>(), kr["weight"]!.GetValue<double>()));

        // A key result with check-ins is history and stays; one without is deleted.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/okr/key-results/{first}/check-ins", new { value = 5.0, confidence = 6 })).StatusCode);
        var refused = await PostFormAsync(pages, page, $"/okr/key-results/{first}/delete", []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("check-ins", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(pages, page, $"/okr/key-results/{second}/delete", [])).StatusCode);
        Assert.Equal([first], (await api.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]!.AsArray().Select(k => k!["id"].Str()));

        // Someone else's key result: refused by the API's access rules.
        var other = await factory.ClientForAsync(Email("lukas.schmidt"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/api/v1/okr/key-results/{first}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(pages, page, $"{page}/archive", [])).StatusCode);
        Assert.True((await api.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_KPI_owner_adds_a_key_result_read_from_their_KPI_on_the_objective_page()
    {
        var maya = await factory.ClientForAsync(ScorecardFactory.Admin);
        var kpi = (await maya.CompanyScorecardAsync())["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray())
            .SelectMany(o => o!["kpis"]!.AsArray()).First(k => k!["ownerId"] is not null)!;
        var email = (await maya.GetJsonAsync($"/api/v1/people/{kpi["ownerId"].Str()}"))["email"].Str();
        var owner = await factory.ClientForAsync(email);
        var goal = (await owner.CreateObjectiveAsync(new { title = "Goal read from my KPI", level = "individual", period = "2026-Q4" }))["id"].Str();
        var pages = await factory.SignedInPagesAsync(email);
        var page = $"/okr/objectives/{goal}";
        Assert.Contains($"value=\"{kpi["id"].Str()}\"", await pages.GetStringAsync(page));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(pages, page, $"{page}/key-results", new()
        {
            ["Kind"] = "kpi", ["Title"] = "Keep my KPI on target", ["KpiId"] = kpi["id"].Str(), ["Target"] = "",
        })).StatusCode);
        var kr = (await owner.GetJsonAsync($"/api/v1/okr/objectives/{goal}"))["keyResults"]![0]!;
        Assert.Equal(("kpi", kpi["id"].Str()), (kr["kind"].Str(), kr["kpiId"].Str()));
    }
}
