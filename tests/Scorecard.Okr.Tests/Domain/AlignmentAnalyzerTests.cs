using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class AlignmentAnalyzerTests
{
    private static readonly OkrPeriod Year = OkrPeriod.Parse("2026");
    private static readonly OkrPeriod Q4 = OkrPeriod.Parse("2026-Q4");
    private static readonly Guid Owner = Guid.NewGuid();

    private readonly AlignmentGraph _graph = new();
    private readonly ObjectiveNode _nps;
    private readonly ObjectiveNode _billing;
    private readonly ObjectiveNode _people;
    private readonly ObjectiveNode _reliability;
    private readonly ScorecardObjectiveNode _retention;

    public AlignmentAnalyzerTests()
    {
        _nps = Company("Make enterprise customers love our product", "Raise NPS from 45 to 65", "Increase CSAT on support tickets from 82% to 90%");
        _billing = Company("Get billing and revenue operations right", "Reduce invoice errors from 3% to 0.5%", "Automate revenue recognition for usage-based plans");
        _people = Company("Build a high-performing, engaged team", "Raise employee engagement score from 70 to 78", "Fill 25 engineering roles with time to hire under 45 days");
        _reliability = Company("Run a platform customers can rely on", "Achieve 99.95% API uptime", "Cut p95 API latency from 800ms to 300ms");
        _retention = new ScorecardObjectiveNode(Guid.NewGuid(), "Keep the customers we win", "Customer", Description: "Reduce churn and grow renewals");
        _graph.AddScorecardObjective(_retention);
    }

    private ObjectiveNode Company(string title, params string[] keyResults)
    {
        var node = new ObjectiveNode(Guid.NewGuid(), title, OkrLevel.Company, Year,
            KeyResults: [.. keyResults.Select(k => new KeyResultSpec(Guid.NewGuid(), k, KeyResultKind.Metric, 0, 1))]);
        _graph.AddObjective(node);
        return node;
    }

    private ObjectiveNode Goal(string title, KeyResultSpec[]? keyResults = null, OkrLevel level = OkrLevel.Individual, Guid? owner = null)
    {
        var node = new ObjectiveNode(Guid.NewGuid(), title, level, Q4, owner ?? Owner,
            KeyResults: keyResults ?? [new KeyResultSpec(Guid.NewGuid(), "Move a number from 1 to 2", KeyResultKind.Metric, 1, 2)]);
        _graph.AddObjective(node);
        return node;
    }

    private async Task<IReadOnlyList<AlignmentFinding>> Analyze(IEnumerable<ObjectiveNode> scope, IReadOnlyDictionary<string, double>? weights = null) =>
        await new AlignmentAnalyzer(new LexicalTextSimilarity()).AnalyzeAsync(new AlignmentAnalysisRequest(_graph, [.. scope.Select(o => o.Id)], weights));

    [Fact]
    public async Task Well_aligned_measurable_goal_has_no_findings()
    {
        var goal = Goal("Cut median support resolution time from 48h to 24h for enterprise tickets");
        _graph.AddParent(goal.Id, ParentRef.Okr(_nps.Id));

        Assert.Empty(await Analyze([goal]));
    }

    [Fact]
    public async Task Unaligned_goal_gets_top_three_suggestions_with_scores()
    {
        var goal = Goal("Cut median support resolution time from 48h to 24h for enterprise tickets");

        var finding = Assert.Single(await Analyze([goal]));

        Assert.Equal(AlignmentFindingCodes.Unaligned, finding.Code);
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
        Assert.Equal(goal.Id, finding.Subject.Id);
        Assert.Contains("no line of sight", finding.Message, StringComparison.Ordinal);
        Assert.InRange(finding.Suggestions.Count, 1, 3);
        Assert.Equal(_nps.Id, finding.Suggestions[0].Parent.Id);
        Assert.True(finding.Suggestions[0].Score > 0);
        Assert.Equal(finding.Suggestions.OrderByDescending(s => s.Score).Select(s => s.Score), finding.Suggestions.Select(s => s.Score));
    }

    [Fact]
    public async Task Broken_parent_fires_and_leaves_the_goal_unaligned()
    {
        var oldQuarter = new ObjectiveNode(Guid.NewGuid(), "Delight customers (Q3)", OkrLevel.Company, OkrPeriod.Parse("2026-Q3"));
        _graph.AddObjective(oldQuarter);
        var goal = Goal("Cut median support resolution time from 48h to 24h for enterprise tickets");
        _graph.AddParent(goal.Id, ParentRef.Okr(oldQuarter.Id));

        var findings = await Analyze([goal]);

        var broken = Assert.Single(findings, f => f.Code == AlignmentFindingCodes.BrokenParent);
        Assert.Equal(FindingSeverity.High, broken.Severity);
        Assert.Contains("2026-Q3", broken.Message, StringComparison.Ordinal);
        var unaligned = Assert.Single(findings, f => f.Code == AlignmentFindingCodes.Unaligned);
        Assert.Contains("broken", unaligned.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Code == AlignmentFindingCodes.WeakLink);
    }

    [Fact]
    public async Task Weak_link_fires_for_an_unrelated_parent_and_names_better_ones()
    {
        var goal = Goal("Refactor the billing service build pipeline");
        _graph.AddParent(goal.Id, ParentRef.Okr(_nps.Id));

        var finding = Assert.Single(await Analyze([goal]));

        Assert.Equal(AlignmentFindingCodes.WeakLink, finding.Code);
        Assert.Equal(0.0, finding.Numbers["similarity"]);
        Assert.Equal(AlignmentRules.Default.LexicalWeakLinkThreshold, finding.Numbers["threshold"]);
        Assert.Equal(_billing.Id, finding.Suggestions[0].Parent.Id);
        Assert.Contains("Get billing and revenue operations right", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weak_link_does_not_fire_for_a_related_parent_with_few_shared_words()
    {
        var goal = Goal("Run quarterly business reviews with the top 50 accounts to prevent churn");
        _graph.AddParent(goal.Id, ParentRef.Scorecard(_retention.Id));

        Assert.DoesNotContain(await Analyze([goal]), f => f.Code == AlignmentFindingCodes.WeakLink);
    }

    [Fact]
    public async Task Weak_link_with_embeddings_uses_the_embedding_threshold()
    {
        Company("Ship faster with a reliable build pipeline", "Cut CI time from 40 to 10 minutes");
        Company("Modernise the service architecture", "Split the monolith into 4 services");
        var goal = Goal("Refactor the billing service build pipeline");
        _graph.AddParent(goal.Id, ParentRef.Okr(_nps.Id));
        var embedder = new KeywordEmbedder();
        var analyzer = new AlignmentAnalyzer(new EmbeddingTextSimilarity(embedder), new AlignmentRules { EmbeddingWeakLinkThreshold = 0.5 });

        var findings = await analyzer.AnalyzeAsync(new AlignmentAnalysisRequest(_graph, [goal.Id]));

        var finding = Assert.Single(findings);
        Assert.Equal(AlignmentFindingCodes.WeakLink, finding.Code);
        Assert.Equal(0.5, finding.Numbers["threshold"]);
        Assert.Equal((int)SimilarityMethod.Embedding, finding.Numbers["method"]);
        Assert.Equal(3, finding.Suggestions.Count);
        Assert.Contains(finding.Suggestions, x => x.Parent.Id == _billing.Id);
        Assert.True(finding.Numbers["rank"] > 3);
    }

    [Fact]
    public async Task Not_measurable_fires_for_vague_key_results_only()
    {
        var vague = new KeyResultSpec(Guid.NewGuid(), "make customers happier", KeyResultKind.Metric);
        var undatedMilestone = new KeyResultSpec(Guid.NewGuid(), "Launch the customer advisory board", KeyResultKind.Milestone);
        var datedMilestone = new KeyResultSpec(Guid.NewGuid(), "Launch the status page", KeyResultKind.Milestone, DueDate: new DateOnly(2026, 11, 30));
        var metric = new KeyResultSpec(Guid.NewGuid(), "Resolution time 48h → 24h", KeyResultKind.Metric, 48, 24);
        var goal = Goal("Cut median support resolution time for enterprise tickets", [vague, undatedMilestone, datedMilestone, metric]);
        _graph.AddParent(goal.Id, ParentRef.Okr(_nps.Id));

        var findings = (await Analyze([goal])).Where(f => f.Code == AlignmentFindingCodes.NotMeasurable).ToList();

        Assert.Equal([vague.Id, undatedMilestone.Id], findings.Select(f => f.Subject.Id));
        Assert.All(findings, f => Assert.Equal(FindingSubjectKind.KeyResult, f.Subject.Kind));
        Assert.Contains("no numeric target", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("title names no number", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("no due date", findings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metric", null, 10.0, null, null, false)]   // no start
    [InlineData("metric", 5.0, 5.0, null, null, false)]     // start == target
    [InlineData("percentage", 20.0, 120.0, null, null, false)]
    [InlineData("kpi", 1.0, 2.0, null, null, false)]        // no KPI link
    [InlineData("control", null, null, 99.0, 98.0, false)]  // inverted band
    [InlineData("control", null, null, 98.0, 99.0, true)]
    [InlineData("percentage", 20.0, 60.0, null, null, true)]
    public void Measurability_rules_per_kind(string kind, double? start, double? target, double? low, double? high, bool measurable)
    {
        var kr = new KeyResultSpec(Guid.NewGuid(), "Some result", KeyResultKindCodes.Parse(kind), start, target, low, high);

        Assert.Equal(measurable, KeyResultMeasurability.Problems(kr).Count == 0);
    }

    [Theory]
    [InlineData("Raise NPS from 45 to 65", true)]
    [InlineData("Double the trial conversion", true)]
    [InlineData("make customers happier", false)]
    [InlineData("Launch the new onboarding", false)]
    public void Title_number_detection(string title, bool hasNumber)
    {
        Assert.Equal(hasNumber, KeyResultMeasurability.TitleNamesNumber(title));
    }

    [Fact]
    public void Title_rule_only_adds_when_there_is_no_structured_target()
    {
        var structured = new KeyResultSpec(Guid.NewGuid(), "Happier customers", KeyResultKind.Metric, 45, 65);
        var bare = new KeyResultSpec(Guid.NewGuid(), "Happier customers", KeyResultKind.Metric, 45);
        var numbered = new KeyResultSpec(Guid.NewGuid(), "NPS to 65", KeyResultKind.Metric, 45);

        Assert.Empty(KeyResultMeasurability.Problems(structured));
        Assert.Equal(2, KeyResultMeasurability.Problems(bare).Count);     // no target + title without number
        Assert.Single(KeyResultMeasurability.Problems(numbered));          // only: no target
    }

    [Fact]
    public async Task Too_many_key_results_fires_above_five()
    {
        KeyResultSpec Kr(int i) => new(Guid.NewGuid(), $"Move number {i} from 1 to 2", KeyResultKind.Metric, 1, 2);
        var five = Goal("Cut support resolution time for enterprise tickets", [.. Enumerable.Range(1, 5).Select(Kr)]);
        var six = Goal("Raise CSAT on enterprise support tickets", [.. Enumerable.Range(1, 6).Select(Kr)]);
        _graph.AddParent(five.Id, ParentRef.Okr(_nps.Id));
        _graph.AddParent(six.Id, ParentRef.Okr(_nps.Id));

        var finding = Assert.Single(await Analyze([five, six]), f => f.Code == AlignmentFindingCodes.TooMany);

        Assert.Equal(six.Id, finding.Subject.Id);
        Assert.Equal(6, finding.Numbers["keyResults"]);
    }

    [Fact]
    public async Task Too_many_objectives_fires_above_five_per_owner_and_period()
    {
        var goals = Enumerable.Range(1, 6).Select(i => Goal($"Raise CSAT on enterprise support tickets, part {i}")).ToList();
        foreach (var g in goals)
        {
            _graph.AddParent(g.Id, ParentRef.Okr(_nps.Id));
        }

        var withFive = await Analyze(goals.Take(5));
        var withSix = await Analyze(goals);

        Assert.DoesNotContain(withFive, f => f.Code == AlignmentFindingCodes.TooMany);
        var finding = Assert.Single(withSix, f => f.Code == AlignmentFindingCodes.TooMany);
        Assert.Equal(FindingSubjectKind.Owner, finding.Subject.Kind);
        Assert.Equal(Owner, finding.Subject.Id);
        Assert.Equal(6, finding.Numbers["objectives"]);
    }

    [Fact]
    public async Task Portfolio_skew_fires_when_all_goals_serve_one_perspective()
    {
        var weights = new Dictionary<string, double> { ["Financial"] = 0.25, ["Customer"] = 0.25, ["Internal Process"] = 0.25, ["Learning & Growth"] = 0.25 };
        var goals = Enumerable.Range(1, 4).Select(i => Goal($"Reduce churn in segment {i} with renewal reviews")).ToList();
        foreach (var g in goals)
        {
            _graph.AddParent(g.Id, ParentRef.Scorecard(_retention.Id));
        }

        var finding = Assert.Single(await Analyze(goals, weights), f => f.Code == AlignmentFindingCodes.PortfolioSkew);

        Assert.Equal(0.75, finding.Numbers["totalVariationDistance"], 10);
        Assert.Equal(1.0, finding.Numbers["goalShare:Customer"], 10);
        Assert.Contains("differs from the strategy's weights by 0.75", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("none of the", finding.Message, StringComparison.Ordinal); // 0.75⁴ = 0.32: missing Financial could be chance
    }

    [Fact]
    public async Task Portfolio_skew_does_not_fire_for_a_mix_matching_the_strategy_or_without_weights()
    {
        var financial = new ScorecardObjectiveNode(Guid.NewGuid(), "Grow revenue", "Financial");
        _graph.AddScorecardObjective(financial);
        var weights = new Dictionary<string, double> { ["Financial"] = 0.5, ["Customer"] = 0.5 };
        var a = Goal("Reduce churn with renewal reviews");
        var b = Goal("Grow revenue from upsells");
        _graph.AddParent(a.Id, ParentRef.Scorecard(_retention.Id));
        _graph.AddParent(b.Id, ParentRef.Scorecard(financial.Id));

        Assert.DoesNotContain(await Analyze([a, b], weights), f => f.Code == AlignmentFindingCodes.PortfolioSkew);
        Assert.DoesNotContain(await Analyze([a]), f => f.Code == AlignmentFindingCodes.PortfolioSkew);
        Assert.DoesNotContain(await Analyze([a], weights), f => f.Code == AlignmentFindingCodes.PortfolioSkew); // one goal cannot cover two perspectives
    }

    [Fact]
    public async Task Portfolio_skew_names_a_perspective_that_many_goals_miss_with_the_chance_of_missing_it()
    {
        var financial = new ScorecardObjectiveNode(Guid.NewGuid(), "Grow revenue", "Financial");
        var process = new ScorecardObjectiveNode(Guid.NewGuid(), "Run efficient processes", "Internal Process");
        _graph.AddScorecardObjective(financial);
        _graph.AddScorecardObjective(process);
        var weights = new Dictionary<string, double> { ["Financial"] = 0.4, ["Customer"] = 0.3, ["Internal Process"] = 0.3 };
        var goals = Enumerable.Range(1, 6).Select(i => Goal($"Goal {i}")).ToList();
        for (var i = 0; i < goals.Count; i++)
        {
            _graph.AddParent(goals[i].Id, ParentRef.Scorecard(i < 3 ? _retention.Id : process.Id));
        }

        var finding = Assert.Single(await Analyze(goals, weights), f => f.Code == AlignmentFindingCodes.PortfolioSkew);

        Assert.Equal(0.0467, finding.Numbers["missByChance:Financial"], 4);
        Assert.Contains("none of the 6 goals serves 'Financial' (weight 0.40; goals following the weights would all miss it with probability 0.047) (flagged below 0.05)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_objectives_are_not_analysed()
    {
        var archived = new ObjectiveNode(Guid.NewGuid(), "make things better", OkrLevel.Team, Q4, Owner, IsArchived: true,
            KeyResults: [new KeyResultSpec(Guid.NewGuid(), "be happier", KeyResultKind.Metric)]);
        _graph.AddObjective(archived);

        Assert.Empty(await Analyze([archived]));
    }

    /// <summary>A toy embedding: one dimension per topic keyword plus a small constant, enough to exercise the embedding path.</summary>
    private sealed class KeywordEmbedder : ITextEmbedder
    {
        private static readonly string[] Topics = ["billing", "customer", "engagement", "uptime", "pipeline", "service"];

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(t =>
                Topics.Select(k => t.Contains(k, StringComparison.OrdinalIgnoreCase) ? 1f : 0f).Append(0.1f).ToArray())]);
    }

    [Fact]
    public async Task An_objective_achieved_while_its_children_are_far_behind_is_flagged_with_its_numbers()
    {
        var platform = new RollUpChild(Guid.NewGuid(), "Cut incident response time", 0.56, 1);
        var pipeline = new RollUpChild(Guid.NewGuid(), "Deploy every day", 0.54, 1);
        var rollUp = RollUpExplanation.Explain(ObjectiveProgress.Calculate([new(1.0)], [new(0.56, 1), new(0.54, 1)], 0), 1, [platform, pipeline], 0);
        var onTrack = RollUpExplanation.Explain(ObjectiveProgress.Calculate([new(1.0)], [new(0.9, 1)], 0), 1, [platform with { Progress = 0.9 }], 0);

        var findings = await new AlignmentAnalyzer(new LexicalTextSimilarity()).AnalyzeAsync(new AlignmentAnalysisRequest(
            _graph, [_reliability.Id, _nps.Id], null, new Dictionary<Guid, RollUpExplanation> { [_reliability.Id] = rollUp, [_nps.Id] = onTrack }));

        var finding = Assert.Single(findings, f => f.Code == AlignmentFindingCodes.AchievedAheadOfChildren);
        Assert.Equal(_reliability.Id, finding.Subject.Id);
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
        Assert.Equal(1.0, finding.Numbers["progress"]);
        Assert.Equal(0.55, finding.Numbers["childrenProgress"], 9);
        Assert.Equal(0.45, finding.Numbers["gap"], 9);
        Assert.Equal(0.0, finding.Numbers["childShare"]);
        Assert.Equal("'Run a platform customers can rely on' shows achieved (100 %) while the 2 objective(s) supporting it are at 55 % weighted "
            + "('Deploy every day' 54 %, 'Cut incident response time' 56 %): 45 points apart (flagged above 33), and its progress ignores them "
            + "(roll-up share 0). Check that the objective is really achieved, or give its children a roll-up share.", finding.Message);
    }
}
