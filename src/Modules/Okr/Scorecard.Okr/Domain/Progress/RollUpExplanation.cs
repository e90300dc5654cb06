using System.Globalization;

namespace Scorecard.Okr.Domain;

/// <summary>One supporting objective as it enters (or would enter) its parent's roll-up.</summary>
internal sealed record RollUpChild(Guid Id, string Title, double Progress, double Weight);

/// <summary>
/// Where an objective's progress comes from: the share taken from its own key results and the share taken from its
/// supporting (child) objectives, each part's value and every child with its weight. <see cref="ChildrenIgnored"/>
/// says that children exist but the roll-up share is 0, so they do not count. <see cref="ChildrenProgress"/> is the
/// children's weighted progress whether they count or not (what the objective would show from its children alone).
/// </summary>
internal sealed record RollUpExplanation(
    double Progress,
    int KeyResultCount,
    double? KeyResultPart,
    double KeyResultShare,
    double ChildShare,
    double? ChildrenProgress,
    IReadOnlyList<RollUpChild> Children,
    bool ChildrenIgnored,
    bool KeyResultWeightsIgnored,
    string Summary)
{
    /// <summary>
    /// Explains <paramref name="progress"/> (computed by <see cref="ObjectiveProgress.Calculate"/> with
    /// <paramref name="childShare"/>) from its inputs. The effective shares follow the calculation: with no key
    /// results all of the progress comes from the children; with no counted children all comes from the key results.
    /// </summary>
    public static RollUpExplanation Explain(ObjectiveProgress progress, int keyResultCount, IReadOnlyList<RollUpChild> children, double childShare)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(children);
        var totalWeight = children.Sum(c => c.Weight);
        double? childrenProgress = children.Count == 0 ? null
            : totalWeight > 0 ? children.Sum(c => c.Progress * c.Weight) / totalWeight : children.Average(c => c.Progress);
        var childrenCount = progress.ChildPart is not null;
        var (krShare, share) = (progress.KeyResultPart, childrenCount) switch
        {
            (null, true) => (0.0, 1.0),
            (not null, true) => (1.0 - childShare, childShare),
            _ => (progress.KeyResultPart is null ? 0.0 : 1.0, 0.0),
        };
        var ignored = children.Count > 0 && !childrenCount;
        return new RollUpExplanation(progress.Value, keyResultCount, progress.KeyResultPart, krShare, share, childrenProgress, children,
            ignored, progress.KeyResultWeightsIgnored, Describe(progress, keyResultCount, children, childrenProgress, krShare, share, ignored));
    }

    private static string Describe(ObjectiveProgress progress, int keyResultCount, IReadOnlyList<RollUpChild> children, double? childrenProgress,
        double krShare, double share, bool ignored)
    {
        var own = $"its own {Plural(keyResultCount, "key result")} ({P(progress.KeyResultPart ?? 0)})";
        var kids = $"its {Plural(children.Count, "supporting objective")} ({P(childrenProgress ?? 0)} weighted)";
        var text = (krShare, share) switch
        {
            (0.0, 0.0) => "No key results and no supporting objectives yet: progress 0 %.",
            (_, 0.0) => $"{P(progress.Value)} comes entirely from {own}.",
            (0.0, _) => $"{P(progress.Value)} comes entirely from {kids}: it has no key results of its own.",
            _ => $"{P(progress.Value)} = {P(krShare)} × {own} + {P(share)} × {kids}.",
        };
        if (ignored)
        {
            text += $" Its {Plural(children.Count, "supporting objective")} ({string.Join(", ", children.Select(c => $"{c.Title} {P(c.Progress)}"))}; "
                + $"{P(childrenProgress ?? 0)} weighted) {(children.Count == 1 ? "is" : "are")} not counted: the roll-up share is 0.";
        }

        return text;
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string P(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
