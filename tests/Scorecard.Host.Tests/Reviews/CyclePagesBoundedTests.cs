using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Scorecard.Host.Tests.Reviews;

/// <summary>
/// Issue 13, point 7, for review cycles: the preview, the advance confirmation, the dashboard and calibration draw at
/// most a page of people however large the cycle, and say how many more there are.
/// </summary>
public sealed class CyclePagesBoundedTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private const int People = 130;

    [Fact]
    public async Task A_cycle_of_130_people_is_previewed_confirmed_and_calibrated_a_page_at_a_time()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        for (var i = 0; i < People; i++)
            csv.Append($"crowd{i:000}@brightline.example,Crowd Member{i:000},Analyst,Brightline/Crowd,priya.raman@brightline.example,2025-01-06\n");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/v1/people/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).StatusCode);

        var template = await hr.PostOkAsync("/api/v1/review-templates", ReviewsTestKit.TemplateBody("Crowd review"));
        var cycle = (await hr.PostOkAsync("/api/v1/review-cycles", new
        {
            name = "Crowd cycle", periodStart = "2026-01-01", periodEnd = "2026-12-31", templateId = template["id"].Str(),
            orgUnitIds = new[] { await factory.UnitAsync("Crowd") }, personIds = Array.Empty<Guid>(), nineBox = true,
            deadlines = new { self = "2026-12-01", peer = "2026-12-05", manager = "2026-12-10", calibration = "2026-12-15", signoff = "2026-12-20" },
        }))["id"].Str();
        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Hr);

        var preview = await pages.GetStringAsync($"/reviews/cycles/{cycle}");
        Assert.Contains($"<span id=\"preview-count\">{People}</span>", preview);
        Assert.Equal(100, RowsOf(preview, "preview-participants"));
        Assert.Contains("The first 100 of 130 are listed", preview);

        await hr.PostOkAsync($"/api/v1/review-cycles/{cycle}/launch");
        var advance = await pages.GetStringAsync($"/reviews/cycles/{cycle}/advance");
        Assert.Equal(100, RowsOf(advance, "open-work"));
        Assert.Contains("The first 100 of 130 are listed", advance);

        await hr.PostOkAsync($"/api/v1/review-cycles/{cycle}/advance", new { from = "self" });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycle}/advance", new { from = "peer" });
        var priya = await factory.ClientForAsync("priya.raman@brightline.example");
        foreach (var review in (await hr.GetJsonAsync($"/api/v1/reviews?cycleId={cycle}&limit=1000"))["items"]!.AsArray())
        {
            var id = review!["id"].Str();
            var loaded = await priya.GetJsonAsync($"/api/v1/reviews/{id}");
            await priya.PutOkAsync($"/api/v1/reviews/{id}/manager", new
            {
                ratings = loaded["competencies"]!.AsArray().Select(c => new { competencyId = c!["id"].Str(), rating = 3 }).ToArray(),
                overallRating = 3, potential = 2, narrative = "Steady.", version = loaded["version"].Str(),
            });
            await priya.PostOkAsync($"/api/v1/reviews/{id}/submit");
        }
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycle}/advance", new { from = "manager" });

        var calibration = await pages.GetStringAsync($"/reviews/cycles/{cycle}/calibration");
        Assert.Equal(100, PageForms.CountOf(calibration, "aria-label=\"New rating for "));
        Assert.Equal(24, PageForms.CountOf(calibration, "aria-label=\"Move "));   // all 130 sit in one 9-box cell
        Assert.Contains("and 106 more", calibration);
        Assert.Contains("rel=\"next\"", calibration);
        var second = await pages.GetStringAsync($"/reviews/cycles/{cycle}/calibration?page=1");
        Assert.Equal(30, PageForms.CountOf(second, "aria-label=\"New rating for "));
        Assert.DoesNotContain("rel=\"next\"", second);
    }

    private static int RowsOf(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return PageForms.CountOf(body, "<tr");
    }
}
