using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>
/// The time box of an OKR. Text forms (case-insensitive, surrounding blanks ignored):
/// <c>2026-Q4</c> (quarter, the default cadence), <c>2026-H2</c> (half year), <c>2026</c> (year) and
/// custom ranges <c>2026-01-15..2026-03-31</c> (ISO dates, both inclusive; <c>/</c> is accepted
/// instead of <c>..</c>). <see cref="Start"/> and <see cref="End"/> are both inclusive days.
/// </summary>
internal sealed record OkrPeriod
{
    public const int MinYear = 1000;
    public const int MaxYear = 9998;

    private static readonly Regex QuarterPattern = new(@"^(\d{4})-Q(\d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex HalfPattern = new(@"^(\d{4})-H(\d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex YearPattern = new(@"^(\d{4})$", RegexOptions.CultureInvariant);
    private static readonly Regex CustomPattern = new(@"^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|/)\s*(\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant);

    private OkrPeriod(OkrPeriodKind kind, DateOnly start, DateOnly end, string code)
    {
        Kind = kind;
        Start = start;
        End = end;
        Code = code;
    }

    public OkrPeriodKind Kind { get; }

    /// <summary>First day of the period (inclusive).</summary>
    public DateOnly Start { get; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>The canonical text form, e.g. <c>2026-Q4</c>; <see cref="Parse"/> reads it back.</summary>
    public string Code { get; }

    public int TotalDays => End.DayNumber - Start.DayNumber + 1;

    public static OkrPeriod Quarter(int year, int quarter)
    {
        CheckYear(year);
        if (quarter is < 1 or > 4)
        {
            throw new BadInputException("period", $"Quarter must be 1 to 4, not {quarter}.");
        }

        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new OkrPeriod(OkrPeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1), $"{year:D4}-Q{quarter}");
    }

    public static OkrPeriod Half(int year, int half)
    {
        CheckYear(year);
        if (half is < 1 or > 2)
        {
            throw new BadInputException("period", $"Half must be 1 or 2, not {half}.");
        }

        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        return new OkrPeriod(OkrPeriodKind.Half, start, start.AddMonths(6).AddDays(-1), $"{year:D4}-H{half}");
    }

    public static OkrPeriod Year(int year)
    {
        CheckYear(year);
        return new OkrPeriod(OkrPeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"{year:D4}");
    }

    public static OkrPeriod Custom(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new BadInputException("period", $"A custom period must not end ({Iso(end)}) before it starts ({Iso(start)}).");
        }

        return new OkrPeriod(OkrPeriodKind.Custom, start, end, $"{Iso(start)}..{Iso(end)}");
    }

    /// <summary>The default period for a date: the calendar quarter that contains it.</summary>
    public static OkrPeriod QuarterContaining(DateOnly date) => Quarter(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>Parses the text forms listed on the type; throws <see cref="BadInputException"/> (field <c>period</c>) with the reason.</summary>
    public static OkrPeriod Parse(string? text) =>
        TryParse(text, out var period, out var error) ? period : throw new BadInputException("period", error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out OkrPeriod? period, [NotNullWhen(false)] out string? error)
    {
        period = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "A period is required, e.g. '2026-Q4', '2026-H2', '2026' or '2026-01-15..2026-03-31'.";
            return false;
        }

        try
        {
            Match match;
            if ((match = QuarterPattern.Match(trimmed)).Success)
            {
                period = Quarter(ReadYear(match), ReadInt(match.Groups[2].Value));
            }
            else if ((match = HalfPattern.Match(trimmed)).Success)
            {
                period = Half(ReadYear(match), ReadInt(match.Groups[2].Value));
            }
            else if ((match = YearPattern.Match(trimmed)).Success)
            {
                period = Year(ReadYear(match));
            }
            else if ((match = CustomPattern.Match(trimmed)).Success)
            {
                period = Custom(ReadDate(match.Groups[1].Value), ReadDate(match.Groups[2].Value));
            }
            else
            {
                error = $"'{trimmed}' is not a period. Use '2026-Q4', '2026-H2', '2026' or '2026-01-15..2026-03-31'.";
                return false;
            }
        }
        catch (BadInputException ex)
        {
            error = $"'{trimmed}' is not a valid period: {ex.Message}";
            return false;
        }

        error = null;
        return true;
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this period (a quarter inside its year).</summary>
    public bool Contains(OkrPeriod other) => other.Start >= Start && other.End <= End;

    /// <summary>
    /// Share of the period elapsed at the END of <paramref name="asOf"/> (that day counts as elapsed),
    /// clamped to 0..1: the day before the start gives 0, the last day gives 1.
    /// Example: 2026-Q4 has 92 days; as of 2026-11-15, 46 days have elapsed → 0.5.
    /// </summary>
    public double ElapsedFraction(DateOnly asOf)
    {
        var elapsedDays = asOf.DayNumber - Start.DayNumber + 1;
        return Math.Clamp((double)elapsedDays / TotalDays, 0.0, 1.0);
    }

    public override string ToString() => Code;

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new BadInputException("period", $"Year must be between {MinYear} and {MaxYear}, not {year}.");
        }
    }

    private static int ReadYear(Match match) => ReadInt(match.Groups[1].Value);

    private static int ReadInt(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly ReadDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new BadInputException("period", $"'{text}' is not a calendar date (yyyy-MM-dd).");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
