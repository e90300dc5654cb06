namespace Scorecard.Okr.Domain;

/// <summary>One input to <see cref="ObjectiveProgress"/>: a key result's or a child objective's progress (0..1) and its optional weight.</summary>
internal sealed record WeightedProgress(double Progress, double? Weight = null, bool HasData = true)
{
    public static WeightedProgress From(KeyResultProgress progress, double? weight = null) =>
        new(progress.Value, weight, progress.HasData);
}
