using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Reviews;

namespace Scorecard.Host.Tests;

/// <summary>
/// Strategy and Reviews lists are paged like the directory's: <c>limit</c> (default 100) and <c>offset</c>; a bare-array
/// list keeps its shape and says the total in <c>X-Total-Count</c> and where the next page is in <c>Link</c>.
/// </summary>
public sealed class ListPagingTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_scorecards_initiatives_come_in_pages_whose_next_link_continues_the_list()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var list = await admin.GetJsonAsync("/api/v1/scorecards?limit=100");
        var company = list["items"]!.AsArray().First(s => s!["name"].Str() == "Brightline 2026")!["id"].Str();
        var tree = await admin.GetJsonAsync($"/api/v1/scorecards/{company}");
        var objective = tree["perspectives"]![0]!["objectives"]![0]!["id"].Str();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/objectives/{objective}/initiatives",
                new { name = $"Paged initiative {i}", start = "2026-02-01", end = "2026-10-31", status = "planned", percentComplete = 0 })).StatusCode);

        var all = await Array(await admin.GetAsync($"/api/v1/scorecards/{company}/initiatives"));
        Assert.True(all.Items.Count >= 3);
        Assert.Equal(all.Items.Count, all.Total);
        Assert.Null(all.Next); // everything fits the default page

        var seen = new List<string>();
        var url = $"/api/v1/scorecards/{company}/initiatives?limit=2";
        while (url is not null)
        {
            var page = await Array(await admin.GetAsync(url));
            Assert.True(page.Items.Count <= 2, "a page is capped at its limit");
            Assert.Equal(all.Total, page.Total);
            seen.AddRange(page.Items.Select(i => i!["id"].Str()));
            url = page.Next;
        }

        Assert.Equal(all.Items.Select(i => i!["id"].Str()), seen); // the pages continue each other, nothing twice or lost
        var bad = await admin.GetAsync($"/api/v1/scorecards/{company}/initiatives?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Reviews_of_a_cycle_and_review_templates_are_capped_and_the_next_page_continues()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Engineering");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var full = await hr.GetJsonAsync($"/api/v1/reviews?cycleId={cycleId}");
        var total = full["total"]!.GetValue<int>();
        Assert.True(total >= 4, $"the Engineering cycle has {total} reviews");

        var first = await hr.GetAsync($"/api/v1/reviews?cycleId={cycleId}&limit=3");
        var firstBody = await Json.ReadAsync(first);
        Assert.Equal(3, firstBody["items"]!.AsArray().Count);
        Assert.Equal(total, firstBody["total"]!.GetValue<int>());
        var next = NextLink(first);
        Assert.NotNull(next);
        Assert.Contains($"cycleId={cycleId}", next);
        var second = await Json.ReadAsync(await hr.GetAsync(next));
        Assert.Equal(full["items"]!.AsArray().Skip(3).Take(3).Select(r => r!["id"].Str()), second["items"]!.AsArray().Select(r => r!["id"].Str()));

        await hr.PostOkAsync("/api/v1/review-templates", ReviewsTestKit.TemplateBody("Second template"));
        var templates = await Array(await hr.GetAsync("/api/v1/review-templates?limit=1"));
        Assert.Single(templates.Items);
        Assert.True(templates.Total >= 2);
        Assert.NotNull(templates.Next);
        var cycles = await Array(await hr.GetAsync("/api/v1/review-cycles?limit=1&offset=0"));
        Assert.Single(cycles.Items);
    }

    private static async Task<(IReadOnlyList<JsonNode?> Items, int Total, string? Next)> Array(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await Json.ReadAsync(response)).AsArray().ToList();
        var total = int.Parse(response.Headers.GetValues("X-Total-Count").Single());
        return (items, total, NextLink(response));
    }

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.SelectMany(v => v.Split(',')).Select(v => v.Trim())
                .Where(v => v.EndsWith("rel=\"next\"", StringComparison.Ordinal))
                .Select(v => v[(v.IndexOf('<') + 1)..v.IndexOf('>')]).SingleOrDefault()
            : null;
}
