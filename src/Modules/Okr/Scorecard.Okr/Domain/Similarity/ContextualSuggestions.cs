namespace Scorecard.Okr.Domain;

/// <summary>An org unit on the person's chain, nearest first: their own unit, its parent, … up to the company.</summary>
internal sealed record ChainUnit(Guid Id, string Name);

/// <summary>A ranked candidate placed in the person's context, with the reason shown beside it.</summary>
internal sealed record ContextualSuggestion(RankedCandidate Ranked, bool InUnitChain, int ChainDistance, string Reason);

/// <summary>
/// Orders parent suggestions in the person's context. A goal cascades from the unit it is set in: an individual's
/// goal normally supports their team's OKR, a team's its department's. So:
/// <list type="number">
/// <item>first the candidates of the person's own unit chain (OKRs of their unit and its ancestors, objectives of
/// those units' scorecards), then all others;</item>
/// <item>within the chain, the <em>relevant</em> ones first — similarity above 0 and at least
/// <see cref="RelativeRelevance"/> of the best candidate's (design) — nearest unit first, OKRs before scorecard
/// objectives at the same unit (the scorecard is what the unit's OKRs themselves serve), then by similarity;</item>
/// <item>everything else by similarity.</item>
/// </list>
/// Each suggestion carries its reason: where it sits relative to the person, and its similarity.
/// </summary>
internal static class ContextualSuggestions
{
    public const double RelativeRelevance = 0.5;

    public static IReadOnlyList<ContextualSuggestion> Order(
        IReadOnlyList<RankedCandidate> ranked,
        IReadOnlyList<ChainUnit> chain,
        IReadOnlyDictionary<Guid, string> unitNames)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(unitNames);
        var distance = chain.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var best = ranked.Count == 0 ? 0 : ranked.Max(r => r.Score);
        bool Relevant(ContextualSuggestion s) => s.InUnitChain && s.Ranked.Score > 0 && s.Ranked.Score >= RelativeRelevance * best;
        return [.. ranked
            .Select(r =>
            {
                var unit = r.Candidate.UnitId;
                var d = unit is { } u && distance.TryGetValue(u, out var found) ? found : (int?)null;
                return new ContextualSuggestion(r, d is not null, d ?? int.MaxValue, Reason(r, unit, d, chain, unitNames));
            })
            .OrderBy(s => s.InUnitChain ? 0 : 1)
            .ThenBy(s => Relevant(s) ? 0 : 1)
            .ThenBy(s => Relevant(s) ? s.ChainDistance : 0)
            .ThenBy(s => Relevant(s) && s.Ranked.Candidate.Ref.Kind == ParentKind.ScorecardObjective ? 1 : 0)
            .ThenByDescending(s => s.Ranked.Score)
            .ThenBy(s => s.ChainDistance)
            .ThenBy(s => s.Ranked.Rank)];
    }

    private static string Reason(RankedCandidate r, Guid? unit, int? d, IReadOnlyList<ChainUnit> chain, IReadOnlyDictionary<Guid, string> unitNames)
    {
        var kind = r.Candidate.Ref.Kind == ParentKind.OkrObjective ? "OKR" : "scorecard objective";
        var similarity = $"similarity {r.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
        if (d is { } distance)
        {
            var where = distance == 0 ? $"your unit ({chain[0].Name})"
                : distance == chain.Count - 1 ? $"the company ({chain[distance].Name})"
                : $"{chain[distance].Name}, above your unit";
            return $"{kind} of {where} · {similarity}";
        }

        var other = unit is { } u && unitNames.TryGetValue(u, out var name) ? $"another unit ({name})" : "no unit of yours";
        return $"{kind} of {other} · {similarity}";
    }
}
