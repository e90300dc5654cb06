using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application;

/// <summary>A child objective as its parent's roll-up sees it: its stored (or just computed) progress and the link's weight.</summary>
internal sealed record ChildProgress(Guid Id, string Title, double Progress, bool HasData, double Weight);

/// <summary>
/// Progress, grade and status of one objective from its key results and its direct children's progress: the one
/// calculation behind the stored progress columns, the single-objective read and the whole-company snapshot.
/// </summary>
internal static class Standings
{
    public static double LinkWeight(double weight) => weight > 0 && double.IsFinite(weight) ? weight : 1.0;

    public static ObjectiveStanding Compute(OkrObjective o, IReadOnlyList<ChildProgress> children, DateOnly today)
    {
        var krs = o.KeyResults.ToDictionary(k => k.Id, OkrSnapshot.ProgressOf);
        var krInputs = o.KeyResults.Select(k => WeightedProgress.From(krs[k.Id], k.Weight)).ToList();
        var childInputs = children.Select(c => new WeightedProgress(c.Progress, c.Weight, c.HasData)).ToList();
        var share = krInputs.Count == 0 ? 1.0 : Math.Clamp(o.RollUpShare, 0.0, 1.0);
        var progress = ObjectiveProgress.Calculate(krInputs, childInputs, share);
        var rollUp = RollUpExplanation.Explain(progress, krInputs.Count,
            [.. children.Select(c => new RollUpChild(c.Id, c.Title, c.Progress, c.Weight))], share);
        return new ObjectiveStanding(
            progress.Value,
            progress.HasData,
            OkrGrade.FromProgress(progress.Value),
            ExpectedProgress.Evaluate(progress.Value, OkrPeriod.Parse(o.Period), today, o.Type == OkrCodes.Aspirational),
            krs,
            rollUp);
    }
}
