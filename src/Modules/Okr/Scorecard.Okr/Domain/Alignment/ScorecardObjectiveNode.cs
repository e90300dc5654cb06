namespace Scorecard.Okr.Domain;

/// <summary>A balanced-scorecard objective (owned by the Strategy module) as a possible parent.</summary>
internal sealed record ScorecardObjectiveNode(
    Guid Id,
    string Title,
    string Perspective,
    bool IsArchived = false,
    string? Description = null,
    Guid? OrgUnitId = null)
{
    public string SimilarityText =>
        string.Join(". ", new[] { Title, Description }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
