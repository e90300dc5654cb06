using System.Text.RegularExpressions;
using Scorecard.Host.Tests.Reviews;
using Xunit.Abstractions;

namespace Scorecard.Host.Tests.Ai;

/// <summary>The offline draft for every person of the demo "H2 2026 review": worth reading, complete, without markers.</summary>
public sealed partial class OfflineDraftDemoTests(ScorecardFactory factory, ITestOutputHelper output) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task For_every_demo_person_the_offline_draft_covers_every_goal_and_feedback_from_most_authors_without_markers()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var cycles = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray();
        var cycleId = cycles.Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
        var reviews = (await hr.GetJsonAsync($"/api/v1/reviews?cycleId={cycleId}&pageSize=200"))["items"]!.AsArray();
        Assert.True(reviews.Count >= 40, $"{reviews.Count} reviews");
        var checkedFeedback = 0;

        foreach (var review in reviews)
        {
            var reviewId = review!["id"].Str();
            // HR drafts every review but their own (the evidence panel of one's own review is not one's to read): the administrator does that one.
            var client = (await hr.GetAsync($"/api/v1/reviews/{reviewId}/evidence")).IsSuccessStatusCode ? hr : admin;
            var evidence = (await client.GetJsonAsync($"/api/v1/reviews/{reviewId}/evidence"))["items"]!.AsArray();
            if (evidence.Count == 0) continue; // nothing to draft from (the API says so with 422)
            var draft = await client.PostOkAsync($"/api/v1/reviews/{reviewId}/draft");
            var text = draft["text"].Str();
            if (review["personName"]?.ToString() is "Tomas Novak" or "Aisha Bello") output.WriteLine(text + "\n-----");
            var cited = draft["sections"]!.AsArray().SelectMany(s => s!["sentences"]!.AsArray()).SelectMany(s => s!["evidenceIds"]!.AsArray().Select(e => e.Str())).ToHashSet();

            Assert.DoesNotContain("[evidence:", text);
            Assert.False(Marker().IsMatch(text), $"marker text in the draft of {reviewId}");
            foreach (var goal in evidence.Where(e => e!["kind"].Str() is "okr_objective" or "okr_key_result"))
                Assert.True(cited.Contains(goal!["id"].Str()), $"{goal["id"].Str()} is not in the draft of {reviewId}");

            // Feedback an employee may read (not private, not notes), grouped by author.
            var byAuthor = evidence.Where(e => e!["kind"].Str() is "feedback" or "praise")
                .Select(e => (Id: e!["id"].Str(), Header: Header().Match(e["text"].Str())))
                .Where(x => x.Header.Success && x.Header.Groups["vis"].Value != "private")
                .GroupBy(x => x.Header.Groups["who"].Value).ToList();
            if (byAuthor.Count == 0) continue;
            checkedFeedback++;
            var heard = byAuthor.Count(g => g.Any(x => cited.Contains(x.Id)));
            Assert.True(heard >= 0.8 * byAuthor.Count, $"{heard} of {byAuthor.Count} feedback authors in the draft of {reviewId}");
        }
        Assert.True(checkedFeedback > 10, $"only {checkedFeedback} reviews had feedback");
    }

    [GeneratedRegex(@"\[\s*(?:evidence|ev|cite|ref|source)\s*[:#=]", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?:Feedback|Praise) from (?<who>.+?) \((?<vis>[a-z]+)\): ")]
    private static partial Regex Header();
}
