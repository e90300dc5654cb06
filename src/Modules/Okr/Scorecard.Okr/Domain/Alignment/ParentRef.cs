namespace Scorecard.Okr.Domain;

/// <summary>What an objective can support: another OKR objective or a balanced-scorecard objective.</summary>
internal enum ParentKind
{
    OkrObjective,
    ScorecardObjective,
}

/// <summary>A reference to a parent of an objective in the alignment graph.</summary>
internal readonly record struct ParentRef(ParentKind Kind, Guid Id)
{
    public static ParentRef Okr(Guid id) => new(ParentKind.OkrObjective, id);

    public static ParentRef Scorecard(Guid id) => new(ParentKind.ScorecardObjective, id);

    public override string ToString() => $"{(Kind == ParentKind.OkrObjective ? "okr" : "scorecard")}:{Id}";
}
