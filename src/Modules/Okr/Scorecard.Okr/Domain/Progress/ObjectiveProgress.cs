using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>
/// Progress of an objective, 0..1.
/// <list type="bullet">
/// <item>Key-result part: the weighted average of its KRs when EVERY KR carries a weight; otherwise the
/// plain average. With only some KRs weighted the weights are ignored (equal weights are used) and
/// <see cref="KeyResultWeightsIgnored"/> is set so the UI can say why — silently mixing weighted
/// and unweighted KRs would make the unweighted ones count as an arbitrary weight.</item>
/// <item>Child part (roll-up, optional): the same rule over the child objectives, using their
/// alignment weights.</item>
/// <item>With both parts and a child share s: (1 − s)·KR part + s·child part. With only one part present, that part.
/// With s = 0 (the default) children are ignored. Neither part → 0 and <see cref="HasData"/> false.</item>
/// </list>
/// KRs without a check-in count as 0 (see <see cref="KeyResultProgress.NoData"/>).
/// </summary>
internal sealed record ObjectiveProgress(
    double Value,
    bool HasData,
    double? KeyResultPart,
    double? ChildPart,
    bool KeyResultWeightsIgnored,
    bool ChildWeightsIgnored)
{
    public static ObjectiveProgress Calculate(
        IReadOnlyList<WeightedProgress> keyResults,
        IReadOnlyList<WeightedProgress>? children = null,
        double childShare = 0.0)
    {
        ArgumentNullException.ThrowIfNull(keyResults);
        children ??= [];
        if (!double.IsFinite(childShare) || childShare is < 0.0 or > 1.0)
        {
            throw new BadInputException("childShare", $"The child share must lie between 0 and 1, not {childShare}.");
        }

        var (krPart, krIgnored) = Average(keyResults, "keyResults");
        var useChildren = childShare > 0.0 && children.Count > 0;
        var (childPart, childIgnored) = useChildren ? Average(children, "children") : (null, false);

        double value;
        if (krPart is null && childPart is null)
        {
            return new ObjectiveProgress(0.0, false, null, null, false, false);
        }
        else if (krPart is null)
        {
            value = childPart!.Value;
        }
        else if (childPart is null)
        {
            value = krPart.Value;
        }
        else
        {
            value = ((1.0 - childShare) * krPart.Value) + (childShare * childPart.Value);
        }

        var hasData = keyResults.Any(k => k.HasData) || (useChildren && children.Any(c => c.HasData));
        return new ObjectiveProgress(Math.Clamp(value, 0.0, 1.0), hasData, krPart, childPart, krIgnored, childIgnored);
    }

    /// <summary>Weighted average if all items are weighted, else the plain average (flagging ignored weights).</summary>
    private static (double? Average, bool WeightsIgnored) Average(IReadOnlyList<WeightedProgress> items, string field)
    {
        if (items.Count == 0)
        {
            return (null, false);
        }

        foreach (var item in items)
        {
            if (!double.IsFinite(item.Progress) || item.Progress is < 0.0 or > 1.0)
            {
                throw new BadInputException(field, $"Progress must be a number between 0 and 1, not {item.Progress}.");
            }

            if (item.Weight is { } w && (!double.IsFinite(w) || w < 0.0))
            {
                throw new BadInputException(field, $"A weight must be a finite number ≥ 0, not {w}.");
            }
        }

        var weighted = items.Count(i => i.Weight is not null);
        if (weighted == items.Count)
        {
            var totalWeight = items.Sum(i => i.Weight!.Value);
            if (totalWeight <= 0.0)
            {
                throw new BadInputException(field, "At least one weight must be greater than 0.");
            }

            return (items.Sum(i => i.Progress * i.Weight!.Value) / totalWeight, false);
        }

        return (items.Average(i => i.Progress), weighted > 0);
    }
}
