namespace Scorecard.Okr.Domain;

/// <summary>An OKR objective as the alignment checks see it.</summary>
internal sealed record ObjectiveNode(
    Guid Id,
    string Title,
    OkrLevel Level,
    OkrPeriod Period,
    Guid? OwnerId = null,
    bool IsArchived = false,
    string? Description = null,
    IReadOnlyList<KeyResultSpec>? KeyResults = null,
    bool IsAspirational = false,
    Guid? OrgUnitId = null)
{
    public IReadOnlyList<KeyResultSpec> KeyResultList => KeyResults ?? [];

    /// <summary>The text compared for similarity: title, description and key-result titles.</summary>
    public string SimilarityText =>
        string.Join(". ", new[] { Title, Description }.Concat(KeyResultList.Select(k => k.Title)).Where(s => !string.IsNullOrWhiteSpace(s)));
}
