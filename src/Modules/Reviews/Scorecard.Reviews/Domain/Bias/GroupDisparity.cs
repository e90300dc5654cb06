namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// One group's four-fifths result. For a suppressed group every number is null and
/// <see cref="SuppressionReason"/> says why ("SMALL_GROUP" or "COMPLEMENTARY").
/// Test is "z" or "fisher" (null when there is no rest to compare with); Z is the z statistic
/// (null for Fisher).
/// </summary>
internal sealed record GroupDisparity(
    string Group,
    FourFifthsVerdict Verdict,
    int? N,
    int? Selected,
    double? TopBandRate,
    double? ImpactRatio,
    double? PValue,
    string? Test,
    double? Z,
    string? SuppressionReason)
{
    public const string SmallGroup = "SMALL_GROUP";
    public const string Complementary = "COMPLEMENTARY";

    public string VerdictCode => FourFifthsRule.Code(Verdict);
}
