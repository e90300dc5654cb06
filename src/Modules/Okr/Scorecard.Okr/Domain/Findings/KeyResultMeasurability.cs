using System.Text.RegularExpressions;

namespace Scorecard.Okr.Domain;

/// <summary>
/// Why a key result is not measurable (empty list = measurable). A KR needs a number, a target or a date:
/// <list type="bullet">
/// <item>metric / kpi / percentage: a numeric start and target that differ (percentages within 0–100);
/// a kpi KR also needs the KPI it reads its value from;</item>
/// <item>milestone: a due date;</item>
/// <item>control: a band low..high with low ≤ high;</item>
/// <item>and when the structured target above is missing, a title naming no number ("make customers
/// happier") is called out too, because then nothing at all says what "done" means.</item>
/// </list>
/// A title "names a number" if it contains a digit or a number word (one…twelve, twenty…, hundred,
/// thousand, million, double, triple, half, halve, zero).
/// </summary>
internal static class KeyResultMeasurability
{
    private static readonly Regex NumberWord = new(
        @"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|double|doubled|triple|tripled|half|halve|halved)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool TitleNamesNumber(string? title) =>
        !string.IsNullOrWhiteSpace(title) && (title.Any(char.IsDigit) || NumberWord.IsMatch(title));

    public static IReadOnlyList<string> Problems(KeyResultSpec keyResult)
    {
        ArgumentNullException.ThrowIfNull(keyResult);
        var problems = new List<string>();
        bool hasStructuredTarget;
        switch (keyResult.Kind)
        {
            case KeyResultKind.Metric or KeyResultKind.Kpi or KeyResultKind.Percentage:
                CheckNumber(keyResult.Start, "start value", problems);
                CheckNumber(keyResult.Target, "target", problems);
                hasStructuredTarget = keyResult.Target is { } t && double.IsFinite(t);
                if (keyResult.Start is { } s && keyResult.Target is { } target && s == target)
                {
                    problems.Add($"its start and target are both {s}, so there is nothing to progress towards");
                }

                if (keyResult.Kind == KeyResultKind.Percentage
                    && (OutsidePercent(keyResult.Start) || OutsidePercent(keyResult.Target)))
                {
                    problems.Add("a percentage start and target must lie between 0 and 100");
                }

                if (keyResult.Kind == KeyResultKind.Kpi && keyResult.KpiId is null)
                {
                    problems.Add("it is not linked to the scorecard KPI its value is read from");
                }

                break;
            case KeyResultKind.Milestone:
                hasStructuredTarget = keyResult.DueDate is not null;
                if (!hasStructuredTarget)
                {
                    problems.Add("it is a milestone with no due date");
                }

                break;
            case KeyResultKind.Control:
                hasStructuredTarget = keyResult.BandLow is { } low && keyResult.BandHigh is { } high
                    && double.IsFinite(low) && double.IsFinite(high) && low <= high;
                if (!hasStructuredTarget)
                {
                    problems.Add("it is a control key result without a valid band (low ≤ high)");
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(keyResult), keyResult.Kind, "Unknown key-result kind.");
        }

        if (!hasStructuredTarget && !TitleNamesNumber(keyResult.Title))
        {
            problems.Add("its title names no number either");
        }

        return problems;
    }

    private static void CheckNumber(double? value, string name, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"it has no numeric {name}");
        }
        else if (!double.IsFinite(value.Value))
        {
            problems.Add($"its {name} is not a finite number");
        }
    }

    private static bool OutsidePercent(double? value) => value is { } v && (v < 0.0 || v > 100.0);
}
