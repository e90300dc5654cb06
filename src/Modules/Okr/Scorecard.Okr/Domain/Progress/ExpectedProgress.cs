using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>The numbers behind a status: expected and actual in percent, gap in percentage points.</summary>
internal sealed record ExpectedProgressAssessment(
    decimal ExpectedPercent,
    decimal ActualPercent,
    decimal GapPoints,
    ExpectedProgressStatus Status);

/// <summary>
/// Status from expected progress. expected = elapsed share of the period (× 0.7 for aspirational
/// objectives, which are expected to land around 70 %); gap = expected − actual in percentage points.
/// actual ≥ 100 % → achieved; else gap &lt; 16.5 → on_track (being ahead is a negative gap);
/// 16.5 ≤ gap ≤ 33 → behind; gap &gt; 33 → at_risk. Percentages are rounded to 4 decimals in decimal
/// arithmetic before comparing, so binary floating-point noise cannot move a value across a boundary.
/// "Achieved" still means 100 % of the target for aspirational objectives: only the expectation is scaled.
/// </summary>
internal static class ExpectedProgress
{
    public const decimal BehindFromGap = 16.5m;
    public const decimal AtRiskAboveGap = 33m;
    public const double AspirationalFactor = 0.7;

    public static ExpectedProgressAssessment Evaluate(double actualProgress, OkrPeriod period, DateOnly asOf, bool aspirational = false)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Evaluate(actualProgress, period.ElapsedFraction(asOf), aspirational);
    }

    public static ExpectedProgressAssessment Evaluate(double actualProgress, double elapsedFraction, bool aspirational = false)
    {
        if (!double.IsFinite(actualProgress) || actualProgress is < 0.0 or > 1.0)
        {
            throw new BadInputException("progress", $"Progress must lie between 0 and 1, not {actualProgress}.");
        }

        if (!double.IsFinite(elapsedFraction) || elapsedFraction is < 0.0 or > 1.0)
        {
            throw new BadInputException("elapsed", $"The elapsed share must lie between 0 and 1, not {elapsedFraction}.");
        }

        var expected = elapsedFraction * (aspirational ? AspirationalFactor : 1.0);
        var expectedPercent = Percent(expected);
        var actualPercent = Percent(actualProgress);
        var gap = expectedPercent - actualPercent;

        var status = actualPercent >= 100m ? ExpectedProgressStatus.Achieved
            : gap < BehindFromGap ? ExpectedProgressStatus.OnTrack
            : gap <= AtRiskAboveGap ? ExpectedProgressStatus.Behind
            : ExpectedProgressStatus.AtRisk;
        return new ExpectedProgressAssessment(expectedPercent, actualPercent, gap, status);
    }

    private static decimal Percent(double fraction) => Math.Round((decimal)fraction * 100m, 4, MidpointRounding.AwayFromZero);
}
