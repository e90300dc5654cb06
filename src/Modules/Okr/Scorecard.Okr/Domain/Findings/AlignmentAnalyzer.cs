using System.Globalization;

namespace Scorecard.Okr.Domain;

/// <summary>
/// Runs the goal-alignment checks and returns findings, each with a fixed code, a severity, a plain
/// message, its numbers and suggestions. Per objective: UNALIGNED, BROKEN_PARENT, WEAK_LINK (for each
/// unbroken claimed parent; broken ones are already reported), NOT_MEASURABLE (per key result),
/// TOO_MANY (key results). Per owner and period: TOO_MANY (objectives) and PORTFOLIO_SKEW.
/// Candidate parents come from <see cref="AlignmentGraph.CandidateParentsFor"/>; a claimed parent
/// outside that set (e.g. a same-level objective) is added to it for ranking.
/// </summary>
internal sealed class AlignmentAnalyzer(ITextSimilarity similarity, AlignmentRules? rules = null)
{
    private readonly CandidateRanker _ranker = new(similarity);
    private readonly AlignmentRules _rules = rules ?? AlignmentRules.Default;

    public async Task<IReadOnlyList<AlignmentFinding>> AnalyzeAsync(AlignmentAnalysisRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var graph = request.Graph;
        var objectives = request.ObjectiveIds.Distinct()
            .Select(id => graph.FindObjective(id) ?? throw new Scorecard.Platform.NotFoundException("Objective", id))
            .Where(o => !o.IsArchived)
            .ToList();

        var findings = new List<AlignmentFinding>();
        foreach (var objective in objectives)
        {
            findings.AddRange(await AnalyzeObjectiveAsync(graph, objective, cancellationToken).ConfigureAwait(false));
            if (request.RollUps?.GetValueOrDefault(objective.Id) is { } rollUp && AchievedAheadOfChildren(objective, rollUp) is { } gap)
            {
                findings.Add(gap);
            }
        }

        foreach (var group in objectives.Where(o => o.OwnerId is not null).GroupBy(o => (Owner: o.OwnerId!.Value, o.Period)))
        {
            findings.AddRange(TooManyObjectives(group.Key.Owner, group.Key.Period, group.ToList()));
            if (request.PerspectiveWeights is { } weights)
            {
                findings.AddRange(Portfolio(graph, group.Key.Owner, group.Key.Period, group.ToList(), weights));
            }
        }

        return findings;
    }

    private async Task<List<AlignmentFinding>> AnalyzeObjectiveAsync(AlignmentGraph graph, ObjectiveNode objective, CancellationToken cancellationToken)
    {
        var findings = new List<AlignmentFinding>();
        var subject = new FindingSubject(FindingSubjectKind.Objective, objective.Id);
        var broken = graph.BrokenParentsOf(objective.Id);
        foreach (var link in broken)
        {
            findings.Add(new AlignmentFinding(
                AlignmentFindingCodes.BrokenParent,
                FindingSeverity.High,
                subject,
                $"'{objective.Title}' supports a parent that no longer counts: {link.Explanation} Choose a current parent or remove the link.",
                new Dictionary<string, double> { ["reason"] = (int)link.Reason, ["weight"] = link.Link.Weight },
                [],
                link.Link.Parent));
        }

        var candidates = graph.CandidateParentsFor(objective.Id).ToList();
        var sound = graph.ParentsOf(objective.Id).Where(l => graph.CheckLink(l) is null).ToList();
        foreach (var link in sound)
        {
            if (candidates.All(c => c.Ref != link.Parent) && graph.CandidateFor(link.Parent) is { } claimed)
            {
                candidates.Add(claimed);
            }
        }

        var ranking = candidates.Count == 0 || (objective.Level == OkrLevel.Company && sound.Count == 0)
            ? []
            : await _ranker.RankAsync(objective.SimilarityText, candidates, cancellationToken).ConfigureAwait(false);

        if (!graph.IsAligned(objective.Id))
        {
            var suggestions = ranking.Where(r => r.Score > 0.0).Take(_rules.SuggestionCount).Select(ToSuggestion).ToList();
            var reason = broken.Count > 0
                ? "its only parents are broken links"
                : graph.ParentsOf(objective.Id).Count == 0 ? "it supports no parent" : "none of its parents leads up to one";
            var hint = suggestions.Count > 0
                ? $" Closest candidates: {string.Join("; ", suggestions.Select(s => $"'{s.Title}' ({Format(s.Score)})"))}."
                : " No candidate parent resembles it; pick one by hand or ask the owner's manager.";
            findings.Add(new AlignmentFinding(
                AlignmentFindingCodes.Unaligned,
                FindingSeverity.Medium,
                subject,
                $"'{objective.Title}' has no line of sight to a company objective or a scorecard objective: {reason}.{hint}",
                new Dictionary<string, double> { ["parents"] = graph.ParentsOf(objective.Id).Count, ["brokenParents"] = broken.Count, ["candidates"] = candidates.Count },
                suggestions));
        }

        foreach (var link in sound)
        {
            var assessment = WeakLinkRule.Evaluate(ranking, link.Parent, _rules.WeakLinkThreshold(_ranker.Method), _rules.WeakLinkTopN);
            if (!assessment.IsWeak)
            {
                continue;
            }

            var parentTitle = graph.Describe(link.Parent.Id);
            var better = assessment.BetterCandidates.Take(_rules.SuggestionCount).Select(ToSuggestion).ToList();
            findings.Add(new AlignmentFinding(
                AlignmentFindingCodes.WeakLink,
                FindingSeverity.Low,
                subject,
                $"'{objective.Title}' claims to support '{parentTitle}', but its text has little in common with it "
                    + $"(similarity {Format(assessment.ClaimedScore)}, rank {assessment.ClaimedRank} of {assessment.CandidateCount}; "
                    + $"a link is questioned outside the top {_rules.WeakLinkTopN} and below {Format(assessment.Threshold)}). "
                    + (better.Count > 0 ? $"Closer parents: {string.Join("; ", better.Select(s => $"'{s.Title}' ({Format(s.Score)})"))}. " : string.Empty)
                    + "If the link is right, say how the goal moves the parent in its description.",
                new Dictionary<string, double>
                {
                    ["similarity"] = assessment.ClaimedScore,
                    ["rank"] = assessment.ClaimedRank,
                    ["candidates"] = assessment.CandidateCount,
                    ["threshold"] = assessment.Threshold,
                    ["topN"] = _rules.WeakLinkTopN,
                    ["method"] = (int)_ranker.Method,
                },
                better,
                link.Parent));
        }

        foreach (var keyResult in objective.KeyResultList)
        {
            var problems = KeyResultMeasurability.Problems(keyResult);
            if (problems.Count > 0)
            {
                findings.Add(new AlignmentFinding(
                    AlignmentFindingCodes.NotMeasurable,
                    FindingSeverity.Medium,
                    new FindingSubject(FindingSubjectKind.KeyResult, keyResult.Id),
                    $"Key result '{keyResult.Title}' of '{objective.Title}' is not measurable: {string.Join("; ", problems)}. "
                        + "Say what number moves from where to where, or what is done by which date.",
                    new Dictionary<string, double> { ["problems"] = problems.Count },
                    []));
            }
        }

        var krCount = objective.KeyResultList.Count;
        if (krCount > _rules.MaxKeyResultsPerObjective)
        {
            findings.Add(new AlignmentFinding(
                AlignmentFindingCodes.TooMany,
                FindingSeverity.Low,
                subject,
                $"'{objective.Title}' has {krCount} key results; more than {_rules.MaxKeyResultsPerObjective} dilutes focus. Keep the 3–5 that matter most.",
                new Dictionary<string, double> { ["keyResults"] = krCount, ["limit"] = _rules.MaxKeyResultsPerObjective },
                []));
        }

        return findings;
    }

    private IEnumerable<AlignmentFinding> TooManyObjectives(Guid ownerId, OkrPeriod period, List<ObjectiveNode> objectives)
    {
        if (objectives.Count > _rules.MaxObjectivesPerOwnerPerPeriod)
        {
            yield return new AlignmentFinding(
                AlignmentFindingCodes.TooMany,
                FindingSeverity.Low,
                new FindingSubject(FindingSubjectKind.Owner, ownerId),
                $"This person owns {objectives.Count} objectives in {period.Code}; more than {_rules.MaxObjectivesPerOwnerPerPeriod} dilutes focus. Keep the 3–5 that matter most.",
                new Dictionary<string, double> { ["objectives"] = objectives.Count, ["limit"] = _rules.MaxObjectivesPerOwnerPerPeriod },
                []);
        }
    }

    private IEnumerable<AlignmentFinding> Portfolio(AlignmentGraph graph, Guid ownerId, OkrPeriod period, List<ObjectiveNode> objectives, IReadOnlyDictionary<string, double> weights)
    {
        var perspectives = objectives.Select(o => (IReadOnlyCollection<string>)graph.PerspectivesReached(o.Id)).ToList();
        var result = PortfolioSkew.Evaluate(perspectives, weights, _rules.PortfolioDistanceThreshold, _rules.PortfolioMinimumGoals, _rules.PortfolioUncoveredWeight);
        if (!result.IsSkewed)
        {
            yield break;
        }

        var numbers = new Dictionary<string, double>
        {
            ["goals"] = result.GoalCount,
            ["totalVariationDistance"] = result.TotalVariationDistance,
            ["threshold"] = _rules.PortfolioDistanceThreshold,
        };
        foreach (var (perspective, share) in result.GoalShares)
        {
            numbers[$"goalShare:{perspective}"] = share;
            numbers[$"weight:{perspective}"] = result.StrategyWeights.GetValueOrDefault(perspective);
        }

        var parts = new List<string>();
        if (result.DistanceExceeded)
        {
            parts.Add($"the mix of {result.GoalCount} goals differs from the strategy's weights by {Format(result.TotalVariationDistance)} (total variation distance; above {Format(_rules.PortfolioDistanceThreshold)} is flagged)");
        }

        if (result.UncoveredPerspectives.Count > 0)
        {
            parts.Add($"none of the {result.GoalCount} goals serves {string.Join(", ", result.UncoveredPerspectives.Select(p => $"'{p}' (weight {Format(result.StrategyWeights[p])}; "
                + $"goals following the weights would all miss it with probability {result.MissByChance[p].ToString("0.000", CultureInfo.InvariantCulture)})"))} (flagged below {Format(PortfolioSkew.MissByChanceThreshold)})");
            foreach (var (perspective, chance) in result.MissByChance)
            {
                numbers[$"missByChance:{perspective}"] = chance;
            }
        }

        yield return new AlignmentFinding(
            AlignmentFindingCodes.PortfolioSkew,
            FindingSeverity.Low,
            new FindingSubject(FindingSubjectKind.Owner, ownerId),
            $"This person's goals in {period.Code} lean away from the strategy: {string.Join("; ", parts)}. This can be deliberate — if not, consider a goal for the under-served perspective.",
            numbers,
            []);
    }

    private static AlignmentFinding? AchievedAheadOfChildren(ObjectiveNode objective, RollUpExplanation rollUp)
    {
        if (!AchievedAheadOfChildrenRule.Applies(rollUp))
        {
            return null;
        }

        var children = rollUp.ChildrenProgress!.Value;
        var why = rollUp.ChildrenIgnored
            ? "its progress ignores them (roll-up share 0)"
            : $"they count for only {Format(rollUp.ChildShare)} of its progress";
        return new AlignmentFinding(
            AlignmentFindingCodes.AchievedAheadOfChildren,
            FindingSeverity.Medium,
            new FindingSubject(FindingSubjectKind.Objective, objective.Id),
            $"'{objective.Title}' shows achieved ({Percent(rollUp.Progress)}) while the {rollUp.Children.Count} objective(s) supporting it are at "
                + $"{Percent(children)} weighted ({Furthest(rollUp.Children)}): "
                + $"{Points(rollUp.Progress - children)} points apart (flagged above {Points(AchievedAheadOfChildrenRule.Gap)}), and {why}. "
                + "Check that the objective is really achieved, or give its children a roll-up share.",
            new Dictionary<string, double>
            {
                ["progress"] = rollUp.Progress,
                ["childrenProgress"] = children,
                ["gap"] = rollUp.Progress - children,
                ["threshold"] = AchievedAheadOfChildrenRule.Gap,
                ["childShare"] = rollUp.ChildShare,
                ["children"] = rollUp.Children.Count,
            },
            []);
    }

    /// <summary>The children furthest behind, at most three, and how many more there are.</summary>
    private static string Furthest(IReadOnlyList<RollUpChild> children)
    {
        var shown = children.OrderBy(c => c.Progress).ThenBy(c => c.Title, StringComparer.Ordinal).Take(3).Select(c => $"'{c.Title}' {Percent(c.Progress)}");
        var more = children.Count > 3 ? $" and {children.Count - 3} more" : "";
        return string.Join(", ", shown) + more;
    }

    private static string Points(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static ParentSuggestion ToSuggestion(RankedCandidate ranked) =>
        new(ranked.Candidate.Ref, ranked.Candidate.Title, ranked.Score);

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
