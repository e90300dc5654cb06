using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests.Reviews;

public sealed class ReviewCycleFlowTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_whole_cycle_runs_from_launch_to_close_through_the_API()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var priya = await factory.As("priya.raman");
        var tomas = await factory.As("tomas.novak");
        var (tomasId, mayaId) = (await factory.PersonAsync("tomas.novak"), await factory.PersonAsync("maya.lindqvist"));
        string[] peers = ["aisha.bello", "lukas.schmidt", "mei.chen"];
        var peerIds = new List<Guid>();
        foreach (var p in peers) peerIds.Add(await factory.PersonAsync(p));

        // Launch: one review per participant, manager from the org chart; Maya (no manager) is listed, not skipped.
        var (cycleId, template, launch) = await factory.LaunchCycleAsync("Platform", [mayaId]);
        Assert.Equal("self", launch["phase"].Str());
        Assert.Equal(8, launch["reviewsCreated"]!.GetValue<int>());   // the Platform team's seven and Maya
        Assert.Equal(mayaId.ToString(), launch["withoutManager"]![0]!["personId"].Str());
        var cycle = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}");
        Assert.Equal("self", cycle["phase"].Str());
        Assert.Equal(8, cycle["stats"]!["reviews"]!.GetValue<int>());
        Assert.Equal(1, cycle["stats"]!["withoutManager"]!.GetValue<int>());
        var mayaReview = await hr.ReviewOfAsync(cycleId, mayaId);
        Assert.Null((await hr.GetJsonAsync($"/api/v1/reviews/{mayaReview}"))["managerId"]);

        var reviewId = await tomas.ReviewOfAsync(cycleId, tomasId);
        var review = await tomas.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        Assert.Equal(tomasId.ToString(), review["personId"].Str());
        Assert.Equal((await factory.PersonAsync("priya.raman")).ToString(), review["managerId"].Str());
        var competencies = review["competencies"]!.AsArray().Select(c => c!["id"].Str()).ToList();
        var questions = review["questions"]!.AsArray().Select(q => q!["id"].Str()).ToList();
        Assert.Equal(2, competencies.Count);

        // A manager action in the self phase: 409 naming the phase.
        var early = await priya.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/manager", new { overallRating = 4, version = review["version"].Str() });
        Assert.Contains("'self'", (await ReviewsTestKit.ProblemAsync(early, HttpStatusCode.Conflict))["detail"].Str());

        // Self-review, peer nomination by the employee, approval by the manager.
        var self = await tomas.PutOkAsync($"/api/v1/reviews/{reviewId}/self", new
        {
            answers = new[] { new { questionId = questions[0], text = "Cut build time from 14 to 6 minutes." }, new { questionId = questions[1], text = "Lead the multi-region design." } },
        });
        Assert.True(self["selfCompleted"]!.GetValue<bool>());
        var nominations = (await tomas.PostOkAsync($"/api/v1/reviews/{reviewId}/peer-nominations", new { personIds = peerIds })).AsArray();
        Assert.Equal(3, nominations.Count);
        foreach (var n in nominations)
            await priya.PostOkAsync($"/api/v1/reviews/{reviewId}/peer-nominations/{n!["id"].Str()}/decision", new { approved = true });

        Assert.Equal("peer", (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" }))["phase"].Str());

        // Peer feedback: hidden below three responses, shown without authors from three.
        for (var i = 0; i < 2; i++)
            await (await factory.As(peers[i])).PostOkAsync($"/api/v1/reviews/{reviewId}/peer-feedback", new { text = $"Peer text {i}" });
        var hidden = await tomas.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        Assert.False(hidden["peerFeedback"]!["shown"]!.GetValue<bool>());
        Assert.Empty(hidden["peerFeedback"]!["items"]!.AsArray());
        Assert.Equal(2, hidden["peerFeedback"]!["responses"]!.GetValue<int>());
        await (await factory.As(peers[2])).PostOkAsync($"/api/v1/reviews/{reviewId}/peer-feedback", new { text = "Peer text 2" });
        foreach (var reader in new[] { tomas, priya, hr })
        {
            var shown = await reader.GetJsonAsync($"/api/v1/reviews/{reviewId}");
            var items = shown["peerFeedback"]!["items"]!.AsArray();
            Assert.Equal(3, items.Count);
            Assert.All(items, item => Assert.Equal(["id", "text"], item!.AsObject().Select(p => p.Key).OrderBy(k => k)));
        }

        Assert.Equal("manager", (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "peer" }))["phase"].Str());

        // Manager: save a draft, submit with a section empty (422), complete and submit.
        var loaded = await priya.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        var draft = await priya.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new
        {
            ratings = new[] { new { competencyId = competencies[0], rating = 5 } },
            overallRating = 5, potential = 3, narrative = "Cut the p95 build time from 14 to 6 minutes.", version = loaded["version"].Str(),
        });
        Assert.Equal("draft", draft["managerStatus"].Str());
        // The template's weighted score (goals 40 from the OKR contract when there are goals, competencies 60) is a reference only.
        var goals = draft["goals"]!.AsArray().Select(g => g!["progress"]!.GetValue<double>()).ToList();
        double Expected(double competencies) => goals.Count == 0 ? competencies
            : Math.Round((60 * competencies + 40 * (1 + 4 * Math.Clamp(goals.Average(), 0, 1))) / 100, 2);
        Assert.Equal(Expected(5), draft["computedScore"]!.GetValue<double>(), 2);
        var incomplete = await priya.PostAsync($"/api/v1/reviews/{reviewId}/submit", null);
        Assert.Equal("ratings", (await ReviewsTestKit.ProblemAsync(incomplete, HttpStatusCode.UnprocessableEntity))["field"].Str());
        await priya.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new
        {
            ratings = new[] { new { competencyId = competencies[0], rating = 5 }, new { competencyId = competencies[1], rating = 4 } },
            overallRating = 5, potential = 3, narrative = "Cut the p95 build time from 14 to 6 minutes.", version = draft["version"].Str(),
        });
        var submitted = await priya.PostOkAsync($"/api/v1/reviews/{reviewId}/submit");
        Assert.Equal("submitted", submitted["managerStatus"].Str());
        Assert.Equal(Expected(4.5), submitted["computedScore"]!.GetValue<double>(), 2);
        Assert.Equal(5, submitted["overallRating"]!.GetValue<int>());   // a person's choice, not the computed score

        // Before release the employee does not see the manager's part.
        var beforeRelease = await tomas.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        Assert.Null(beforeRelease["overallRating"]);
        Assert.Null(beforeRelease["narrative"]);
        Assert.All(beforeRelease["competencies"]!.AsArray(), c => Assert.Null(c!["rating"]));

        Assert.Equal("calibration", (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "manager" }))["phase"].Str());
        var calibration = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}/calibration");
        Assert.Contains(calibration["byManager"]!.AsArray(), r => r!["group"].Str() == "Priya Raman" && r["n"]!.GetValue<int>() == 1);
        Assert.Contains(calibration["nineBox"]!.AsArray(), c => c!["performance"]!.GetValue<int>() == 3 && c["potential"]!.GetValue<int>() == 3 && c["people"]!.AsArray().Count == 1);
        var noReason = await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/calibration/adjustments", new { reviewId, overallRating = 4 });
        Assert.Equal("reason", (await ReviewsTestKit.ProblemAsync(noReason, HttpStatusCode.BadRequest))["field"].Str());
        var badPotential = await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/calibration/adjustments", new { reviewId, overallRating = 4, reason = "x", potential = 4 });
        Assert.Equal("potential", (await ReviewsTestKit.ProblemAsync(badPotential, HttpStatusCode.BadRequest))["field"].Str());
        // A 9-box move is this same calibration change: the rating (row) and the potential (column) with a reason.
        var version = (await hr.GetJsonAsync($"/api/v1/reviews/{reviewId}"))["version"].Str();
        var noVersion = await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/calibration/adjustments", new { reviewId, overallRating = 4, reason = "x" });
        Assert.Equal("version", (await ReviewsTestKit.ProblemAsync(noVersion, HttpStatusCode.BadRequest))["field"].Str());
        var adjusted = await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/calibration/adjustments",
            new { reviewId, overallRating = 4, reason = "Calibrated against the Platform peers' outcomes.", potential = 2, version });
        // A second change decided on the same (now stale) version overwrites nothing.
        var stale = await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/calibration/adjustments",
            new { reviewId, overallRating = 2, reason = "Decided on an old screen.", version });
        await ReviewsTestKit.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(5, adjusted["before"]!.GetValue<int>());
        var moved = (await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}/calibration"))["nineBox"]!.AsArray();
        Assert.Contains(moved, c => c!["performance"]!.GetValue<int>() == 3 && c["potential"]!.GetValue<int>() == 2 && c["people"]!.AsArray().Count == 1);
        Assert.Equal(4, (await hr.GetJsonAsync($"/api/v1/reviews/{reviewId}"))["overallRating"]!.GetValue<int>());
        var audit = await factory.AuditAsync("review", reviewId);
        var entry = Assert.Single(audit, a => a.Action == "reviews.calibration.adjusted");
        Assert.Equal(("5", "4", "Calibrated against the Platform peers' outcomes."), (entry.Before, entry.After, entry.Reason));
        Assert.Equal(await factory.PersonAsync("sara.nilsson"), entry.ActorPersonId);

        Assert.Equal("signoff", (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "calibration" }))["phase"].Str());
        var tooEarly = await tomas.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/acknowledge", new { comment = "ok" });
        await ReviewsTestKit.ProblemAsync(tooEarly, HttpStatusCode.Conflict);
        await hr.PostOkAsync($"/api/v1/reviews/{reviewId}/release");
        var released = await tomas.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        Assert.Equal(4, released["overallRating"]!.GetValue<int>());
        Assert.Equal("Cut the p95 build time from 14 to 6 minutes.", released["narrative"].Str());
        // The template leaves the potential rating and the computed score out of what the employee sees (the default).
        Assert.Null(released["potential"]);
        Assert.Null(released["computedScore"]);
        Assert.Equal(2, (await hr.GetJsonAsync($"/api/v1/reviews/{reviewId}"))["potential"]!.GetValue<int>());
        var acknowledged = await tomas.PostOkAsync($"/api/v1/reviews/{reviewId}/acknowledge", new { comment = "Thanks, agreed on the growth plan." });
        Assert.True(acknowledged["locked"]!.GetValue<bool>());
        Assert.Equal("Thanks, agreed on the growth plan.", acknowledged["acknowledgementComment"].Str());
        var again = await tomas.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/acknowledge", new { comment = "changed my mind" });
        await ReviewsTestKit.ProblemAsync(again, HttpStatusCode.Conflict);

        var csv = await hr.GetStringAsync($"/api/v1/review-cycles/{cycleId}/export");
        var row = csv.Split('\n').Single(l => l.Contains("tomas.novak@"));
        Assert.Contains(",4,Exceeds,5,yes,2,yes,yes,", row);
        Assert.StartsWith("cycle,personEmail,personName,managerEmail", csv.TrimStart('\uFEFF'));

        Assert.Equal("closed", (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/close", new { from = "signoff" }))["phase"].Str());
        var aisha = await factory.PersonAsync("aisha.bello");
        var aishaReview = await hr.ReviewOfAsync(cycleId, aisha);
        Assert.True((await hr.GetJsonAsync($"/api/v1/reviews/{aishaReview}"))["locked"]!.GetValue<bool>());
        var afterClose = await hr.PostAsJsonAsync($"/api/v1/reviews/{aishaReview}/release", new { });
        Assert.Contains("'closed'", (await ReviewsTestKit.ProblemAsync(afterClose, HttpStatusCode.Conflict))["detail"].Str());
        await ReviewsTestKit.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "signoff" }), HttpStatusCode.Conflict);
        Assert.Contains(await factory.AuditAsync("review_cycle", cycleId), a => a.Action == "reviews.cycle.closed");
    }

    [Fact]
    public async Task A_stale_manager_save_gets_409_and_nothing_is_overwritten()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Support");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "peer" });
        var ben = await factory.As("ben.harris");
        var reviewId = await ben.ReviewOfAsync(cycleId, await factory.PersonAsync("chloe.martin"));
        var loaded = await ben.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        var version = loaded["version"].Str();

        var first = await ben.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new { overallRating = 4, narrative = "First save", version });
        var stale = await ben.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/manager", new { overallRating = 2, narrative = "Stale save", version });
        var problem = await ReviewsTestKit.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Contains("nothing was overwritten", problem["detail"].Str());
        var now = await ben.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        Assert.Equal("First save", now["narrative"].Str());
        Assert.Equal(4, now["overallRating"]!.GetValue<int>());
        Assert.Equal(first["version"].Str(), now["version"].Str());
        Assert.NotEqual(version, now["version"].Str());

        var missingVersion = await ben.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/manager", new { overallRating = 2 });
        Assert.Equal("version", (await ReviewsTestKit.ProblemAsync(missingVersion, HttpStatusCode.BadRequest))["field"].Str());
    }

    [Fact]
    public async Task HR_extends_a_deadline_and_names_a_reviewer_for_someone_without_a_manager()
    {
        var mayaId = await factory.PersonAsync("maya.lindqvist");
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Finance", [mayaId]);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var extended = await hr.PutOkAsync($"/api/v1/review-cycles/{cycleId}/deadlines", new { phase = "self", date = "2026-12-03" });
        Assert.Equal("2026-12-03", extended["deadlines"]!["self"].Str());
        var earlier = await hr.PutAsJsonAsync($"/api/v1/review-cycles/{cycleId}/deadlines", new { phase = "self", date = "2026-11-01" });
        await ReviewsTestKit.ProblemAsync(earlier, HttpStatusCode.UnprocessableEntity);

        var mayaReview = await hr.ReviewOfAsync(cycleId, mayaId);
        var sara = await factory.PersonAsync("sara.nilsson");
        // Maya has no manager chain, so anyone HR names needs a reason — the reviewer reads her evidence and private feedback.
        var noReason = await hr.PutAsJsonAsync($"/api/v1/reviews/{mayaReview}/reviewer", new { managerId = sara });
        Assert.Equal("reason", (await ReviewsTestKit.ProblemAsync(noReason, HttpStatusCode.BadRequest))["field"].Str());
        var assigned = await hr.PutOkAsync($"/api/v1/reviews/{mayaReview}/reviewer",
            new { managerId = sara, reason = "The CEO's review is held by the Head of People, as the board decided." });
        Assert.Equal(sara.ToString(), assigned["managerId"].Str());
        Assert.Empty((await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}"))["withoutManager"]!.AsArray());

        // Replacing a reviewer needs a reason too, the reviewee cannot review themselves, and every change is audited with its reason.
        var daniel = await factory.PersonAsync("daniel.okafor");
        var replaceWithoutReason = await hr.PutAsJsonAsync($"/api/v1/reviews/{mayaReview}/reviewer", new { managerId = daniel });
        Assert.Equal("reason", (await ReviewsTestKit.ProblemAsync(replaceWithoutReason, HttpStatusCode.BadRequest))["field"].Str());
        var self = await hr.PutAsJsonAsync($"/api/v1/reviews/{mayaReview}/reviewer", new { managerId = mayaId, reason = "x" });
        await ReviewsTestKit.ProblemAsync(self, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(sara.ToString(), (await hr.GetJsonAsync($"/api/v1/reviews/{mayaReview}"))["managerId"].Str());
        Assert.Equal("The CEO's review is held by the Head of People, as the board decided.",
            factory.Database.Scalar($"SELECT \"Reason\" FROM platform_audit_log WHERE \"Action\" = 'reviews.review.reviewer_assigned' AND \"SubjectId\" = '{mayaReview}'")!.ToString());
    }

    [Fact]
    public async Task HR_reminds_everyone_with_open_work_now_and_cannot_extend_a_phase_already_passed()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Finance");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var reviews = (await hr.GetJsonAsync($"/api/v1/reviews?cycleId={cycleId}"))["items"]!.AsArray().Count;
        Assert.True(reviews > 0);
        // In the self phase every participant still owes a self-review; each "remind now" is a new send to all of them.
        Assert.Equal(reviews, (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/reminders/now"))["sent"]!.GetValue<int>());
        Assert.Equal(reviews, (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/reminders/now"))["sent"]!.GetValue<int>());
        var notHr = await (await factory.As("olivia.brennan")).PostAsync($"/api/v1/review-cycles/{cycleId}/reminders/now", null);
        Assert.Equal(HttpStatusCode.Forbidden, notHr.StatusCode);

        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" });
        var passed = await hr.PutAsJsonAsync($"/api/v1/review-cycles/{cycleId}/deadlines", new { phase = "self", date = "2026-12-08" });
        var problem = await ReviewsTestKit.ProblemAsync(passed, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("self", problem["detail"].Str());
        var peer = await hr.PutOkAsync($"/api/v1/review-cycles/{cycleId}/deadlines", new { phase = "peer", date = "2026-12-08" });
        Assert.Equal("2026-12-08", peer["deadlines"]!["peer"].Str());
    }
}
