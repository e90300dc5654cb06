namespace Scorecard.Strategy.Domain.Hypotheses;

internal enum HypothesisVerdict
{
    NotEnoughData,
    NotYetSupported,
    Supported,
    Contradicted,
}

internal static class HypothesisVerdictLabels
{
    public static string Label(this HypothesisVerdict verdict) => verdict switch
    {
        HypothesisVerdict.NotEnoughData => "not enough data",
        HypothesisVerdict.NotYetSupported => "not yet supported",
        HypothesisVerdict.Supported => "supported",
        HypothesisVerdict.Contradicted => "contradicted",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };
}
