using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Audit;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Okr;

public sealed class OkrApiTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task An_employee_creates_a_goal_aligned_to_a_scorecard_objective_adds_a_key_result_and_checks_in()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var customer = (await tomas.CompanyScorecardAsync()).Objectives("Customer").First();

        var goal = await tomas.CreateObjectiveAsync(new
        {
            title = "Cut API errors customers see",
            level = "individual",
            period = "2026-Q4",
            type = "committed",
            parents = new[] { new { strategyObjectiveId = customer["id"].Str(), weight = 1.0 } },
        });
        Assert.Equal(await tomas.PersonIdAsync(), Guid.Parse(goal["ownerPersonId"].Str()));
        var id = goal["id"].Str();
        goal = await tomas.AddKeyResultAsync(id, new { title = "Cut API error rate from 2% to 0.5%", kind = "metric", start = 2.0, target = 0.5, unit = "%" });
        var kr = goal["keyResults"]![0]!["id"].Str();

        var response = await tomas.PostAsJsonAsync($"/api/v1/okr/key-results/{kr}/check-ins", new { value = 1.25, confidence = 7, comment = "half way" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fetched = await tomas.GetJsonAsync($"/api/v1/okr/objectives/{id}");
        Assert.Equal(0.5, fetched["progress"]!.GetValue<double>());     // (1.25 − 2) / (0.5 − 2)
        Assert.Equal(0.5, fetched["grade"]!.GetValue<double>());
        Assert.Contains(fetched["status"].Str(), new[] { "on_track", "behind", "at_risk" });
        var checkIn = fetched["keyResults"]![0]!["checkIns"]![0]!;
        Assert.Equal((1.25, 7, "half way"), (checkIn["value"]!.GetValue<double>(), checkIn["confidence"]!.GetValue<int>(), checkIn["comment"].Str()));

        var sight = await tomas.GetJsonAsync($"/api/v1/okr/objectives/{id}/line-of-sight");
        Assert.True(sight["aligned"]!.GetValue<bool>());
        Assert.Equal(customer["name"].Str(), sight["steps"]!.AsArray().Last()!["title"].Str());
        var draft = await tomas.GetJsonAsync("/api/v1/okr/parent-suggestions?text=Raise%20enterprise%20customer%20retention%20from%2080%25%20to%2090%25&period=2026-Q4");
        Assert.Contains("customer", draft["items"]![0]!["title"].Str(), StringComparison.OrdinalIgnoreCase);   // a goal not saved yet
        Assert.True(draft["items"]![0]!["score"]!.GetValue<double>() > 0.2);
        await AssertProblemAsync(await tomas.GetAsync("/api/v1/okr/parent-suggestions"), HttpStatusCode.BadRequest, "text");
        var suggestions = await tomas.GetJsonAsync($"/api/v1/okr/objectives/{id}/parent-suggestions");
        Assert.Equal("lexical", suggestions["method"].Str());
        // The person's unit chain first, then other units by similarity; every suggestion says why it is there.
        var items = suggestions["items"]!.AsArray();
        var inChain = items.Select(s => s!["inUnitChain"]!.GetValue<bool>()).ToList();
        Assert.Equal(inChain.OrderByDescending(x => x), inChain);
        var others = items.Where(s => !s!["inUnitChain"]!.GetValue<bool>()).Select(s => s!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(others.OrderByDescending(s => s), others);
        Assert.All(items, s => Assert.Contains("similarity", s!["reason"].Str()));
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_changes_nothing()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var a = await tomas.CreateObjectiveAsync(new { title = "Goal A", level = "individual", period = "2026-Q4" });
        var b = await tomas.CreateObjectiveAsync(new { title = "Goal B", level = "individual", period = "2026-Q4", parents = new[] { new { okrObjectiveId = a["id"].Str() } } });
        var aId = a["id"].Str();
        var kr = (await tomas.AddKeyResultAsync(aId, new { title = "Close 10 tickets", kind = "metric", start = 0, target = 10 }))["keyResults"]![0]!["id"].Str();

        await AssertProblemAsync(await tomas.PostAsJsonAsync("/api/v1/okr/objectives",
            new { title = "X", level = "individual", period = "2026-Q4", parents = new[] { new { okrObjectiveId = Guid.NewGuid() } } }), HttpStatusCode.UnprocessableEntity, "parents");

        var cycle = await tomas.PatchJsonAsync($"/api/v1/okr/objectives/{aId}", new { parents = new[] { new { okrObjectiveId = b["id"].Str() } } });
        await AssertProblemAsync(cycle, HttpStatusCode.UnprocessableEntity, "parents");
        var problem = await Json.ReadAsync(cycle);
        Assert.Equal([aId, b["id"].Str(), aId], problem["cyclePath"]!.AsArray().Select(x => x.Str()));
        Assert.Contains("Goal B", problem["detail"].Str());

        await AssertProblemAsync(await tomas.PostAsJsonAsync($"/api/v1/okr/objectives/{aId}/key-results",
            new { title = "Stay put", kind = "metric", start = 5, target = 5 }), HttpStatusCode.BadRequest, "target");
        await AssertProblemAsync(await tomas.PostAsync($"/api/v1/okr/key-results/{kr}/check-ins",
            new StringContent("{\"value\": 1e999, \"confidence\": 5}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "value");
        await AssertProblemAsync(await tomas.PostAsync($"/api/v1/okr/key-results/{kr}/check-ins",
            new StringContent("{\"value\": \"NaN\", \"confidence\": 5}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "value");
        await AssertProblemAsync(await tomas.PostAsJsonAsync($"/api/v1/okr/key-results/{kr}/check-ins", new { value = 3, confidence = 11 }), HttpStatusCode.BadRequest, "confidence");
        await AssertProblemAsync(await tomas.PostAsJsonAsync($"/api/v1/okr/key-results/{kr}/check-ins", new { value = 3, confidence = -1 }), HttpStatusCode.BadRequest, "confidence");
        await AssertProblemAsync(await tomas.PostAsJsonAsync("/api/v1/okr/objectives", new { title = "X", level = "galaxy", period = "2026-Q4" }), HttpStatusCode.BadRequest, "level");
        await AssertProblemAsync(await tomas.PostAsJsonAsync("/api/v1/okr/objectives", new { title = "X", level = "individual", period = "2026-Q9" }), HttpStatusCode.BadRequest, "period");

        Assert.Equal(HttpStatusCode.NoContent, (await tomas.DeleteAsync($"/api/v1/okr/objectives/{aId}")).StatusCode);
        await AssertProblemAsync(await tomas.PostAsJsonAsync($"/api/v1/okr/key-results/{kr}/check-ins", new { value = 3, confidence = 5 }), HttpStatusCode.Conflict);

        var after = await tomas.GetJsonAsync($"/api/v1/okr/objectives/{aId}");
        Assert.True(after["archived"]!.GetValue<bool>());
        Assert.Empty(after["parents"]!.AsArray());
        var only = Assert.Single(after["keyResults"]!.AsArray());
        Assert.Empty(only!["checkIns"]!.AsArray());
        Assert.DoesNotContain((await tomas.GetJsonAsync($"/api/v1/okr/objectives?period=2026-Q4&ownerPersonId={await tomas.PersonIdAsync()}"))["items"]!.AsArray(),
            o => o!["title"].Str() == "X");
        // The child of an archived objective now reports a broken parent.
        var findings = await tomas.GetJsonAsync($"/api/v1/okr/alignment?period=2026-Q4&personId={await tomas.PersonIdAsync()}");
        Assert.Contains(findings["findings"]!.AsArray(), f => f!["code"].Str() == "BROKEN_PARENT" && f["objectiveId"].Str() == b["id"].Str());
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var goal = await tomas.CreateObjectiveAsync(new { title = "Version me", level = "individual", period = "2026-Q4" });
        var version = goal["version"].Str();
        Assert.Equal(HttpStatusCode.OK, (await tomas.PatchJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}", new { version, title = "Versioned" })).StatusCode);
        await AssertProblemAsync(await tomas.PatchJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}", new { version, title = "Stale" }), HttpStatusCode.Conflict);
        Assert.Equal("Versioned", (await tomas.GetJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}"))["title"].Str());
    }

    [Fact]
    public async Task Who_may_edit_which_OKR_is_a_matrix_of_relationships()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var personal = (await tomas.CreateObjectiveAsync(new { title = "Tomas's goal", level = "individual", period = "2026-Q4" }))["id"].Str();
        var priya = await factory.ClientForAsync(ScorecardFactory.Manager);
        var platform = await priya.UnitIdAsync("Brightline/Engineering/Platform");
        var engineering = await priya.UnitIdAsync("Brightline/Engineering");
        var team = (await priya.CreateObjectiveAsync(new { title = "Platform team goal", level = "team", period = "2026-Q4", orgUnitId = platform }))["id"].Str();
        var daniel = await factory.ClientForAsync(Email("daniel.okafor"));
        var department = (await daniel.CreateObjectiveAsync(new { title = "Engineering goal", level = "department", period = "2026-Q4", orgUnitId = engineering }))["id"].Str();
        var maya = await factory.ClientForAsync(ScorecardFactory.Admin);
        var company = (await maya.CreateObjectiveAsync(new { title = "Company goal", level = "company", period = "2026-Q4" }))["id"].Str();

        (string Who, string Objective, HttpStatusCode Expected)[] matrix =
        [
            (ScorecardFactory.Employee, personal, HttpStatusCode.OK),           // owner
            (ScorecardFactory.Manager, personal, HttpStatusCode.OK),            // manager
            (Email("daniel.okafor"), personal, HttpStatusCode.OK),              // manager's manager
            (Email("aisha.bello"), personal, HttpStatusCode.Forbidden),         // peer
            (ScorecardFactory.Hr, personal, HttpStatusCode.Forbidden),          // HR reads, does not edit
            (ScorecardFactory.Admin, personal, HttpStatusCode.OK),
            (ScorecardFactory.Manager, team, HttpStatusCode.OK),                // the unit's manager
            (ScorecardFactory.Employee, team, HttpStatusCode.Forbidden),
            (Email("jonas.berg"), team, HttpStatusCode.Forbidden),              // another team's manager
            (Email("daniel.okafor"), team, HttpStatusCode.OK),                  // above the unit's manager
            (Email("daniel.okafor"), department, HttpStatusCode.OK),
            (ScorecardFactory.Manager, department, HttpStatusCode.Forbidden),
            (ScorecardFactory.Admin, company, HttpStatusCode.OK),
            (Email("daniel.okafor"), company, HttpStatusCode.Forbidden),
            (ScorecardFactory.Hr, company, HttpStatusCode.Forbidden),
        ];
        foreach (var (who, objective, expected) in matrix)
        {
            var client = await factory.ClientForAsync(who);
            var response = await client.PatchJsonAsync($"/api/v1/okr/objectives/{objective}", new { description = $"edited by {who}" });
            Assert.True(expected == response.StatusCode, $"{who} PATCH {objective}: expected {expected}, got {response.StatusCode}");
        }

        // Creating follows the same rules.
        await AssertProblemAsync(await tomas.PostAsJsonAsync("/api/v1/okr/objectives", new { title = "T", level = "team", period = "2026-Q4", orgUnitId = platform }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await daniel.PostAsJsonAsync("/api/v1/okr/objectives", new { title = "C", level = "company", period = "2026-Q4" }), HttpStatusCode.Forbidden);
        var aisha = await tomas.PersonIdByEmailAsync("aisha.bello");
        await AssertProblemAsync(await tomas.PostAsJsonAsync("/api/v1/okr/objectives", new { title = "For Aisha", level = "individual", period = "2026-Q4", ownerPersonId = aisha }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, (await priya.PostAsJsonAsync("/api/v1/okr/objectives", new { title = "For Aisha", level = "individual", period = "2026-Q4", ownerPersonId = aisha })).StatusCode);

        // Everyone reads the tree.
        foreach (var who in new[] { ScorecardFactory.Employee, ScorecardFactory.Hr, Email("lucy.evans") })
            Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync(who)).GetAsync("/api/v1/okr/tree?period=2026-Q4")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/okr/tree")).StatusCode);
    }

    [Fact]
    public async Task Findings_about_a_person_are_for_that_person_their_manager_chain_and_HR()
    {
        var anyone = await factory.ClientForAsync(ScorecardFactory.Admin);
        var nadia = await anyone.PersonIdByEmailAsync("nadia.karim");
        (string Who, HttpStatusCode Expected)[] matrix =
        [
            (Email("nadia.karim"), HttpStatusCode.OK),
            (Email("ben.harris"), HttpStatusCode.OK),
            (Email("elena.petrova"), HttpStatusCode.OK),
            (ScorecardFactory.Admin, HttpStatusCode.OK),
            (ScorecardFactory.Hr, HttpStatusCode.OK),
            (Email("omar.haddad"), HttpStatusCode.OK),
            (Email("chloe.martin"), HttpStatusCode.Forbidden),
            (Email("isabel.santos"), HttpStatusCode.Forbidden),
            (ScorecardFactory.Employee, HttpStatusCode.Forbidden),
        ];
        foreach (var (who, expected) in matrix)
        {
            var client = await factory.ClientForAsync(who);
            var response = await client.GetAsync($"/api/v1/okr/alignment?period=2026-Q4&personId={nadia}");
            Assert.True(expected == response.StatusCode, $"{who}: expected {expected}, got {response.StatusCode}");
            var all = await client.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4");
            var sees = all["findings"]!.AsArray().Any(f => f!["personId"]?.GetValue<string>() == nadia.ToString());
            Assert.True(sees == (expected == HttpStatusCode.OK), $"{who} sees Nadia's findings in the list: {sees}");
        }
    }

    [Fact]
    public async Task A_kpi_key_result_follows_the_scorecard_KPI_when_a_measurement_is_recorded()
    {
        var maya = await factory.ClientForAsync(ScorecardFactory.Admin);
        var objective = (await maya.CompanyScorecardAsync()).Objectives("Customer").First(o => o["kpis"]!.AsArray().Count > 0);
        var kpi = objective["kpis"]![0]!;
        var goal = await maya.CreateObjectiveAsync(new { title = "Follow the customer KPI", level = "individual", period = "2026-Q4",
            parents = new[] { new { strategyObjectiveId = objective["id"].Str() } } });
        goal = await maya.AddKeyResultAsync(goal["id"].Str(), new { title = "Track " + kpi["name"].Str(), kind = "kpi", kpiId = kpi["id"].Str() });
        var keyResult = goal["keyResults"]![0]!;
        Assert.Equal(kpi["id"].Str(), keyResult["kpiId"].Str());
        var start = keyResult["start"]!.GetValue<double>();
        var target = keyResult["target"]!.GetValue<double>();
        var value = start + ((target - start) * 0.75);

        var measured = await maya.PostAsJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}/measurements", new { date = "2026-11-20", value });
        Assert.True(measured.IsSuccessStatusCode, await measured.Content.ReadAsStringAsync());

        var refreshed = (await maya.GetJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}"))["keyResults"]![0]!;
        Assert.Equal(value, refreshed["current"]!.GetValue<double>(), 6);
        Assert.Equal(0.75, refreshed["progress"]!.GetValue<double>(), 4);
        Assert.Equal("kpi", refreshed["checkIns"]![0]!["source"].Str());
        await AssertProblemAsync(await maya.PostAsJsonAsync($"/api/v1/okr/key-results/{keyResult["id"].Str()}/check-ins", new { value, confidence = 5 }),
            HttpStatusCode.UnprocessableEntity, "value");
        await AssertProblemAsync(await maya.PostAsJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}/key-results", new { title = "Ghost KPI", kind = "kpi", kpiId = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity, "kpiId");
    }

    [Fact]
    public async Task Explain_and_suggest_works_offline_and_only_a_person_applies_or_dismisses_it_both_logged()
    {
        var mei = await factory.ClientForAsync(Email("mei.chen"));
        var goal = await mei.CreateObjectiveAsync(new { title = "Tidy up the build scripts", level = "individual", period = "2026-Q4" });
        var id = goal["id"].Str();
        goal = await mei.AddKeyResultAsync(id, new { title = "Make the builds nicer", kind = "metric" });
        var kr = goal["keyResults"]![0]!["id"].Str();

        var unaligned = await mei.PostAsJsonAsync($"/api/v1/okr/objectives/{id}/suggestions", new { code = "UNALIGNED" });
        Assert.Equal(HttpStatusCode.Created, unaligned.StatusCode);
        var dismissed = await Json.ReadAsync(unaligned);
        Assert.Equal("offline draft, no language model", dismissed["label"].Str());
        Assert.Equal("Tidy up the build scripts", (await mei.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["title"].Str());
        var afterDismiss = await mei.PostAsJsonAsync($"/api/v1/okr/suggestions/{dismissed["id"].Str()}/dismiss", new { reason = "I will pick the parent with my manager" });
        Assert.Equal("dismissed", (await Json.ReadAsync(afterDismiss))["status"].Str());
        Assert.Empty((await mei.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["parents"]!.AsArray());

        var response = await mei.PostAsJsonAsync($"/api/v1/okr/objectives/{id}/suggestions", new { code = "NOT_MEASURABLE", keyResultId = kr });
        var suggestion = await Json.ReadAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("Make the builds nicer", suggestion["explanation"].Str());
        var proposal = suggestion["proposal"]!;
        Assert.Equal("rewrite_key_result", proposal["action"].Str());
        Assert.Equal("Make the builds nicer", (await mei.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]![0]!["title"].Str());

        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);    // a peer may not apply it
        await AssertProblemAsync(await tomas.PostAsync($"/api/v1/okr/suggestions/{suggestion["id"].Str()}/accept", null), HttpStatusCode.Forbidden);
        var accepted = await mei.PostAsync($"/api/v1/okr/suggestions/{suggestion["id"].Str()}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var applied = (await Json.ReadAsync(accepted))["keyResults"]![0]!;
        Assert.Equal(proposal["title"].Str(), applied["title"].Str());
        Assert.Equal(proposal["kind"].Str(), applied["kind"].Str());
        Assert.Equal(proposal["dueDate"].Str(), applied["dueDate"].Str());
        await AssertProblemAsync(await mei.PostAsync($"/api/v1/okr/suggestions/{suggestion["id"].Str()}/accept", null), HttpStatusCode.Conflict);
        var after = await mei.GetJsonAsync($"/api/v1/okr/alignment?period=2026-Q4&personId={await mei.PersonIdAsync()}");
        Assert.DoesNotContain(after["findings"]!.AsArray(), f => f!["code"].Str() == "NOT_MEASURABLE" && f["objectiveId"].Str() == id);

        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().ReadAsync(subjectId: id, limit: 50);
        Assert.Contains(audit, e => e.Action == "okr.suggestion.dismissed" && e.Reason == "I will pick the parent with my manager");
        Assert.Contains(audit, e => e.Action == "okr.suggestion.accepted" && e.After!.Contains(proposal["title"].Str()));
        Assert.Equal(2, audit.Count(e => e.Action == "ai.call" && e.SubjectType == "okr.explain"));
    }
}
