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

    // Outside the record's fields, so equality stays the record's; keyed by reference (a copy made with `with` builds its own).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ObjectiveNode, string> Texts = new();

    /// <summary>
    /// The text compared for similarity: title, description and key-result titles. Built once per node (a full alignment
    /// analysis reads every candidate's text once per goal).
    /// </summary>
    public string SimilarityText => Texts.GetValue(this, static node =>
        string.Join(". ", new[] { node.Title, node.Description }.Concat(node.KeyResultList.Select(k => k.Title)).Where(t => !string.IsNullOrWhiteSpace(t))));
}
