using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Scorecard.Host.Tests.Security;

/// <summary>
/// Issue 13, point 7: pages with person or unit fields do not grow with the organization — the fields search the
/// people API (<c>?search=&amp;active=true&amp;limit=</c>) or the org-units API as you type instead of listing everything.
/// </summary>
public sealed class BoundedPagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Pages_with_person_fields_stay_the_same_size_when_300_people_join()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var tomas = (await hr.GetJsonAsync("/api/v1/people?search=tomas.novak"))["items"]![0]!["id"].Str();
        var scorecard = (await hr.GetJsonAsync("/api/v1/scorecards"))["items"]![0]!["id"].Str();
        var cycle = (await hr.GetJsonAsync("/api/v1/review-cycles"))[0]!["id"].Str();
        var pages = new[] { "/feedback", $"/people/{tomas}", $"/scorecards/{scorecard}/reviews", $"/reviews/cycles/{cycle}", "/reviews/cycles/new", "/people/new" };
        var admin = await factory.SignedInPagesAsync(ScorecardFactory.Admin);   // HR and editor of the company scorecard
        var before = await SizesAsync(admin, pages);

        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        for (var i = 0; i < 300; i++)
            csv.Append($"joiner{i:000}@brightline.example,Joiner Number{i:000},Engineer,Brightline/Engineering,priya.raman@brightline.example,2026-01-05\n");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/v1/people/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).StatusCode);

        var after = await SizesAsync(admin, pages);
        foreach (var page in pages)
            Assert.True(Math.Abs(after[page] - before[page]) < 500, $"{page}: {before[page]} bytes before, {after[page]} after 300 joiners");
        Assert.DoesNotContain("Joiner Number", await admin.GetStringAsync("/feedback"));
    }

    [Fact]
    public async Task Pages_with_unit_fields_stay_the_same_size_when_200_units_are_added_and_the_units_page_is_paged()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var tomas = (await hr.GetJsonAsync("/api/v1/people?search=tomas.novak"))["items"]![0]!["id"].Str();
        var pages = new[] { "/directory", $"/people/{tomas}", "/people/new", "/reviews/cycles/new", "/scorecards", "/scorecards/new", "/okr/objectives/new" };
        var admin = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var before = await SizesAsync(admin, pages);

        var engineering = await hr.UnitIdAsync("Engineering");
        var admins = await factory.ClientForAsync(ScorecardFactory.Admin);
        for (var i = 0; i < 200; i++)
        {
            var squad = await hr.PostAsJsonAsync("/api/v1/org-units", new { name = $"Squad {i:000}", parentId = engineering });
            Assert.Equal(HttpStatusCode.Created, squad.StatusCode);
            if (i % 10 != 0) continue;
            // Every tenth squad gets a team OKR: a parent for its own people, not a choice for everyone's new objective.
            var unit = (await squad.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["id"].Str();
            var okr = await admins.PostAsJsonAsync("/api/v1/okr/objectives", new { title = $"Squad {i:000} ships weekly", level = "team", orgUnitId = unit, period = "2026-Q4" });
            Assert.True(okr.StatusCode == HttpStatusCode.Created, await okr.Content.ReadAsStringAsync());
        }

        var after = await SizesAsync(admin, pages);
        foreach (var page in pages)
            Assert.True(Math.Abs(after[page] - before[page]) < 500, $"{page}: {before[page]} bytes before, {after[page]} after 200 new units");

        // The units page shows 50 units a page, each with search fields rather than a list of every unit, and pages on.
        var first = await admin.GetStringAsync("/org-units");
        Assert.Equal(50, PageForms.CountOf(first, "<li data-unit="));
        Assert.DoesNotContain("<option", first);
        Assert.Contains("rel=\"next\"", first);
        var third = await admin.GetStringAsync("/org-units?page=2");
        Assert.Equal(50, PageForms.CountOf(third, "<li data-unit="));
        var found = await admin.GetStringAsync("/org-units?q=squad%2019");
        Assert.Equal(10, PageForms.CountOf(found, "<li data-unit="));   // Squad 190–199
        Assert.DoesNotContain("rel=\"next\"", found);
    }

    [Fact]
    public async Task The_unit_search_behind_the_unit_fields_is_limited_and_matches_names_and_paths()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var engineering = await hr.UnitIdAsync("Engineering");
        for (var i = 0; i < 12; i++)
            Assert.Equal(HttpStatusCode.Created, (await hr.PostAsJsonAsync("/api/v1/org-units", new { name = $"Guild {i:00}", parentId = engineering })).StatusCode);
        var page = await hr.GetJsonAsync("/api/v1/org-units?search=GUILD&limit=10");
        Assert.Equal(10, page["items"]!.AsArray().Count);
        Assert.Equal(12, page["total"]!.GetValue<int>());
        Assert.Equal("Brightline/Engineering/Guild 00", page["items"]![0]!["path"].Str());
        var byPath = await hr.GetJsonAsync("/api/v1/org-units?search=engineering/guild%2011");
        Assert.Equal("Guild 11", Assert.Single(byPath["items"]!.AsArray())!["name"].Str());
    }

    [Fact]
    public async Task The_alignment_tree_page_draws_at_most_its_budget_of_goals_and_links_the_rest()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tomas = (await admin.GetJsonAsync("/api/v1/people?search=tomas.novak"))["items"]![0]!["id"].Str();
        var team = (await admin.GetJsonAsync("/api/v1/okr/objectives?period=2026-Q4&level=team&limit=1"))["items"]![0]!["id"].Str();
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        async Task AddGoalsAsync(int from, int count)
        {
            for (var i = from; i < from + count; i++)
            {
                var created = await admin.PostAsJsonAsync("/api/v1/okr/objectives", new
                {
                    title = $"Generated goal {i:000}", level = "individual", period = "2026-Q4", ownerPersonId = tomas,
                    parents = new[] { new { okrObjectiveId = team } },
                });
                Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            }
        }

        await AddGoalsAsync(0, 420);
        var tree = await pages.GetStringAsync("/okr/tree?period=2026-Q4");
        Assert.True(PageForms.CountOf(tree, "class=\"node okr-node") <= 400, $"{PageForms.CountOf(tree, "class=\"node okr-node")} nodes drawn");
        Assert.Contains("more below", tree);
        Assert.Contains("Generated goal 000", tree);   // breadth first: the team's first children are drawn

        await AddGoalsAsync(420, 100);
        var larger = await pages.GetStringAsync("/okr/tree?period=2026-Q4");
        Assert.True(Math.Abs(larger.Length - tree.Length) < 500, $"{tree.Length} bytes with 420 goals, {larger.Length} with 520");
    }

    [Fact]
    public async Task The_scorecards_page_lists_50_scorecards_a_page_and_pages_on()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var platform = await admin.UnitIdAsync("Platform");
        for (var year = 2040; year < 2100; year++)
        {
            var created = await admin.PostAsJsonAsync("/api/v1/scorecards", new { orgUnitId = platform, name = $"Platform {year}", periodStart = $"{year}-01-01", periodEnd = $"{year}-12-31" });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var first = await pages.GetStringAsync("/scorecards");
        Assert.Equal(50, PageForms.CountOf(first[first.IndexOf("<tbody>", StringComparison.Ordinal)..], "<tr>"));
        Assert.Contains("rel=\"next\"", first);
        var total = (await admin.GetJsonAsync("/api/v1/scorecards?limit=1"))["total"]!.GetValue<int>();
        var last = await pages.GetStringAsync($"/scorecards?page={(total - 1) / 50}");
        Assert.Equal(total - (total - 1) / 50 * 50, PageForms.CountOf(last[last.IndexOf("<tbody>", StringComparison.Ordinal)..], "<tr>"));
        Assert.DoesNotContain("rel=\"next\"", last);
    }

    [Fact]
    public async Task A_page_form_with_blank_repeated_rows_is_saved_not_refused_as_null_list_elements()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var scorecard = (await hr.GetJsonAsync("/api/v1/scorecards"))["items"]![0]!["id"].Str();
        var admin = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var token = PageForms.AntiforgeryToken(await admin.GetStringAsync($"/scorecards/{scorecard}/reviews"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("HeldOn", "2026-11-20"), new("Title", "Blank rows review"), new("Notes", ""),
        };
        foreach (var text in new[] { "Hire two CSMs", "", "" })   // one decision written, two rows left blank
            fields.AddRange([new("DecisionText", text), new("DecisionKind", "decision"), new("DecisionOwner", ""), new("DecisionDue", ""), new("DecisionObjective", "")]);
        var response = await admin.PostAsync($"/scorecards/{scorecard}/reviews", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var reviews = await hr.GetStringAsync($"/api/v1/scorecards/{scorecard}/reviews");
        Assert.Contains("Hire two CSMs", reviews);
    }

    [Fact]
    public async Task HR_changes_a_reviewer_by_choosing_the_person_reviewed_not_a_review_from_a_list()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray().First(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
        var ryan = (await hr.GetJsonAsync("/api/v1/people?search=ryan.oconnell"))["items"]![0]!["id"].Str();
        var daniel = (await hr.GetJsonAsync("/api/v1/people?search=daniel.okafor"))["items"]![0]!["id"].Str();
        var sara = await factory.SignedInPagesAsync(ScorecardFactory.Hr);
        var token = PageForms.AntiforgeryToken(await sara.GetStringAsync($"/reviews/cycles/{cycle}"));
        var response = await sara.PostAsync($"/reviews/cycles/{cycle}/reviewer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["personId"] = ryan, ["managerId"] = daniel, ["reason"] = "Jonas is on parental leave.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("now reviewed by Daniel", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
        var review = (await hr.GetJsonAsync($"/api/v1/reviews?cycleId={cycle}&personId={ryan}"))["items"]![0]!;
        Assert.Equal(daniel, review["managerId"].Str());
    }

    [Fact]
    public async Task The_people_search_behind_the_pickers_is_limited_and_can_leave_out_people_who_left()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var page = await hr.GetJsonAsync("/api/v1/people?search=a&limit=10&active=true");
        Assert.Equal(10, page["items"]!.AsArray().Count);
        Assert.True(page["total"]!.GetValue<int>() > 10);

        var leo = (await hr.GetJsonAsync("/api/v1/people?search=leo.moreau"))["items"]![0]!;
        var patch = await hr.PatchJsonAsync($"/api/v1/people/{leo["id"].Str()}", new { active = false });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(0, (await hr.GetJsonAsync("/api/v1/people?search=leo.moreau&active=true"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await hr.GetJsonAsync("/api/v1/people?search=leo.moreau&active=false"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await hr.GetJsonAsync("/api/v1/people?search=leo.moreau"))["total"]!.GetValue<int>());
    }

    private static async Task<Dictionary<string, int>> SizesAsync(HttpClient client, IEnumerable<string> pages)
    {
        var sizes = new Dictionary<string, int>();
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sizes[page] = (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        return sizes;
    }
}
