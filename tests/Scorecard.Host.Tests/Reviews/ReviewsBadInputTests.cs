using System.Net;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests.Reviews;

public sealed class ReviewsBadInputTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private async Task<(string CycleId, string ReviewId, HttpClient Manager, string Version, List<string> Competencies)> ManagerPhaseReviewAsync()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Marketing");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "peer" });
        var julia = await factory.As("julia.fischer");
        var reviewId = await julia.ReviewOfAsync(cycleId, await factory.PersonAsync("leo.moreau"));
        var review = await julia.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        return (cycleId, reviewId, julia, review["version"].Str(), review["competencies"]!.AsArray().Select(c => c!["id"].Str()).ToList());
    }

    [Theory]
    [InlineData(0, "overallRating")]
    [InlineData(6, "overallRating")]
    public async Task A_rating_outside_the_scale_is_400_and_nothing_is_saved(int rating, string field)
    {
        var (_, reviewId, julia, version, competencies) = await ManagerPhaseReviewAsync();
        var response = await julia.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/manager", new { overallRating = rating, narrative = "x", version });
        var problem = await ReviewsTestKit.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["field"].Str());
        Assert.Contains("1–5", problem["detail"].Str());
        var competency = await julia.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/manager",
            new { ratings = new[] { new { competencyId = competencies[0], rating = 9 } }, version });
        Assert.Equal("ratings[0].rating", (await ReviewsTestKit.ProblemAsync(competency, HttpStatusCode.BadRequest))["field"].Str());
        var after = await julia.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        Assert.Equal(version, after["version"].Str());
        Assert.Null(after["narrative"]);
        Assert.Equal("not_started", after["managerStatus"].Str());
    }

    [Fact]
    public async Task Submitting_with_required_sections_empty_is_422_naming_the_section()
    {
        var (_, reviewId, julia, version, competencies) = await ManagerPhaseReviewAsync();
        var empty = await julia.PostAsync($"/api/v1/reviews/{reviewId}/submit", null);
        Assert.Equal("ratings", (await ReviewsTestKit.ProblemAsync(empty, HttpStatusCode.UnprocessableEntity))["field"].Str());
        var rated = await julia.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new
        {
            ratings = competencies.Select(c => new { competencyId = c, rating = 4 }).ToArray(), overallRating = 4, potential = 2, version,
        });
        var noNarrative = await julia.PostAsync($"/api/v1/reviews/{reviewId}/submit", null);
        Assert.Equal("narrative", (await ReviewsTestKit.ProblemAsync(noNarrative, HttpStatusCode.UnprocessableEntity))["field"].Str());
        Assert.Equal("draft", (await julia.GetJsonAsync($"/api/v1/reviews/{reviewId}"))["managerStatus"].Str());
        await julia.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new
        {
            ratings = competencies.Select(c => new { competencyId = c, rating = 4 }).ToArray(), overallRating = 4, narrative = "340 qualified leads in Q2.", version = rated["version"].Str(),
        });
        var noPotential = await julia.PostAsync($"/api/v1/reviews/{reviewId}/submit", null);
        Assert.Equal("potential", (await ReviewsTestKit.ProblemAsync(noPotential, HttpStatusCode.UnprocessableEntity))["field"].Str());
    }

    [Fact]
    public async Task Actions_in_the_wrong_phase_are_409_naming_the_phase()
    {
        var (cycleId, reviewId, julia, _, _) = await ManagerPhaseReviewAsync();
        var leo = await factory.As("leo.moreau");
        var self = await leo.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/self", new { answers = new[] { new { questionId = Guid.NewGuid(), text = "x" } } });
        Assert.Contains("'manager' phase", (await ReviewsTestKit.ProblemAsync(self, HttpStatusCode.Conflict))["detail"].Str());
        var nominate = await leo.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/peer-nominations", new { personIds = new[] { await factory.PersonAsync("ava.thompson") } });
        Assert.Contains("'manager'", (await ReviewsTestKit.ProblemAsync(nominate, HttpStatusCode.Conflict))["detail"].Str());
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var close = await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/close", new { from = "manager" });
        Assert.Contains("'manager'", (await ReviewsTestKit.ProblemAsync(close, HttpStatusCode.Conflict))["detail"].Str());
        var launch = await hr.PostAsync($"/api/v1/review-cycles/{cycleId}/launch", null);
        await ReviewsTestKit.ProblemAsync(launch, HttpStatusCode.Conflict);
        Assert.Equal("manager", (await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}"))["phase"].Str());
    }

    [Fact]
    public async Task Feedback_to_an_unknown_person_an_oversized_text_or_an_unknown_link_is_refused_and_nothing_is_written()
    {
        var ava = await factory.As("ava.thompson");
        var leo = await factory.PersonAsync("leo.moreau");
        var before = (await ava.GetJsonAsync("/api/v1/feedback/mine")).AsArray().Count;

        var unknown = await ava.PostAsJsonAsync("/api/v1/feedback", new { toPersonId = Guid.NewGuid(), text = "Thanks", visibility = "shared", kind = "praise" });
        Assert.Equal("toPersonId", (await ReviewsTestKit.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity))["field"].Str());
        var huge = await ava.PostAsJsonAsync("/api/v1/feedback", new { toPersonId = leo, text = new string('a', 4001), visibility = "shared" });
        var hugeProblem = await ReviewsTestKit.ProblemAsync(huge, HttpStatusCode.BadRequest);
        Assert.Equal("text", hugeProblem["field"].Str());
        Assert.Contains("4000", hugeProblem["detail"].Str());
        var visibility = await ava.PostAsJsonAsync("/api/v1/feedback", new { toPersonId = leo, text = "x", visibility = "everyone" });
        Assert.Equal("visibility", (await ReviewsTestKit.ProblemAsync(visibility, HttpStatusCode.BadRequest))["field"].Str());
        foreach (var link in new[] { "okrObjectiveId", "kpiId", "strategyObjectiveId" })
        {
            var body = new Dictionary<string, object> { ["toPersonId"] = leo, ["text"] = "Linked", [link] = Guid.NewGuid() };
            var response = await ava.PostAsJsonAsync("/api/v1/feedback", body);
            Assert.Equal(link, (await ReviewsTestKit.ProblemAsync(response, HttpStatusCode.UnprocessableEntity))["field"].Str());
        }
        var self = await ava.PostAsJsonAsync("/api/v1/feedback", new { toPersonId = await factory.PersonAsync("ava.thompson"), text = "me" });
        await ReviewsTestKit.ProblemAsync(self, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, (await ava.GetJsonAsync("/api/v1/feedback/mine")).AsArray().Count);

        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var longName = await hr.PostAsJsonAsync("/api/v1/review-templates", new { name = new string('n', 201), sections = new[] { new { kind = "goals", title = "G" } } });
        Assert.Equal("name", (await ReviewsTestKit.ProblemAsync(longName, HttpStatusCode.BadRequest))["field"].Str());
        var badKind = await hr.PostAsJsonAsync("/api/v1/review-templates", new { name = "T", sections = new[] { new { kind = "vibes", title = "G" } } });
        Assert.Equal("sections[0].kind", (await ReviewsTestKit.ProblemAsync(badKind, HttpStatusCode.BadRequest))["field"].Str());
    }

    [Fact]
    public async Task Feedback_requests_are_answered_with_feedback_to_the_requester()
    {
        var ava = await factory.As("ava.thompson");
        var raj = await factory.As("raj.patel");
        var (avaId, rajId) = (await factory.PersonAsync("ava.thompson"), await factory.PersonAsync("raj.patel"));
        var request = await ava.PostOkAsync("/api/v1/feedback-requests", new { toPersonId = rajId, question = "How did my demo go?" });
        var asked = (await raj.GetJsonAsync("/api/v1/feedback-requests")).AsArray();
        Assert.Contains(asked, r => r!["id"].Str() == request["id"].Str() && !r["answered"]!.GetValue<bool>());
        var wrongPerson = await raj.PostAsJsonAsync("/api/v1/feedback", new { toPersonId = await factory.PersonAsync("leo.moreau"), text = "x", requestId = request["id"].Str() });
        await ReviewsTestKit.ProblemAsync(wrongPerson, HttpStatusCode.UnprocessableEntity);
        await raj.PostOkAsync("/api/v1/feedback", new { toPersonId = avaId, text = "The demo landed: 3 of 4 prospects asked for a trial.", visibility = "shared", requestId = request["id"].Str() });
        Assert.Contains((await ava.GetJsonAsync("/api/v1/feedback-requests")).AsArray(), r => r!["id"].Str() == request["id"].Str() && r["answered"]!.GetValue<bool>());
        Assert.Contains((await ava.GetJsonAsync($"/api/v1/people/{avaId}/feedback"))["items"]!.AsArray(), f => f!["text"].Str().StartsWith("The demo landed", StringComparison.Ordinal));
    }
}
