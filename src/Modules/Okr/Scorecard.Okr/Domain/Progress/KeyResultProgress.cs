using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>
/// Progress of one key result, 0..1. <see cref="HasData"/> is false when there has been no check-in
/// yet: the progress then counts as 0 and the UI says "no data" rather than "0 %".
/// <see cref="RawRatio"/> is the unclamped ratio (e.g. 1.3 when a target is overshot), for display.
/// </summary>
internal sealed record KeyResultProgress(double Value, bool HasData, double? RawRatio)
{
    public static KeyResultProgress NoData { get; } = new(0.0, false, null);

    /// <summary>
    /// Progress of <paramref name="keyResult"/> given its latest value (null = no check-in yet).
    /// For a milestone the value is 1 (done) or 0 (not done). Invalid specs or values throw
    /// <see cref="BadInputException"/>.
    /// </summary>
    public static KeyResultProgress Calculate(KeyResultSpec keyResult, double? currentValue)
    {
        if (currentValue is null)
        {
            return NoData;
        }

        var current = currentValue.Value;
        return keyResult.Kind switch
        {
            KeyResultKind.Metric or KeyResultKind.Kpi =>
                Metric(Required(keyResult.Start, "start", keyResult), Required(keyResult.Target, "target", keyResult), current),
            KeyResultKind.Percentage =>
                Percentage(Required(keyResult.Start, "start", keyResult), Required(keyResult.Target, "target", keyResult), current),
            KeyResultKind.Milestone => current switch
            {
                1.0 => Milestone(done: true),
                0.0 => Milestone(done: false),
                _ => throw new BadInputException("value", $"A milestone's value is 1 (done) or 0 (not done), not {current}."),
            },
            KeyResultKind.Control =>
                Control(Required(keyResult.BandLow, "bandLow", keyResult), Required(keyResult.BandHigh, "bandHigh", keyResult), current),
            _ => throw new ArgumentOutOfRangeException(nameof(keyResult), keyResult.Kind, "Unknown key-result kind."),
        };
    }

    /// <summary>
    /// clamp((current − start) / (target − start), 0, 1). Works in both directions: a decreasing
    /// metric simply has start &gt; target (resolution time 48h → 24h at 36h gives 0.5).
    /// </summary>
    public static KeyResultProgress Metric(double start, double target, double current)
    {
        Finite(start, "start");
        Finite(target, "target");
        Finite(current, "value");
        if (target == start)
        {
            throw new BadInputException("target", $"The target ({target}) must differ from the start value, or there is nothing to progress towards.");
        }

        var raw = (current - start) / (target - start);
        return new KeyResultProgress(Math.Clamp(raw, 0.0, 1.0), true, raw);
    }

    /// <summary>A percentage KR: start, target and value must all lie in 0..100; then the metric formula.</summary>
    public static KeyResultProgress Percentage(double start, double target, double current)
    {
        InPercentRange(start, "start");
        InPercentRange(target, "target");
        InPercentRange(current, "value");
        return Metric(start, target, current);
    }

    public static KeyResultProgress Milestone(bool done) => done ? new(1.0, true, 1.0) : new(0.0, true, 0.0);

    /// <summary>
    /// A control KR is binary by design: 1 while the value is inside the band low..high (both ends
    /// inclusive), 0 outside. There is no partial credit because a control KR guards a health
    /// metric: being 5 % outside the band is a breach, not 95 % progress.
    /// </summary>
    public static KeyResultProgress Control(double low, double high, double current)
    {
        Finite(low, "bandLow");
        Finite(high, "bandHigh");
        Finite(current, "value");
        if (low > high)
        {
            throw new BadInputException("bandLow", $"The band's low end ({low}) must not be above its high end ({high}).");
        }

        var inside = current >= low && current <= high;
        return inside ? new(1.0, true, 1.0) : new(0.0, true, 0.0);
    }

    private static double Required(double? value, string field, KeyResultSpec keyResult) =>
        value ?? throw new BadInputException(field, $"Key result '{keyResult.Title}' ({keyResult.Kind.ToCode()}) has no {field} value.");

    private static void Finite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new BadInputException(field, $"The {field} must be a finite number, not {value}.");
        }
    }

    private static void InPercentRange(double value, string field)
    {
        Finite(value, field);
        if (value is < 0.0 or > 100.0)
        {
            throw new BadInputException(field, $"A percentage {field} must lie between 0 and 100, not {value}.");
        }
    }
}
