namespace Scorecard.Okr.Domain;

/// <summary>
/// What a key result promises. Fields a kind does not use stay null:
/// metric/percentage/kpi use <see cref="Start"/> and <see cref="Target"/> (kpi also <see cref="KpiId"/>);
/// milestone uses <see cref="DueDate"/>; control uses <see cref="BandLow"/>..<see cref="BandHigh"/>.
/// Incomplete specs are representable on purpose, so that drafts and imports can be analysed
/// (<see cref="KeyResultMeasurability"/>); <see cref="KeyResultProgress.Calculate"/> rejects them.
/// </summary>
internal sealed record KeyResultSpec(
    Guid Id,
    string Title,
    KeyResultKind Kind,
    double? Start = null,
    double? Target = null,
    double? BandLow = null,
    double? BandHigh = null,
    DateOnly? DueDate = null,
    double? Weight = null,
    Guid? KpiId = null);
