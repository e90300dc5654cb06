using System.Globalization;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Tests.Domain.Data;
using Xunit.Abstractions;

namespace Scorecard.Okr.Tests.Domain;

public sealed class WeakLinkLabelledSetTests(ITestOutputHelper output)
{
    [Fact]
    public void Labelled_set_is_large_and_balanced_enough()
    {
        Assert.True(WeakLinkLabelledSet.Candidates.Count >= 10);
        Assert.True(WeakLinkLabelledSet.Pairs.Count(p => p.IsRelated) >= 20);
        Assert.True(WeakLinkLabelledSet.Pairs.Count(p => !p.IsRelated) >= 20);
        Assert.All(WeakLinkLabelledSet.Pairs, p => Assert.Contains(WeakLinkLabelledSet.Candidates, c => c.Ref == WeakLinkLabelledSet.RefOf(p.ClaimedParentKey)));
    }

    [Fact]
    public async Task Weak_link_flags_most_unrelated_pairs_and_few_related_ones()
    {
        var ranker = new CandidateRanker(new LexicalTextSimilarity());
        var threshold = AlignmentRules.Default.LexicalWeakLinkThreshold;
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;

        foreach (var pair in WeakLinkLabelledSet.Pairs)
        {
            var ranking = await ranker.RankAsync(pair.ChildGoal, WeakLinkLabelledSet.Candidates);
            var assessment = WeakLinkRule.Evaluate(ranking, WeakLinkLabelledSet.RefOf(pair.ClaimedParentKey), threshold, AlignmentRules.Default.WeakLinkTopN);
            var flagged = assessment.IsWeak;
            if (flagged && !pair.IsRelated) truePositives++;
            else if (flagged && pair.IsRelated) falsePositives++;
            else if (!flagged && !pair.IsRelated) falseNegatives++;
            else trueNegatives++;

            var mistake = flagged == pair.IsRelated ? "  <-- wrong" : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pair.IsRelated ? "related  " : "unrelated")} {(flagged ? "FLAGGED" : "ok     ")} score={assessment.ClaimedScore:0.000} rank={assessment.ClaimedRank,2} top={ranking[0].Candidate.Title} | {pair.ChildGoal} -> {pair.ClaimedParentKey}{mistake}"));
        }

        var unrelated = truePositives + falseNegatives;
        var related = falsePositives + trueNegatives;
        var precision = truePositives + falsePositives == 0 ? 0.0 : (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / unrelated;
        var relatedFlagRate = (double)falsePositives / related;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"WEAK_LINK (lexical, threshold {threshold:0.00}, top {AlignmentRules.Default.WeakLinkTopN}): precision {precision:P1}, recall {recall:P1} " +
            $"({truePositives}/{unrelated} unrelated flagged), related flagged {relatedFlagRate:P1} ({falsePositives}/{related})"));

        Assert.True(recall >= 0.80, $"Only {recall:P1} of the clearly unrelated pairs were flagged (need ≥ 80 %).");
        Assert.True(relatedFlagRate <= 0.10, $"{relatedFlagRate:P1} of the clearly related pairs were flagged (allowed ≤ 10 %).");
    }
}
