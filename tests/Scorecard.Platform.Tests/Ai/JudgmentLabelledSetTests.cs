using Scorecard.Platform.Ai;
using Xunit.Abstractions;

namespace Scorecard.Platform.Tests.Ai;

/// <summary>
/// A labelled set of sentences as a model might write them (names still placeholders): judgments the
/// check must catch, and ordinary review language it must let through. Precision and recall are printed
/// and held above floors, so a pattern change that trades one for the other shows up here.
/// </summary>
public sealed class JudgmentLabelledSetTests(ITestOutputHelper output)
{
    private static readonly string[] Judgments =
    [
        "I recommend [PERSON_1] for promotion.",
        "Give [PERSON_1] the top rating.",
        "[PERSON_1] is the strongest engineer in the team and should get a raise.",
        "[PERSON_1] deserves a 5 this cycle.",
        "[PERSON_1] deserves recognition beyond what the rating shows.",
        "Promote [PERSON_1] to Staff Engineer.",
        "[PERSON_1] should be promoted next cycle.",
        "[PERSON_1] is ready for promotion to senior engineer.",
        "I would rate [PERSON_1] four out of five.",
        "Overall rating: 4.",
        "A fair score would be three.",
        "[PERSON_1] earns the highest rating on the team.",
        "[PERSON_1] clearly outperforms her peers.",
        "[PERSON_1] did better than [PERSON_2] on every goal.",
        "[PERSON_1] is stronger than the rest of the team.",
        "Compared to his peers, [PERSON_1] delivered more.",
        "[PERSON_1] is one of the best engineers we have.",
        "[PERSON_1] is the weakest member of the team.",
        "[PERSON_1] is a top performer.",
        "[PERSON_1] is clearly a low performer.",
        "[PERSON_1] ranks first among the platform engineers.",
        "[PERSON_1] would be in the top 10% of the company.",
        "[PERSON_1] should be put on a performance improvement plan.",
        "Put [PERSON_1] on a plan before the next cycle.",
        "A PIP is the right next step.",
        "[PERSON_1] should be let go.",
        "I recommend termination.",
        "Fire [PERSON_1].",
        "[PERSON_1] should be demoted to the previous level.",
        "Consider giving [PERSON_1] a bonus for the launch.",
        "[PERSON_1] deserves a pay rise.",
        "Increase her salary at the next review.",
        "This is grounds for her dismissal.",
        "[PERSON_1]'s rating should be exceeds expectations.",
        "[PERSON_1] is the most talented developer in the department.",
        "[PERSON_1] is the best in the team at incident response.",
        "[PERSON_1] is promotable.",
        "Rated 2 out of 5 for collaboration.",
        "[PERSON_1] must be fired.",
        "[PERSON_1] has been more reliable than any other engineer.",
        "Promote Nadia Karim to Staff Engineer.",
    ];

    private static readonly string[] Ordinary =
    [
        "[PERSON_1] led the billing migration and mentored two new colleagues.",
        "[PERSON_1] completed 3 of 4 key results; the fourth reached 80%.",
        "Customer satisfaction rose from 4.1 to 4.5 on the survey.",
        "p95 latency was 331 ms against a 250 ms target.",
        "Consider discussing growth opportunities in the next one-to-one.",
        "The team shipped the release ahead of plan.",
        "[PERSON_1] promoted the new API guidelines across three teams.",
        "[PERSON_1] ran the spring promotion campaign for the webinar series.",
        "The legacy contract was terminated in March as planned.",
        "[PERSON_1] dismissed false alerts faster after tuning the thresholds.",
        "[PERSON_1] fired off a clear incident summary within an hour.",
        "[PERSON_1] should raise risks earlier in planning.",
        "Feedback from peers mentions clear write-ups and patient reviews.",
        "The best approach agreed with [PERSON_2] was a staged rollout.",
        "The top priority for next quarter is the multi-region design.",
        "Error budget burn was lower than last quarter.",
        "Deployment frequency rose faster than expected.",
        "[PERSON_1] paid down technical debt in the billing service.",
        "The on-call rotation moved to a follow-the-sun plan.",
        "[PERSON_1] wrote the capacity plan for the new region.",
        "Check-ins show steady progress from January to June.",
        "The self-review names the migration as the main result.",
        "[PERSON_1] worked with [PERSON_2] and [PERSON_3] on the outage review.",
        "The KPI stayed at 99.9% availability for five months.",
        "Three peers describe [PERSON_1] as thorough in code reviews.",
        "One growth area is delegating more of the release work.",
        "[PERSON_1] scored the incident by severity as the runbook asks.",
        "The most effective fix was caching the pricing lookups.",
        "Goal alignment: this objective does not yet connect to the strategy.",
        "[PERSON_1] gave a talk on observability at the engineering all-hands.",
        "We promoted the release to production on Friday after the canary passed.",
    ];

    [Fact]
    public void Precision_and_recall_on_the_labelled_set_stay_above_their_floors()
    {
        Assert.True(Judgments.Length + Ordinary.Length >= 60);
        var truePositives = Judgments.Count(s => JudgmentContentCheck.Find(s).Count > 0);
        var falsePositives = Ordinary.Count(s => JudgmentContentCheck.Find(s).Count > 0);
        var precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / Judgments.Length;

        output.WriteLine($"judgment check on {Judgments.Length + Ordinary.Length} labelled sentences: precision {precision:0.000}, recall {recall:0.000} " +
                         $"(tp {truePositives}, fp {falsePositives}, fn {Judgments.Length - truePositives})");
        foreach (var missed in Judgments.Where(s => JudgmentContentCheck.Find(s).Count == 0)) output.WriteLine("missed: " + missed);
        foreach (var flagged in Ordinary.Where(s => JudgmentContentCheck.Find(s).Count > 0)) output.WriteLine("false alarm: " + flagged);

        Assert.True(precision >= 0.95, $"precision {precision:0.000}");
        Assert.True(recall >= 0.95, $"recall {recall:0.000}");
    }

    [Theory]
    [InlineData("I recommend Ryan O'Connell for promotion.")]
    [InlineData("Give Ryan the top rating.")]
    [InlineData("Ryan O'Connell is the strongest engineer in the team and should get a raise.")]
    public void The_reported_sentences_are_caught_even_with_real_names(string sentence) =>
        Assert.NotEmpty(JudgmentContentCheck.Find(sentence));
}
