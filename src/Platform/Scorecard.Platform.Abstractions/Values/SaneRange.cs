namespace Scorecard.Platform.Values;

/// <summary>
/// The documented ranges every stored number and date keeps to, so that no stored value can make a
/// calculation overflow or a read fail: numbers within ±1e12 (a trillion — beyond any KPI, budget or key
/// result a person enters), spans between two of them at least 1e-9, dates from 1900 to 2200.
/// </summary>
public static class SaneRange
{
    public const double MaxMagnitude = 1e12;
    public const double MinSpan = 1e-9;
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    public static double Number(double value, string field) =>
        double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude
            ? value
            : throw new BadInputException(field, $"{field} must be a number between -1e12 and 1e12, not {value}.");

    public static double? Number(double? value, string field) => value is { } v ? Number(v, field) : null;

    /// <summary>Two numbers a progress or performance is computed between must differ by a usable amount.</summary>
    public static void Span(double from, double to, string field)
    {
        if (Math.Abs(to - from) < MinSpan)
            throw new RuleViolationException(field, $"{field} must differ from the value it is measured against (by at least 1e-9).");
    }

    public static DateOnly Date(DateOnly value, string field) =>
        value >= EarliestDate && value <= LatestDate
            ? value
            : throw new BadInputException(field, $"{field} must be between 1900-01-01 and 2200-12-31, not {value:yyyy-MM-dd}.");

    public static DateOnly? Date(DateOnly? value, string field) => value is { } v ? Date(v, field) : null;
}
