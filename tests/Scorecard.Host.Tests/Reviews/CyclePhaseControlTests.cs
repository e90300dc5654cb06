using System.Net;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests.Reviews;

/// <summary>Issue 10, point 5: phase changes carry the phase they leave, so repeats and races move a cycle exactly one step.</summary>
public sealed class CyclePhaseControlTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Ten_parallel_advances_from_the_same_phase_move_the_cycle_exactly_one_step()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Platform");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal("peer", (await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}"))["phase"].Str());
        Assert.Single(await factory.AuditAsync("review_cycle", cycleId), a => a.Action == "reviews.cycle.advanced");
    }

    [Fact]
    public async Task A_missing_from_is_400_naming_it_and_another_phase_is_409_naming_the_current_one()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Support");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var missing = await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/advance", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("from", missing["detail"].Str());
        await ReviewsTestKit.ProblemAsync(await hr.PostAsync($"/api/v1/review-cycles/{cycleId}/advance", null), HttpStatusCode.BadRequest);
        await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "later" }), HttpStatusCode.BadRequest);
        var other = await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "peer" }), HttpStatusCode.Conflict);
        Assert.Contains("'self'", other["detail"].Str());
        var close = await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/close", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("from", close["detail"].Str());
        Assert.Equal("self", (await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}"))["phase"].Str());
    }

    [Fact]
    public async Task HR_reopens_the_previous_phase_with_a_reason_that_is_audited_and_never_after_signoff_began()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Marketing");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" });
        var noReason = await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/reopen", new { from = "peer" }), HttpStatusCode.BadRequest);
        Assert.Contains("reason", noReason["detail"].Str());
        Assert.Equal("self", (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/reopen", new { from = "peer", reason = "Two teams started late." }))["phase"].Str());
        var reopened = Assert.Single(await factory.AuditAsync("review_cycle", cycleId), a => a.Action == "reviews.cycle.reopened");
        Assert.Equal("Two teams started late.", reopened.Reason);
        Assert.Equal("peer", reopened.Before);
        Assert.Equal("self", reopened.After);
        // From self there is nothing before; the employee cannot reopen.
        await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/reopen", new { from = "self", reason = "x" }), HttpStatusCode.Conflict);
        var employee = await factory.As("ava.thompson");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/reopen", new { from = "self", reason = "x" })).StatusCode);
        foreach (var from in new[] { "self", "peer", "manager", "calibration" })
            await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from });
        var signoff = await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/reopen", new { from = "signoff", reason = "Too late" }), HttpStatusCode.Conflict);
        Assert.Contains("'signoff'", signoff["detail"].Str());
    }

    [Fact]
    public async Task A_manager_review_left_in_draft_stays_editable_through_calibration_and_is_listed_as_open_work()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Product Engineering");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var selfWork = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}/open-work");
        Assert.Equal("self", selfWork["phase"].Str());
        Assert.True(selfWork["total"]!.GetValue<int>() > 0);
        Assert.All(selfWork["byManager"]!.AsArray().SelectMany(g => g!["items"]!.AsArray()), i => Assert.Equal("self_missing", i!["kind"].Str()));
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "peer" });

        var reviews = (await hr.GetJsonAsync($"/api/v1/reviews?cycleId={cycleId}"))["items"]!.AsArray();
        var withManager = reviews.First(r => r!["managerId"] is not null)!;
        var reviewId = withManager["id"].Str();
        var manager = await factory.ClientForAsync(await EmailOfAsync(hr, withManager["managerId"].Str()));
        var loaded = await manager.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        var competencies = loaded["competencies"]!.AsArray().Select(c => c!["id"].Str()).ToList();
        await manager.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new { overallRating = 3, narrative = "Draft so far.", version = loaded["version"].Str() });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "manager" });

        var open = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}/open-work");
        Assert.Equal("calibration", open["phase"].Str());
        Assert.Contains(open["byManager"]!.AsArray().SelectMany(g => g!["items"]!.AsArray()), i => i!["reviewId"].Str() == reviewId && i["kind"].Str() == "draft");
        var draft = await manager.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        Assert.True(draft["canEditManagerPart"]!.GetValue<bool>());
        await manager.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new
        {
            ratings = competencies.Select(c => new { competencyId = c, rating = 3 }).ToArray(),
            overallRating = 3, potential = 2, narrative = "Finished in calibration.", version = draft["version"].Str(),
        });
        Assert.Equal("submitted", (await manager.PostOkAsync($"/api/v1/reviews/{reviewId}/submit"))["managerStatus"].Str());
    }

    private static async Task<string> EmailOfAsync(HttpClient hr, string personId) =>
        (await hr.GetJsonAsync($"/api/v1/people/{personId}"))["email"].Str();
}
