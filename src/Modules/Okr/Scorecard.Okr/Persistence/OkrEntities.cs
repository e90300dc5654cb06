namespace Scorecard.Okr.Persistence;

/// <summary>A stored OKR objective. <see cref="Version"/> is the concurrency token (a stale PATCH gets 409).</summary>
internal sealed class OkrObjective
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary><c>company</c> | <c>department</c> | <c>team</c> | <c>individual</c>.</summary>
    public string Level { get; set; } = "individual";

    /// <summary>Canonical period code, e.g. <c>2026-Q4</c>.</summary>
    public string Period { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public Guid? OrgUnitId { get; set; }

    /// <summary><c>committed</c> | <c>aspirational</c>.</summary>
    public string Type { get; set; } = "committed";

    /// <summary>Share (0–1) of the progress that rolls up from child objectives; 0 = key results only.</summary>
    public double RollUpShare { get; set; }
    public bool Archived { get; set; }
    public Guid? CreatedByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Stored roll-up progress (0–1), kept current in the transaction of every write that changes it (check-ins, KPI
    /// measurements, key results, links, archiving) and in the parents above; a parent's read uses its children's.
    /// </summary>
    public double Progress { get; set; }
    public bool ProgressHasData { get; set; }

    /// <summary>False for rows written before progress was stored (or by a bulk import): recomputed at start-up.</summary>
    public bool ProgressKnown { get; set; }

    /// <summary>The objective this one was carried forward from (its unfinished copy in a later period); one copy per period.</summary>
    public Guid? CarriedFromId { get; set; }

    public List<OkrParentLink> Parents { get; set; } = [];
    public List<OkrKeyResult> KeyResults { get; set; } = [];
}

/// <summary>"The objective supports this parent": another OKR objective or a scorecard objective (exactly one is set).</summary>
internal sealed class OkrParentLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ObjectiveId { get; set; }
    public Guid? ParentObjectiveId { get; set; }
    public Guid? StrategyObjectiveId { get; set; }
    public double Weight { get; set; } = 1.0;
}

internal sealed class OkrKeyResult
{
    public const int UnitMaxLength = 40;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ObjectiveId { get; set; }
    public string Title { get; set; } = "";

    /// <summary><c>metric</c> | <c>percentage</c> | <c>milestone</c> | <c>kpi</c> | <c>control</c>.</summary>
    public string Kind { get; set; } = "metric";
    public double? Start { get; set; }
    public double? Target { get; set; }
    public string? Unit { get; set; }
    public double? Weight { get; set; }
    public Guid? KpiId { get; set; }
    public double? BandLow { get; set; }
    public double? BandHigh { get; set; }
    public DateOnly? DueDate { get; set; }

    /// <summary>The latest value (last check-in, or the KPI's latest measurement for <c>kpi</c>).</summary>
    public double? Current { get; set; }
    public int Position { get; set; }

    /// <summary>Changes on every edit of the key result's definition; an edit form sends the one it read (stale → 409).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<OkrCheckIn> CheckIns { get; set; } = [];
}

/// <summary>One check-in; the history is kept (never updated or deleted).</summary>
internal sealed class OkrCheckIn
{
    public const int CommentMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid KeyResultId { get; set; }
    public DateOnly Date { get; set; }
    public double Value { get; set; }
    public int Confidence { get; set; }
    public string? Comment { get; set; }
    public Guid ByPersonId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary><c>person</c> or <c>kpi</c> (recorded from a scorecard KPI measurement).</summary>
    public string Source { get; set; } = "person";
}

/// <summary>An AI "explain and suggest" answer for a finding, kept so that accepting applies exactly what was shown.</summary>
internal sealed class OkrAiSuggestion
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ObjectiveId { get; set; }
    public Guid? KeyResultId { get; set; }
    public string Code { get; set; } = "";
    public string Explanation { get; set; } = "";

    /// <summary>The proposal as JSON (see SuggestionProposal), null when there is nothing to apply.</summary>
    public string? ProposalJson { get; set; }
    public string? ProposalText { get; set; }
    public string Label { get; set; } = "";
    public string Provider { get; set; } = "";

    /// <summary><c>pending</c> | <c>accepted</c> | <c>dismissed</c>.</summary>
    public string Status { get; set; } = "pending";
    public Guid RequestedByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? DecidedByPersonId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
}
