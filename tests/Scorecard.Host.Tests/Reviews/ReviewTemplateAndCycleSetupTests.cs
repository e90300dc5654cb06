using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests.Reviews;

/// <summary>Issue 10, points 3, 4 and 7: templates edited safely, cycles validated and previewed, stale saves refused with the current values.</summary>
public sealed class ReviewTemplateAndCycleSetupTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_template_used_by_a_launched_cycle_is_never_changed_in_place_and_a_clone_is_edited_with_its_version()
    {
        var (_, template, _) = await factory.LaunchCycleAsync("Platform");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var id = template["id"].Str();
        var loaded = await hr.GetJsonAsync($"/api/v1/review-templates/{id}");
        Assert.True(loaded["inUse"]!.GetValue<bool>());
        Assert.False(loaded["employeeSeesScore"]!.GetValue<bool>());
        Assert.False(loaded["employeeSeesPotential"]!.GetValue<bool>());
        var inPlace = await hr.PutAsJsonAsync($"/api/v1/review-templates/{id}", Body("Changed", loaded["version"].Str()));
        Assert.Contains("Clone", (await ReviewsTestKit.ProblemAsync(inPlace, HttpStatusCode.Conflict))["detail"].Str());
        Assert.Equal(loaded["name"].Str(), (await hr.GetJsonAsync($"/api/v1/review-templates/{id}"))["name"].Str());

        var clone = await hr.PostOkAsync($"/api/v1/review-templates/{id}/clone", new { name = "Engineering review v2" });
        Assert.False(clone["inUse"]!.GetValue<bool>());
        Assert.Equal("Engineering review v2", clone["name"].Str());
        Assert.DoesNotContain(clone["sections"]![1]!["competencies"]![0]!["id"].Str(), loaded.ToJsonString());

        var missingVersion = await hr.PutAsJsonAsync($"/api/v1/review-templates/{clone["id"].Str()}", Body("No version", null));
        Assert.Equal("version", (await ReviewsTestKit.ProblemAsync(missingVersion, HttpStatusCode.BadRequest))["field"].Str());
        var saved = await hr.PutOkAsync($"/api/v1/review-templates/{clone["id"].Str()}", Body("Engineering review v3", clone["version"].Str()));
        Assert.True(saved["employeeSeesScore"]!.GetValue<bool>());
        Assert.Equal(new[] { "Misses", "Partly", "Meets", "Exceeds", "Beyond" }, saved["sections"]![0]!["competencies"]![0]!["levels"]!.AsArray().Select(l => l.Str()));

        // A second save on the version first loaded: 409 with the template as it is now, nothing overwritten.
        var stale = await hr.PutAsJsonAsync($"/api/v1/review-templates/{clone["id"].Str()}", Body("Overwrite attempt", clone["version"].Str()));
        var problem = await ReviewsTestKit.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Engineering review v3", problem["current"]!["name"].Str());
        Assert.Equal("Engineering review v3", (await hr.GetJsonAsync($"/api/v1/review-templates/{clone["id"].Str()}"))["name"].Str());
    }

    [Fact]
    public async Task An_empty_template_bad_level_descriptions_a_deadline_out_of_order_and_a_low_anonymity_threshold_are_refused_naming_the_field()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var empty = await hr.PostAsJsonAsync("/api/v1/review-templates", new { name = "Empty", sections = Array.Empty<object>() });
        Assert.Equal("sections", (await ReviewsTestKit.ProblemAsync(empty, HttpStatusCode.BadRequest))["field"].Str());
        var levels = await hr.PostAsJsonAsync("/api/v1/review-templates", new
        {
            name = "Levels",
            sections = new[] { new { kind = "competencies", title = "C", weight = 100, competencies = new[] { new { name = "Delivery", levels = new[] { "a", "b" } } } } },
        });
        Assert.Equal("sections[0].competencies[0].levels", (await ReviewsTestKit.ProblemAsync(levels, HttpStatusCode.BadRequest))["field"].Str());

        var template = await hr.PostOkAsync("/api/v1/review-templates", ReviewsTestKit.TemplateBody());
        var unit = await factory.UnitAsync("Support");
        object Cycle(object deadlines, int? threshold) => new
        {
            name = "H1", periodStart = "2026-01-01", periodEnd = "2026-06-30", templateId = template["id"].Str(),
            orgUnitIds = new[] { unit }, deadlines, peerAnonymityThreshold = threshold,
        };
        var order = await hr.PostAsJsonAsync("/api/v1/review-cycles", Cycle(new { self = "2026-06-10", peer = "2026-06-05" }, null));
        Assert.Equal("deadlines.peer", (await ReviewsTestKit.ProblemAsync(order, HttpStatusCode.BadRequest))["field"].Str());
        var low = await hr.PostAsJsonAsync("/api/v1/review-cycles", Cycle(new { self = "2026-06-10" }, 2));
        Assert.Equal("peerAnonymityThreshold", (await ReviewsTestKit.ProblemAsync(low, HttpStatusCode.BadRequest))["field"].Str());
        Assert.DoesNotContain((await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray(), c => c!["name"].Str() == "H1");
    }

    [Fact]
    public async Task The_preview_lists_participants_with_their_reviewers_without_the_exclusions_and_the_launch_follows_it()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var template = await hr.PostOkAsync("/api/v1/review-templates", ReviewsTestKit.TemplateBody());
        var (chloe, maya) = (await factory.PersonAsync("chloe.martin"), await factory.PersonAsync("maya.lindqvist"));
        var cycle = await hr.PostOkAsync("/api/v1/review-cycles", new
        {
            name = "Support H2", periodStart = "2026-07-01", periodEnd = "2026-12-31", templateId = template["id"].Str(),
            orgUnitIds = new[] { await factory.UnitAsync("Customer Success") }, personIds = new[] { maya }, excludedPersonIds = new[] { chloe },
            peerAnonymityThreshold = 4,
        });
        Assert.Equal(4, cycle["peerAnonymityThreshold"]!.GetValue<int>());
        var preview = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycle["id"].Str()}/preview");
        var participants = preview["participants"]!.AsArray();
        Assert.DoesNotContain(participants, p => p!["personId"].Str() == chloe.ToString());
        Assert.Contains(participants, p => p!["name"].Str() == "Oscar Lind" && p["reviewerName"].Str() == "Ben Harris");
        Assert.Equal(maya.ToString(), Assert.Single(preview["withoutManager"]!.AsArray())!["personId"].Str());
        Assert.Equal("Chloe Martin", Assert.Single(preview["excluded"]!.AsArray())!["name"].Str());
        var launch = await hr.PostOkAsync($"/api/v1/review-cycles/{cycle["id"].Str()}/launch");
        Assert.Equal(participants.Count, launch["reviewsCreated"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_stale_manager_save_is_409_with_the_current_values_and_the_page_shows_what_changed()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Marketing");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "peer" });
        var review = (await hr.GetJsonAsync($"/api/v1/reviews?cycleId={cycleId}"))["items"]!.AsArray().First(r => r!["managerId"] is not null)!;
        var manager = await factory.ClientForAsync((await hr.GetJsonAsync($"/api/v1/people/{review["managerId"].Str()}"))["email"].Str());
        var id = review["id"].Str();
        var loaded = await manager.GetJsonAsync($"/api/v1/reviews/{id}");
        await manager.PutOkAsync($"/api/v1/reviews/{id}/manager", new { overallRating = 4, narrative = "Saved in the first tab.", version = loaded["version"].Str() });
        var stale = await manager.PutAsJsonAsync($"/api/v1/reviews/{id}/manager", new { overallRating = 2, narrative = "Second tab.", version = loaded["version"].Str() });
        var problem = await ReviewsTestKit.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(4, problem["current"]!["overallRating"]!.GetValue<int>());
        Assert.Equal("Saved in the first tab.", problem["current"]!["narrative"].Str());

        var page = await manager.GetStringAsync($"/reviews/{id}");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(page), ["version"] = loaded["version"].Str(),
            ["overallRating"] = "2", ["narrative"] = "Second tab, typed in the page.", ["action"] = "save",
        };
        var response = await manager.PostAsync($"/reviews/{id}/manager", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"stale-changes\"", html);
        Assert.Contains("Second tab, typed in the page.", html);
        Assert.Contains("Saved in the first tab.", html);
        Assert.Equal("Saved in the first tab.", (await manager.GetJsonAsync($"/api/v1/reviews/{id}"))["narrative"].Str());
    }

    private static object Body(string name, string? version) => new
    {
        name, version, employeeSeesScore = true,
        sections = new object[]
        {
            new { kind = "competencies", title = "Competencies", weight = 100, competencies = new[] { new { name = "Delivery", levels = new[] { "Misses", "Partly", "Meets", "Exceeds", "Beyond" } } } },
        },
    };
}
