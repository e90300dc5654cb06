using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Okr;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Strategy;

/// <summary>
/// Reading a scorecard costs what it shows: its tree with each KPI's latest value. The same SQL commands and rows with
/// 12 months of measurements and with 36, and after another scorecard of the same size appears. A company OKR objective
/// reads only the scorecard objective it hangs under, whatever the history of the company scorecard's KPIs.
/// </summary>
public sealed class StrategyReadCostTests(OkrReadCostTests.CountingFactory factory) : IClassFixture<OkrReadCostTests.CountingFactory>
{
    [Fact]
    public async Task Reading_a_scorecard_runs_the_same_SQL_commands_and_reads_the_same_rows_with_12_and_36_months_stored()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var platform = await OkrHostHelpers.UnitIdAsync(admin, "Brightline/Engineering/Platform");
        var created = await admin.PostAsJsonAsync("/api/v1/scorecards", new
        {
            orgUnitId = platform, name = "Platform 2023-2025", periodStart = "2023-01-01", periodEnd = "2025-12-31",
            perspectives = new[] { new { name = "Reliability", weight = 2.0 }, new { name = "Delivery", weight = 1.0 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tree = await Json.ReadAsync(created);
        var id = tree["id"].Str();
        var company = await admin.CompanyScorecardAsync();
        var kpis = new List<string>();
        foreach (var (perspective, i) in tree["perspectives"]!.AsArray().Select((p, i) => (p!["id"].Str(), i)))
        {
            var objective = await Json.ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{id}/objectives",
                new { perspectiveId = perspective, name = $"Objective {i}", ownerId = (string?)null, weight = 1.0 }));
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/objectives/{objective["id"].Str()}/contributes-to",
                new { parentObjectiveId = company.Objectives("Learning & Growth").First()["id"].Str(), weight = 1.0 })).StatusCode);
            for (var k = 0; k < 3; k++)
            {
                var kpi = await admin.PostAsJsonAsync($"/api/v1/objectives/{objective["id"].Str()}/kpis", new
                {
                    name = $"KPI {i}.{k}", unit = "deploys", dataSource = "CI", direction = "increase", baseline = 0, target = 100, min = 0, max = 100,
                    thresholds = new { green = 0.8, amber = 0.5 }, updateInterval = "monthly", leading = false, weight = 1,
                });
                Assert.Equal(HttpStatusCode.Created, kpi.StatusCode);
                kpis.Add((await Json.ReadAsync(kpi))["id"].Str());
            }
        }

        await ImportMonthsAsync(admin, kpis, new DateOnly(2023, 1, 1), 12);
        // Read by HR, who is not an administrator: whether they may edit is asked of the directory too.
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var twelve = await CountAsync(hr, $"/api/v1/scorecards/{id}");
        Assert.Equal(11.0, CurrentValue(twelve.Body, kpis[0]));

        await ImportMonthsAsync(admin, kpis, new DateOnly(2024, 1, 1), 24);
        var copy = await admin.PostAsJsonAsync($"/api/v1/scorecards/{id}/copy", new { periodStart = "2026-01-01", periodEnd = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var thirtySix = await CountAsync(hr, $"/api/v1/scorecards/{id}");

        Assert.Equal(twelve.Commands, thirtySix.Commands);
        Assert.Equal(twelve.Rows, thirtySix.Rows); // the latest value per KPI, not the history
        Assert.Equal(35.0, CurrentValue(thirtySix.Body, kpis[0]));
        Assert.Equal(new DateOnly(2025, 12, 1), DateOnly.Parse(Kpi(thirtySix.Body, kpis[0])["lastMeasuredOn"].Str()));
        Assert.Equal(0.35, thirtySix.Body["progress"]!.GetValue<double>(), 9);
        Assert.False(thirtySix.Body["canEdit"]!.GetValue<bool>());
        var parentName = company.Objectives("Learning & Growth").First()["name"].Str();
        Assert.All(Objectives(thirtySix.Body), o => Assert.Equal(parentName, Assert.Single(o["contributesTo"]!.AsArray())!["parentObjectiveName"].Str()));
    }

    [Fact]
    public async Task Reading_a_unit_scorecard_as_HR_or_as_a_head_runs_the_same_SQL_and_rows_with_200_more_people_in_the_unit()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var engineering = await OkrHostHelpers.UnitIdAsync(admin, "Brightline/Engineering");
        var created = await admin.PostAsJsonAsync("/api/v1/scorecards", new
        {
            orgUnitId = engineering, name = "Engineering 2026", periodStart = "2026-01-01", periodEnd = "2026-12-31",
            perspectives = new[] { new { name = "Delivery", weight = 1.0 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json.ReadAsync(created))["id"].Str();
        var objective = await Json.ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{id}/objectives",
            new { perspectiveId = (await Json.ReadAsync(created))["perspectives"]![0]!["id"].Str(), name = "Ship", ownerId = (string?)null, weight = 1.0 }));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/objectives/{objective["id"].Str()}/kpis", new
        {
            name = "Deploys", unit = "deploys", dataSource = "CI", direction = "increase", baseline = 0, target = 100, min = 0, max = 100,
            thresholds = new { green = 0.8, amber = 0.5 }, updateInterval = "monthly", leading = false, weight = 1,
        })).StatusCode);

        // HR is not an administrator, and Daniel Okafor heads Engineering: both are asked of the directory.
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var head = await factory.ClientForAsync("daniel.okafor@brightline.example");
        var hrSmall = await CountAsync(hr, $"/api/v1/scorecards/{id}");
        var headSmall = await CountAsync(head, $"/api/v1/scorecards/{id}");

        // 200 more people in 10 new sub-units of Engineering, each team under a lead who reports to Daniel.
        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        for (var team = 0; team < 10; team++)
        for (var i = 0; i < 20; i++)
        {
            var manager = i == 0 ? "daniel.okafor@brightline.example" : $"scale{team}.0@brightline.example";
            csv.Append($"scale{team}.{i}@brightline.example,Scale {team}-{i},Engineer,Brightline/Engineering/Scale {team},{manager},2025-01-06\n");
        }
        var imported = await hr.PostAsync("/api/v1/people/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        var hrLarge = await CountAsync(hr, $"/api/v1/scorecards/{id}");
        var headLarge = await CountAsync(head, $"/api/v1/scorecards/{id}");
        Assert.Equal(hrSmall.Commands, hrLarge.Commands);
        Assert.Equal(hrSmall.Rows, hrLarge.Rows);
        Assert.Equal(headSmall.Commands, headLarge.Commands);
        Assert.Equal(headSmall.Rows, headLarge.Rows);
        Assert.False(hrLarge.Body["canEdit"]!.GetValue<bool>());
        Assert.True(headLarge.Body["canEdit"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_scorecard_page_and_a_KPI_page_cost_the_same_after_more_months_and_another_scorecard_with_history()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var (scorecard, kpis) = await ScorecardWithKpisAsync(admin, "Brightline/Marketing", "Marketing 2023-2025");
        await ImportMonthsAsync(admin, kpis, new DateOnly(2023, 1, 1), 13);
        var hr = await factory.SignedInPagesAsync(ScorecardFactory.Hr);
        var page = await CountPageAsync(hr, $"/scorecards/{scorecard}");
        var kpiPage = await CountPageAsync(hr, $"/kpis/{kpis[0]}");

        // Another scorecard with 36 months, and 23 more months on this one: the page shows the last 13 of each KPI.
        var (_, others) = await ScorecardWithKpisAsync(admin, "Brightline/Customer Success/Support", "Support 2023-2025");
        await ImportMonthsAsync(admin, others, new DateOnly(2023, 1, 1), 36);
        await ImportMonthsAsync(admin, kpis.Skip(1).ToList(), new DateOnly(2024, 2, 1), 23);
        var pageAfter = await CountPageAsync(hr, $"/scorecards/{scorecard}");
        var kpiPageAfter = await CountPageAsync(hr, $"/kpis/{kpis[0]}");

        Assert.Equal(page.Commands, pageAfter.Commands);
        Assert.Equal(page.Rows, pageAfter.Rows);
        Assert.Equal(kpiPage.Commands, kpiPageAfter.Commands);
        Assert.Equal(kpiPage.Rows, kpiPageAfter.Rows); // the first KPI's own history did not grow
        Assert.Contains("KPI 0.0", pageAfter.Html);
        Assert.Contains("KPI 0.0", kpiPageAfter.Html);
    }

    private static async Task<(string Id, List<string> Kpis)> ScorecardWithKpisAsync(HttpClient admin, string unitPath, string name)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/scorecards", new
        {
            orgUnitId = await OkrHostHelpers.UnitIdAsync(admin, unitPath), name, periodStart = "2023-01-01", periodEnd = "2025-12-31",
            perspectives = new[] { new { name = "Customer", weight = 1.0 }, new { name = "Growth", weight = 1.0 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tree = await Json.ReadAsync(created);
        var kpis = new List<string>();
        foreach (var (perspective, i) in tree["perspectives"]!.AsArray().Select((p, i) => (p!["id"].Str(), i)))
        {
            var objective = await Json.ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{tree["id"].Str()}/objectives",
                new { perspectiveId = perspective, name = $"Objective {i}", ownerId = (string?)null, weight = 1.0 }));
            for (var k = 0; k < 2; k++)
            {
                var kpi = await admin.PostAsJsonAsync($"/api/v1/objectives/{objective["id"].Str()}/kpis", new
                {
                    name = $"KPI {i}.{k}", unit = "leads", dataSource = "CRM", direction = "increase", baseline = 0, target = 100, min = 0, max = 100,
                    thresholds = new { green = 0.8, amber = 0.5 }, updateInterval = "monthly", leading = false, weight = 1,
                });
                Assert.Equal(HttpStatusCode.Created, kpi.StatusCode);
                kpis.Add((await Json.ReadAsync(kpi))["id"].Str());
            }
        }

        return (tree["id"].Str(), kpis);
    }

    private async Task<(int Commands, int Rows, string Html)> CountPageAsync(HttpClient client, string path)
    {
        await client.GetAsync(path);
        factory.Counter.Start(path);
        var response = await client.GetAsync(path);
        var commands = factory.Counter.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (commands, factory.Counter.Rows, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reading_a_company_objective_reads_only_its_scorecard_parent_whatever_the_history_of_the_company_KPIs()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var company = await admin.CompanyScorecardAsync();
        var customer = company.Objectives("Customer").First();
        var goal = await admin.CreateObjectiveAsync(new
        {
            title = "Customers stay", level = "company", period = "2026-Q4",
            parents = new[] { new { strategyObjectiveId = customer["id"].Str(), weight = 1.0 } },
        });
        var path = $"/api/v1/okr/objectives/{goal["id"].Str()}";
        var before = await CountAsync(admin, path);

        // Every company KPI gets a reading on each of 20 earlier days: the history grows, the latest values stay.
        var all = company["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray())
            .SelectMany(o => o!["kpis"]!.AsArray()).Select(k => k!).ToList();
        var csv = new StringBuilder("kpiId,date,value,note\n");
        foreach (var kpi in all)
            for (var day = 1; day <= 20; day++)
                csv.Append($"{kpi["id"].Str()},2026-01-{day:00},{kpi["baseline"]!.GetValue<double>()},\n");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/kpis/measurements/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).StatusCode);

        var after = await CountAsync(admin, path);
        Assert.Equal(before.Commands, after.Commands);
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(before.Body["parents"]!.ToJsonString(), after.Body["parents"]!.ToJsonString());
    }

    private static async Task ImportMonthsAsync(HttpClient client, IReadOnlyList<string> kpis, DateOnly from, int months)
    {
        var csv = new StringBuilder("kpiId,date,value,note\n");
        var first = (from.Year - 2023) * 12 + from.Month - 1;
        foreach (var kpi in kpis)
            for (var m = 0; m < months; m++)
                csv.Append($"{kpi},{from.AddMonths(m):yyyy-MM-dd},{first + m},\n");
        var response = await client.PostAsync("/api/v1/kpis/measurements/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<JsonNode> Objectives(JsonNode tree) =>
        tree["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray()).Select(o => o!);

    private static JsonNode Kpi(JsonNode tree, string id) =>
        Objectives(tree).SelectMany(o => o["kpis"]!.AsArray()).Single(k => k!["id"].Str() == id)!;

    private static double CurrentValue(JsonNode tree, string kpi) => Kpi(tree, kpi)["currentValue"]!.GetValue<double>();

    private async Task<(int Commands, int Rows, JsonNode Body)> CountAsync(HttpClient client, string path)
    {
        await client.GetAsync(path); // warm: the account check and name lookups are the same either way
        factory.Counter.Start(path);
        var response = await client.GetAsync(path);
        var commands = factory.Counter.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(commands > 0, "the counter saw no command: is it registered?");
        return (commands, factory.Counter.Rows, await Json.ReadAsync(response));
    }
}
