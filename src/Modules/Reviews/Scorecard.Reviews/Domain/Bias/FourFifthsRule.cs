namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Verdict: IR &lt; 0.8 and p &lt; 0.05 → FLAG; IR &lt; 0.8 only → WATCH; p &lt; 0.05 only → REVIEW;
/// else OK. An undefined IR or p never meets its condition.
/// </summary>
internal static class FourFifthsRule
{
    public const double Alpha = 0.05;

    public static FourFifthsVerdict Decide(double? impactRatio, double? pValue)
    {
        bool adverse = impactRatio is double ir && ir < ImpactRatio.FourFifths;
        bool significant = pValue is double p && p < Alpha;
        return (adverse, significant) switch
        {
            (true, true) => FourFifthsVerdict.Flag,
            (true, false) => FourFifthsVerdict.Watch,
            (false, true) => FourFifthsVerdict.Review,
            _ => FourFifthsVerdict.Ok,
        };
    }

    public static string Code(FourFifthsVerdict verdict) => verdict switch
    {
        FourFifthsVerdict.Ok => "OK",
        FourFifthsVerdict.Review => "REVIEW",
        FourFifthsVerdict.Watch => "WATCH",
        FourFifthsVerdict.Flag => "FLAG",
        FourFifthsVerdict.Suppressed => "SUPPRESSED",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
