using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>
/// The end-of-period OKR grade, 0.00–1.00, and its colour.
/// The published bands are in tenths (0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green). For continuous
/// progress the grade is first rounded to two decimals (half away from zero, in decimal arithmetic
/// so 0.695 really is a half), then banded with inclusive lower bounds:
/// green ≥ 0.70; yellow ≥ 0.40 and &lt; 0.70; red &lt; 0.40. So 0.3999 → 0.40 yellow, 0.6949 → 0.69
/// yellow, 0.695 → 0.70 green. Banding the rounded value keeps the shown number and colour consistent.
/// </summary>
internal readonly record struct OkrGrade(decimal Value, GradeBand Band)
{
    public const decimal GreenFrom = 0.70m;
    public const decimal YellowFrom = 0.40m;

    public static OkrGrade FromProgress(double progress)
    {
        if (!double.IsFinite(progress) || progress is < 0.0 or > 1.0)
        {
            throw new BadInputException("progress", $"A grade needs progress between 0 and 1, not {progress}.");
        }

        var value = Math.Round((decimal)progress, 2, MidpointRounding.AwayFromZero);
        var band = value >= GreenFrom ? GradeBand.Green : value >= YellowFrom ? GradeBand.Yellow : GradeBand.Red;
        return new OkrGrade(value, band);
    }
}
