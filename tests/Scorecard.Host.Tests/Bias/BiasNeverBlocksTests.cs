using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Reviews;

namespace Scorecard.Host.Tests.Bias;

/// <summary>A bias finding is a nudge: a review with findings (one of them dismissed, one not) is still submitted. Own fixture: it changes the demo cycle.</summary>
public sealed class BiasNeverBlocksTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_review_with_open_and_dismissed_findings_is_submitted()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray().Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
        var jonas = await factory.As("jonas.berg");
        var reviewId = await jonas.ReviewOfAsync(cycle, await factory.PersonAsync("ryan.oconnell"));
        var review = await jonas.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        var competencies = review["competencies"]!.AsArray().Select(c => c!["id"].Str()).ToList();
        await jonas.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new
        {
            ratings = competencies.Select(c => new { competencyId = c, rating = 3 }).ToArray(),
            overallRating = 3, potential = 2, narrative = "Ryan is abrasive and defensive in code review. Great job, team player.", version = review["version"].Str(),
        });
        var check = await jonas.GetJsonAsync($"/api/v1/reviews/{reviewId}/bias-check");
        var codes = check["findings"]!.AsArray().Select(f => f!["code"].Str()).ToList();
        Assert.Contains("PERSONALITY_CRITICISM", codes);
        Assert.Contains("VAGUE_FEEDBACK", codes);
        await jonas.PostOkAsync($"/api/v1/reviews/{reviewId}/bias-check/dismissals", new { code = "VAGUE_FEEDBACK", reason = "The outcomes are in the goals section." });

        var submitted = await jonas.PostOkAsync($"/api/v1/reviews/{reviewId}/submit");
        Assert.Equal("submitted", submitted["managerStatus"].Str());
    }
}
