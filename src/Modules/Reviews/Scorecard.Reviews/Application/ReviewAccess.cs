using Scorecard.Organization.Contracts;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Application;

/// <summary>How the caller relates to a review; the first that applies wins.</summary>
internal enum ReviewRole
{
    None,
    /// <summary>The person reviewed (even when they are HR): the manager's part only after release.</summary>
    Reviewee,
    /// <summary>The manager named on the review: writes the manager's part.</summary>
    Manager,
    /// <summary>HR or Admin: reads everything in the cycles HR runs, calibrates, releases.</summary>
    Hr,
    /// <summary>A manager further up the chain: reads, never writes.</summary>
    IndirectManager,
}

internal sealed class ReviewAccess(ICurrentUser user, IOrganizationDirectory directory)
{
    private HashSet<Guid>? _allReports;

    public Guid Me => user.RequirePersonId();

    /// <summary>Who acts, for audit and "created by": null for an administrator account not linked to a person (HR work needs no person).</summary>
    public Guid? Actor => user.PersonId;

    public bool IsHr => user.IsHrOrAdmin();

    public async Task<ReviewRole> RoleAsync(Review review, CancellationToken ct)
    {
        var me = user.PersonId;
        if (me == review.PersonId) return ReviewRole.Reviewee;
        if (me is not null && me == review.ManagerId) return ReviewRole.Manager;
        if (IsHr) return ReviewRole.Hr;
        if (me is { } id && (await AllReportsAsync(id, ct)).Contains(review.PersonId)) return ReviewRole.IndirectManager;
        return ReviewRole.None;
    }

    public async Task<ReviewRole> RequireReadAsync(Review review, CancellationToken ct)
    {
        var role = await RoleAsync(review, ct);
        if (role == ReviewRole.None) throw new ForbiddenException("Only the person reviewed, their managers and HR can see this review.");
        return role;
    }

    /// <summary>True when the caller is the person's manager, directly or further up.</summary>
    public async Task<bool> IsManagerOfAsync(Guid personId, CancellationToken ct) =>
        user.PersonId is { } me && (await AllReportsAsync(me, ct)).Contains(personId);

    public async Task<HashSet<Guid>> AllReportsAsync(Guid managerId, CancellationToken ct) =>
        _allReports ??= (await directory.GetAllReportsAsync(managerId, ct)).Select(p => p.Id).ToHashSet();

    public void RequireHr()
    {
        if (!IsHr) throw new ForbiddenException("Only HR and administrators run review cycles.");
    }
}
