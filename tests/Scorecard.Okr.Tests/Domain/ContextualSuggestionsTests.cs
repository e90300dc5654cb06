using System.Globalization;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Tests.Domain.Data;
using Xunit.Abstractions;

namespace Scorecard.Okr.Tests.Domain;

public sealed class ContextualSuggestionsTests(ITestOutputHelper output)
{
    private static async Task<(int Context, int SimilarityOnly, List<string> Misses)> EvaluateAsync(ITextSimilarity similarity)
    {
        var ranker = new CandidateRanker(similarity);
        int context = 0, plain = 0;
        var misses = new List<string>();
        foreach (var (unit, goal, expected) in PersonGoalLabelledSet.Cases)
        {
            var graph = PersonGoalLabelledSet.Graph();
            var node = new ObjectiveNode(Guid.NewGuid(), goal, OkrLevel.Individual, OkrPeriod.Parse("2026-Q4"));
            graph.AddObjective(node);
            var ranked = await ranker.RankAsync(node.SimilarityText, graph.CandidateParentsFor(node.Id));
            var ordered = ContextualSuggestions.Order(ranked, PersonGoalLabelledSet.ChainOf(unit), PersonGoalLabelledSet.UnitNames);
            var expectedId = PersonGoalLabelledSet.Ids[expected];
            if (ordered[0].Ranked.Candidate.Ref.Id == expectedId)
            {
                context++;
            }
            else
            {
                misses.Add($"{unit}: '{goal}' → '{ordered[0].Ranked.Candidate.Title}' ({ordered[0].Reason}), expected {expected}");
            }

            if (ranked[0].Candidate.Ref.Id == expectedId)
            {
                plain++;
            }
        }

        return (context, plain, misses);
    }

    [Fact]
    public void The_labelled_set_has_at_least_30_person_goal_cases_covering_every_team()
    {
        Assert.True(PersonGoalLabelledSet.Cases.Length >= 30);
        Assert.All(PersonGoalLabelledSet.Okrs.Where(o => o.Level == OkrLevel.Team), t => Assert.Contains(PersonGoalLabelledSet.Cases, c => c.Expected == t.Key));
        Assert.All(PersonGoalLabelledSet.Cases, c => Assert.True(PersonGoalLabelledSet.Ids.ContainsKey(c.Expected)));
    }

    [Fact]
    public async Task In_the_persons_context_the_obvious_parent_ranks_first_on_the_labelled_set()
    {
        var (context, plain, misses) = await EvaluateAsync(new LexicalTextSimilarity());
        var n = PersonGoalLabelledSet.Cases.Length;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"top-1 accuracy (TF-IDF), {n} person-goal cases: in context {context}/{n} = {(double)context / n:P0}; similarity alone {plain}/{n} = {(double)plain / n:P0}"));
        misses.ForEach(output.WriteLine);
        Assert.True(context >= 0.85 * n, $"top-1 accuracy in context {context}/{n}");
        Assert.True(context > plain, "the person's context must improve on similarity alone");
    }

    [Fact]
    public async Task Own_unit_chain_comes_first_with_the_reason_shown()
    {
        var graph = PersonGoalLabelledSet.Graph();
        var node = new ObjectiveNode(Guid.NewGuid(), "Reduce platform incidents that customers notice", OkrLevel.Individual, OkrPeriod.Parse("2026-Q4"));
        graph.AddObjective(node);
        var ranked = await new CandidateRanker(new LexicalTextSimilarity()).RankAsync(node.SimilarityText, graph.CandidateParentsFor(node.Id));

        var ordered = ContextualSuggestions.Order(ranked, PersonGoalLabelledSet.ChainOf("Platform"), PersonGoalLabelledSet.UnitNames);

        var firstOutside = ordered.ToList().FindIndex(s => !s.InUnitChain);
        Assert.True(firstOutside > 0);
        Assert.All(ordered.Skip(firstOutside), s => Assert.False(s.InUnitChain));
        Assert.DoesNotContain(ordered.Take(firstOutside), s => s.Ranked.Candidate.Title == "Build brand authority");
        Assert.StartsWith("OKR of your unit (Platform) · similarity ", ordered[0].Reason);
        Assert.Contains(ordered, s => s.Reason.StartsWith("scorecard objective of the company (Brightline)", StringComparison.Ordinal));
        Assert.Contains(ordered, s => s.Reason.StartsWith("scorecard objective of another unit (Marketing)", StringComparison.Ordinal));
        Assert.Contains(ordered, s => s.Reason.StartsWith("OKR of Engineering, above your unit", StringComparison.Ordinal));
    }
}
