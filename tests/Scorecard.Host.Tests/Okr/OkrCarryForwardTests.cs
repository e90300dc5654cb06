using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Reviews;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Okr;

/// <summary>Issue 10: unfinished OKRs carried into the next period (a copy linked to the original), through the API.</summary>
public sealed class OkrCarryForwardTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static IEnumerable<JsonNode> ScorecardObjectives(JsonNode tree) => tree["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray())!;

    [Fact]
    public async Task The_scorecard_and_the_unfinished_OKRs_are_copied_into_the_next_period_linked_to_their_originals()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var scorecard = await admin.CompanyScorecardAsync();
        var copied = await admin.PostAsJsonAsync($"/api/v1/scorecards/{scorecard["id"].Str()}/copy",
            new { periodStart = "2027-01-01", periodEnd = "2027-12-31", name = "Brightline 2027 (carry test)" });
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        var scorecardObjective = ScorecardObjectives(scorecard).First()["id"].Str();

        var company = await admin.CreateObjectiveAsync(new
        {
            title = "Carry: win the mid-market", level = "company", period = "2026-Q4",
            parents = new[] { new { strategyObjectiveId = scorecardObjective } },
        });
        var companyId = company["id"].Str();
        company = await admin.AddKeyResultAsync(companyId, new { title = "Sign 40 customers", kind = "metric", start = 0.0, target = 40.0, unit = "customers", weight = 2.0 });
        company = await admin.AddKeyResultAsync(companyId, new { title = "Launch the partner programme", kind = "milestone", dueDate = "2026-12-15" });
        company = await admin.AddKeyResultAsync(companyId, new { title = "Keep churn in band", kind = "control", bandLow = 0.0, bandHigh = 2.0, unit = "%" });
        var customers = company["keyResults"]![0]!["id"].Str();
        var launch = company["keyResults"]![1]!["id"].Str();
        await CheckInAsync(admin, customers, 25.0);
        await CheckInAsync(admin, launch, 1.0);

        var manager = await factory.ClientForAsync(ScorecardFactory.Manager);
        var platform = await manager.UnitIdAsync("Brightline/Engineering/Platform");
        var team = await manager.CreateObjectiveAsync(new
        {
            title = "Carry: platform ready for mid-market load", level = "team", period = "2026-Q4", orgUnitId = platform,
            parents = new[] { new { okrObjectiveId = companyId } },
        });
        var teamId = team["id"].Str();
        await manager.AddKeyResultAsync(teamId, new { title = "p95 under 300 ms", kind = "metric", start = 900.0, target = 300.0, unit = "ms" });

        // Someone who may not create the team's OKR may not carry it either; nothing is written.
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        await AssertProblemAsync(await employee.PostAsJsonAsync($"/api/v1/okr/objectives/{teamId}/carry-forward", new { period = "2027-Q1" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await admin.PostAsJsonAsync($"/api/v1/okr/objectives/{teamId}/carry-forward", new { period = "2026-Q4" }),
            HttpStatusCode.UnprocessableEntity, "period");

        var response = await admin.PostAsJsonAsync("/api/v1/okr/objectives/carry-forward",
            new { fromPeriod = "2026-Q4", toPeriod = "2027-Q1", objectiveIds = new[] { teamId, companyId } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var results = (await Json.ReadAsync(response)).AsArray();
        Assert.Equal([teamId, companyId], results.Select(r => r!["originalId"].Str()));

        var companyCopy = results[1]!["copy"]!;
        Assert.Equal(("Carry: win the mid-market", "company", "2027-Q1"), (companyCopy["title"].Str(), companyCopy["level"].Str(), companyCopy["period"].Str()));
        Assert.Equal((companyId, "2026-Q4"), (companyCopy["carriedFrom"]!["id"].Str(), companyCopy["carriedFrom"]!["period"].Str()));
        // The finished milestone stays behind; the metric starts where it got to, keeping target and weight; the control band comes along.
        var krs = companyCopy["keyResults"]!.AsArray();
        Assert.Equal(["Sign 40 customers", "Keep churn in band"], krs.Select(k => k!["title"].Str()));
        Assert.Equal((25.0, 40.0, 2.0), (krs[0]!["start"]!.GetValue<double>(), krs[0]!["target"]!.GetValue<double>(), krs[0]!["weight"]!.GetValue<double>()));
        Assert.Null(krs[0]!["current"]);
        Assert.Empty(krs[0]!["checkIns"]!.AsArray());
        Assert.Equal((0.0, 2.0), (krs[1]!["bandLow"]!.GetValue<double>(), krs[1]!["bandHigh"]!.GetValue<double>()));
        var companyNotes = results[1]!["notes"]!.AsArray().Select(n => n.Str()).ToList();
        Assert.Contains(companyNotes, n => n.Contains("1 finished key result was left"));
        Assert.Contains(companyNotes, n => n.Contains("does not cover 2027-Q1"));
        Assert.Empty(companyCopy["parents"]!.AsArray());

        // The team copy supports the company copy carried in the same request.
        var teamCopy = results[0]!["copy"]!;
        Assert.Equal(companyCopy["id"].Str(), teamCopy["parents"]![0]!["id"].Str());
        Assert.Equal(platform.ToString(), teamCopy["orgUnitId"].Str());
        Assert.Equal(900.0, teamCopy["keyResults"]![0]!["start"]!.GetValue<double>());

        // The original is untouched; a second carry into the same period is refused.
        var original = await admin.GetJsonAsync($"/api/v1/okr/objectives/{companyId}");
        Assert.Equal(3, original["keyResults"]!.AsArray().Count);
        Assert.Null(original["carriedFrom"]);
        var again = await admin.PostAsJsonAsync($"/api/v1/okr/objectives/{companyId}/carry-forward", new { period = "2027-Q1" });
        await AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("already carried into 2027-Q1", await again.Content.ReadAsStringAsync());
        Assert.Contains(await factory.AuditAsync("okr.objective", companyCopy["id"].Str()), a => a.Action == "okr.objective.carried");
    }

    [Fact]
    public async Task Finished_and_archived_objectives_are_refused_by_name_and_a_refused_batch_writes_nothing()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var open = (await tomas.CreateObjectiveAsync(new { title = "Carry: still open", level = "individual", period = "2026-Q3" }))["id"].Str();
        await tomas.AddKeyResultAsync(open, new { title = "Write the guide", kind = "percentage", start = 0.0, target = 100.0 });
        var done = (await tomas.CreateObjectiveAsync(new { title = "Carry: all done", level = "individual", period = "2026-Q3" }))["id"].Str();
        var kr = (await tomas.AddKeyResultAsync(done, new { title = "Ship it", kind = "milestone" }))["keyResults"]![0]!["id"].Str();
        await CheckInAsync(tomas, kr, 1.0);
        var archived = (await tomas.CreateObjectiveAsync(new { title = "Carry: archived", level = "individual", period = "2026-Q3" }))["id"].Str();
        Assert.Equal(HttpStatusCode.NoContent, (await tomas.DeleteAsync($"/api/v1/okr/objectives/{archived}")).StatusCode);

        var finished = await tomas.PostAsJsonAsync("/api/v1/okr/objectives/carry-forward",
            new { fromPeriod = "2026-Q3", toPeriod = "2026-Q4", objectiveIds = new[] { open, done } });
        await AssertProblemAsync(finished, HttpStatusCode.UnprocessableEntity, "objectiveIds");
        Assert.Contains("'Carry: all done' is finished", await finished.Content.ReadAsStringAsync());
        var refusedArchive = await tomas.PostAsJsonAsync($"/api/v1/okr/objectives/{archived}/carry-forward", new { period = "2026-Q4" });
        await AssertProblemAsync(refusedArchive, HttpStatusCode.UnprocessableEntity, "id");
        Assert.Contains("'Carry: archived' is archived", await refusedArchive.Content.ReadAsStringAsync());
        await AssertProblemAsync(await tomas.PostAsJsonAsync("/api/v1/okr/objectives/carry-forward",
            new { fromPeriod = "2026-Q2", toPeriod = "2026-Q4", objectiveIds = new[] { open } }), HttpStatusCode.UnprocessableEntity, "objectiveIds");
        Assert.Equal(0, factory.Database.Count($"SELECT count(*) FROM okr_objectives WHERE lower(CAST(\"CarriedFromId\" AS TEXT)) IN ('{open}', '{done}', '{archived}')"));

        var carried = await tomas.PostAsJsonAsync("/api/v1/okr/objectives/carry-forward",
            new { fromPeriod = "2026-Q3", toPeriod = "2026-Q4", objectiveIds = new[] { open } });
        Assert.Equal(HttpStatusCode.OK, carried.StatusCode);
        Assert.Equal(1, factory.Database.Count($"SELECT count(*) FROM okr_objectives WHERE lower(CAST(\"CarriedFromId\" AS TEXT)) = '{open}'"));
    }

    [Fact]
    public async Task Concurrent_carries_of_one_objective_into_one_period_make_exactly_one_copy()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var id = (await tomas.CreateObjectiveAsync(new { title = "Carry: raced", level = "individual", period = "2026-Q4" }))["id"].Str();
        await tomas.AddKeyResultAsync(id, new { title = "Half way", kind = "metric", start = 0.0, target = 10.0 });
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++) clients.Add(await factory.ClientForAsync(ScorecardFactory.Employee));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/okr/objectives/{id}/carry-forward", new { period = "2027-Q1" })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.True(statuses.Count(s => s == HttpStatusCode.Created) == 1, string.Join(", ", statuses));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(1, factory.Database.Count($"SELECT count(*) FROM okr_objectives WHERE lower(CAST(\"CarriedFromId\" AS TEXT)) = '{id}'"));
    }

    [Fact]
    public async Task Key_results_are_put_in_a_new_order_with_every_id_once_and_the_version_read()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var id = (await tomas.CreateObjectiveAsync(new { title = "Order: three key results", level = "individual", period = "2026-Q4" }))["id"].Str();
        await tomas.AddKeyResultAsync(id, new { title = "A", kind = "metric", start = 0.0, target = 1.0 });
        await tomas.AddKeyResultAsync(id, new { title = "B", kind = "milestone" });
        var goal = await tomas.AddKeyResultAsync(id, new { title = "C", kind = "control", bandLow = 1.0, bandHigh = 2.0 });
        var ids = goal["keyResults"]!.AsArray().Select(k => k!["id"].Str()).ToArray();
        var version = goal["version"].Str();

        await AssertProblemAsync(await tomas.PutAsJsonAsync($"/api/v1/okr/objectives/{id}/key-results/order", new { keyResultIds = new[] { ids[0], ids[1] } }),
            HttpStatusCode.BadRequest, "keyResultIds");
        var ordered = await tomas.PutAsJsonAsync($"/api/v1/okr/objectives/{id}/key-results/order", new { keyResultIds = new[] { ids[2], ids[0], ids[1] }, version });
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.Equal(["C", "A", "B"], (await Json.ReadAsync(ordered))["keyResults"]!.AsArray().Select(k => k!["title"].Str()));
        await AssertProblemAsync(await tomas.PutAsJsonAsync($"/api/v1/okr/objectives/{id}/key-results/order", new { keyResultIds = ids, version }), HttpStatusCode.Conflict);
        Assert.Equal(["C", "A", "B"], (await tomas.GetJsonAsync($"/api/v1/okr/objectives/{id}"))["keyResults"]!.AsArray().Select(k => k!["title"].Str()));
    }

    private static async Task CheckInAsync(HttpClient client, string keyResultId, double value)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/okr/key-results/{keyResultId}/check-ins", new { value, confidence = 7 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
