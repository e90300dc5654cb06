using Scorecard.Platform.Ai;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// Chooses the evidence a draft rests on, across the whole review period and within a token budget.
/// Tokens are counted with a real tokenizer (o200k_base, <see cref="PromptTokens"/>) on the line the prompt
/// shows for an item (<see cref="Line"/>). Goals, key results, KPIs, the self-review and alignment findings
/// ("anchors") come first, up to half the budget; then dated items (check-ins, measurements, feedback,
/// praise, peer feedback) are taken round-robin across calendar months — one per month per round, and
/// within a month round-robin across kinds — so a busy last month cannot crowd out the rest of the year.
/// Private notes are never used.
/// </summary>
internal static class EvidenceSampler
{
    public const int DefaultTokenBudget = 3000;

    public const string AlignmentKind = "okr_alignment";

    private static readonly HashSet<string> AnchorKinds =
        [EvidenceKind.OkrObjective, EvidenceKind.OkrKeyResult, EvidenceKind.Kpi, EvidenceKind.SelfReview, AlignmentKind];

    internal sealed record Sample(IReadOnlyList<EvidenceItem> Items, int Total, int EstimatedTokens, int TokenBudget, int MonthsWithEvidence, int MonthsCovered);

    public static int EstimateTokens(string text) => PromptTokens.Count(text);

    public static string Line(EvidenceItem item) => $"[{item.Id}] {item.Kind} {item.Date:yyyy-MM-dd}: {item.Text}";

    public static int EstimateTokens(EvidenceItem item) => EstimateTokens(Line(item));

    public static Sample Take(IReadOnlyList<EvidenceItem> evidence, int tokenBudget = DefaultTokenBudget)
    {
        var usable = evidence.Where(i => i.Kind != EvidenceKind.Note).ToList();
        var chosen = new List<EvidenceItem>();
        var used = 0;

        bool TryAdd(EvidenceItem item, int limit)
        {
            var cost = EstimateTokens(item);
            if (used + cost > limit) return false;
            chosen.Add(item);
            used += cost;
            return true;
        }

        var anchors = usable.Where(i => AnchorKinds.Contains(i.Kind)).OrderBy(i => i.Date).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var leftOver = anchors.Where(a => !TryAdd(a, tokenBudget / 2)).ToList();

        var months = usable.Where(i => !AnchorKinds.Contains(i.Kind))
            .GroupBy(i => (i.Date.Year, i.Date.Month))
            .OrderBy(g => g.Key)
            .Select(g => new Queue<EvidenceItem>(InterleaveKinds(g)))
            .ToList();
        var monthsWithEvidence = usable.Select(i => (i.Date.Year, i.Date.Month)).Distinct().Count();
        while (months.Any(q => q.Count > 0))
        {
            foreach (var q in months.Where(q => q.Count > 0))
                TryAdd(q.Dequeue(), tokenBudget);
        }
        foreach (var a in leftOver) TryAdd(a, tokenBudget);

        var items = chosen.OrderBy(i => i.Date).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        return new Sample(items, usable.Count, used, tokenBudget, monthsWithEvidence,
            items.Select(i => (i.Date.Year, i.Date.Month)).Distinct().Count());
    }

    /// <summary>Within a month: the first item of each kind, then the second of each kind, and so on (dates ascending).</summary>
    private static IEnumerable<EvidenceItem> InterleaveKinds(IEnumerable<EvidenceItem> month)
    {
        var byKind = month.GroupBy(i => i.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(i => i.Date).ThenBy(i => i.Id, StringComparer.Ordinal).ToList()).ToList();
        for (var round = 0; byKind.Any(k => k.Count > round); round++)
            foreach (var kind in byKind.Where(k => k.Count > round))
                yield return kind[round];
    }
}
