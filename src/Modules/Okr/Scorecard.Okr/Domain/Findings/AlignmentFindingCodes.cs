namespace Scorecard.Okr.Domain;

/// <summary>Fixed codes of alignment findings (stable: stored, filtered on and translated by code).</summary>
internal static class AlignmentFindingCodes
{
    public const string Unaligned = "UNALIGNED";
    public const string BrokenParent = "BROKEN_PARENT";
    public const string WeakLink = "WEAK_LINK";
    public const string NotMeasurable = "NOT_MEASURABLE";
    public const string PortfolioSkew = "PORTFOLIO_SKEW";
    public const string TooMany = "TOO_MANY";
    public const string AchievedAheadOfChildren = "ACHIEVED_AHEAD_OF_CHILDREN";
}
