namespace Scorecard.Okr.Domain;

/// <summary>"<see cref="ChildId"/> supports <see cref="Parent"/>"; <see cref="Weight"/> says how much the child counts in the parent's roll-up.</summary>
internal sealed record AlignmentLink(Guid ChildId, ParentRef Parent, double Weight);

/// <summary>Why a parent link no longer carries alignment.</summary>
internal enum BrokenLinkReason
{
    /// <summary>The parent is not known (deleted, or never existed).</summary>
    MissingParent,

    ParentArchived,

    /// <summary>The child's period does not lie inside the parent's period.</summary>
    PeriodMismatch,
}

internal sealed record BrokenLink(AlignmentLink Link, BrokenLinkReason Reason, string Explanation);
