namespace Scorecard.Okr.Persistence;

/// <summary>
/// One stored alignment finding, as the last refresh computed it (<see cref="Application.Alignment.AlignmentRefresher"/>).
/// About an objective or one of its key results (<see cref="ObjectiveId"/> set), or about an owner's portfolio in a
/// period (<see cref="ObjectiveId"/> null, <see cref="PersonId"/> the owner). The period and units are copied here so that
/// the org-wide list filters and pages in the database.
/// </summary>
internal sealed class OkrStoredFinding
{
    public const int MessageMaxLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? ObjectiveId { get; set; }
    public Guid? KeyResultId { get; set; }

    /// <summary>Whom the finding is about (the objective's owner, or the owner of the portfolio); null for unit and company goals.</summary>
    public Guid? PersonId { get; set; }
    public string? ObjectiveTitle { get; set; }
    public string Level { get; set; } = "";
    public string Code { get; set; } = "";
    public string Severity { get; set; } = "";

    /// <summary>0 high, 1 medium, 2 low: the list shows the most serious first.</summary>
    public int SeverityRank { get; set; }
    public string Message { get; set; } = "";
    public string NumbersJson { get; set; } = "{}";

    /// <summary>The suggested parents (<c>ParentSuggestionDto</c> list, JSON); the first one is also in <see cref="SuggestedParentId"/>.</summary>
    public string SuggestionsJson { get; set; } = "[]";
    public Guid? SuggestedParentId { get; set; }
    public string Period { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The unit of the person the finding is about, when it computed.</summary>
    public Guid? OwnerUnitId { get; set; }

    /// <summary>The unit a department or team goal is set for (null for company goals: they belong to no unit).</summary>
    public Guid? ObjectiveUnitId { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>
/// What the last refresh found about one objective: whether it has line of sight, the perspectives it reaches, the
/// owner's unit and department (for coverage by unit and department), and its stored term vector — the term counts of
/// its text, kept until the text changes (<see cref="TextHash"/>), which the similarity index uses instead of
/// analysing the text again.
/// </summary>
internal sealed class OkrObjectiveAlignment
{
    public Guid ObjectiveId { get; set; }
    public string Level { get; set; } = "";
    public string Period { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public bool Archived { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public Guid? OwnerUnitId { get; set; }
    public Guid? ObjectiveUnitId { get; set; }
    public Guid? DepartmentId { get; set; }
    public bool Aligned { get; set; }
    public string PerspectivesJson { get; set; } = "[]";
    public string TextHash { get; set; } = "";

    /// <summary>Term → count of the objective's similarity text (JSON object), see <c>TermExtractor</c>.</summary>
    public string TermsJson { get; set; } = "{}";
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>
/// "This objective's findings may be out of date": written in the same transaction as any change to an objective, its
/// links or key results; the refresh recomputes it (with its parents, and its descendants when
/// <see cref="WithDescendants"/>) and deletes the mark. Several marks per objective may exist (no unique key, so that
/// concurrent writers never conflict).
/// </summary>
internal sealed class OkrAlignmentDirty
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ObjectiveId { get; set; }
    public bool WithDescendants { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
}

/// <summary>
/// Coverage of one department in one objective period: individual goals, how many have line of sight, how many reach a
/// scorecard perspective and the (fractional) count per perspective. Rebuilt with every refresh; a period's figures
/// are the sum of the rows whose period overlaps it.
/// </summary>
internal sealed class OkrDepartmentCoverage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DepartmentId { get; set; }
    public string Period { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int Goals { get; set; }
    public int Aligned { get; set; }
    public int Mapped { get; set; }
    public string PerspectiveCountsJson { get; set; } = "{}";
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>The one row saying when the findings were last refreshed (and last computed in full); also the refresh's lock.</summary>
internal sealed class OkrAlignmentRun
{
    public static readonly Guid TheId = new("0c4a11e0-0000-4000-8000-000000000001");

    public Guid Id { get; set; } = TheId;
    public DateTimeOffset ComputedAt { get; set; }
    public DateTimeOffset FullComputedAt { get; set; }
    public int LastRefreshed { get; set; }
}
