namespace Scorecard.Reviews.Application.Bias;

/// <summary>
/// One bias nudge as the API and pages show it. <c>Evidence</c> names the words or numbers code found;
/// <c>Numbers</c> are the computed figures (the only numbers an explanation may use); <c>Explanation</c>
/// is the plain-language text (offline template by default, the model only when configured and validated).
/// </summary>
internal sealed record BiasFindingDto(
    string Code,
    string Severity,
    string Message,
    string Evidence,
    string Method,
    string Suggestion,
    IReadOnlyDictionary<string, double> Numbers,
    string Explanation,
    string ExplanationSource,
    bool Dismissed,
    BiasDismissalDto? Dismissal);

internal sealed record BiasDismissalDto(string Reason, Guid? By, DateTimeOffset At);

internal sealed record BiasCheckDto(Guid ReviewId, Guid CycleId, Guid PersonId, IReadOnlyList<BiasFindingDto> Findings, IReadOnlyList<string> Unavailable);

internal sealed record LanguageCheckDto(IReadOnlyList<BiasFindingDto> Findings);

internal sealed record RaterFlagDto(
    string Code,
    double D,
    double? Z,
    double? SdRatio,
    double MiddleShare,
    double? WithinRateeSd,
    double? InterCompetencyR,
    IReadOnlyList<string> Criteria,
    string Method);

/// <summary>A 95 % confidence interval.</summary>
internal sealed record IntervalDto(double Low, double High);

/// <summary>
/// One rater: n (how many ratings the numbers rest on), whether those ratings are part of the baseline (n ≥ the
/// minimum), and every number with its 95 % interval, flagged or not.
/// </summary>
internal sealed record RaterDto(Guid RaterId, int N, double Mean, double Sd, IReadOnlyList<RaterFlagDto> Flags)
{
    public bool InBaseline { get; init; }

    public double D { get; init; }

    public IntervalDto? DInterval { get; init; }

    public double? Z { get; init; }

    public double? SdRatio { get; init; }

    public IntervalDto? SdRatioInterval { get; init; }

    public double MiddleShare { get; init; }

    public IntervalDto? MiddleShareInterval { get; init; }
}

internal sealed record RaterAnalysisDto(Guid CycleId, int OrgN, double OrgMean, double OrgSd, string Ratings, IReadOnlyList<RaterDto> Raters)
{
    public int MinimumRatings { get; init; }

    public int ExcludedRaters { get; init; }

    public int ExcludedRatings { get; init; }
}

internal sealed record DisparityGroupDto(
    string Group,
    int? N,
    double? TopBandRate,
    double? ImpactRatio,
    double? PValue,
    string? Test,
    string Verdict);

internal sealed record DisparityDto(Guid CycleId, string Attribute, string Selection, string Method, IReadOnlyList<DisparityGroupDto> Groups);
