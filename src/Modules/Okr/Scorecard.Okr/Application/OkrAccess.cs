using Scorecard.Okr.Persistence;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Security;

namespace Scorecard.Okr.Application;

/// <summary>
/// Who may do what with OKRs.
/// <list type="bullet">
/// <item>Everyone signed in reads objectives and the tree.</item>
/// <item>Individual OKRs: the owner and anyone in the owner's manager chain (their manager, that manager's manager, …).</item>
/// <item>Department/team OKRs: the unit's head (the person in the unit whose manager is outside it) and that head's
/// manager chain.</item>
/// <item>Company OKRs: administrators. Administrators may edit every OKR.</item>
/// <item>Alignment findings about a person: that person, their manager chain, HR and administrators. Findings about
/// unit and company OKRs concern no single person and are visible to everyone.</item>
/// </list>
/// Decisions are cached per request.
/// </summary>
internal sealed class OkrAccess(ICurrentUser user, IOrganizationDirectory directory)
{
    private readonly Dictionary<Guid, Guid?> _unitHeads = [];
    private readonly Dictionary<Guid, bool> _chain = [];
    private IReadOnlyList<OrgUnitSummary>? _units;

    public Guid? PersonId => user.PersonId;

    public bool IsAdmin => user.IsInRole(Roles.Admin);

    public bool IsHrOrAdmin => user.IsHrOrAdmin();

    public async Task<bool> CanEditAsync(OkrObjective objective, CancellationToken ct)
    {
        if (IsAdmin) return true;
        if (user.PersonId is not { } me) return false;
        switch (objective.Level)
        {
            case "company":
                return false;
            case "individual":
                return objective.OwnerPersonId is { } owner && (owner == me || await IsAboveAsync(me, owner, ct));
            default:
                if (objective.OrgUnitId is not { } unit) return objective.OwnerPersonId == me;
                var head = await UnitHeadAsync(unit, ct);
                return head is { } h && (h == me || await IsAboveAsync(me, h, ct));
        }
    }

    public async Task RequireEditAsync(OkrObjective objective, CancellationToken ct)
    {
        if (!await CanEditAsync(objective, ct))
            throw new ForbiddenException(objective.Level switch
            {
                "company" => "Only an administrator can change company OKRs.",
                "individual" => "Only the owner of an individual OKR and their managers can change it.",
                _ => "Only the unit's manager (and their managers) can change the unit's OKRs.",
            });
    }

    /// <summary>May the current user see alignment findings about <paramref name="personId"/>?</summary>
    public async Task<bool> CanSeeFindingsAboutAsync(Guid personId, CancellationToken ct) =>
        IsHrOrAdmin || user.PersonId == personId || (user.PersonId is { } me && await IsAboveAsync(me, personId, ct));

    /// <summary>The head of a unit: a person in the unit itself whose manager is not in it; else the parent unit's head.</summary>
    public async Task<Guid?> UnitHeadAsync(Guid unitId, CancellationToken ct)
    {
        if (_unitHeads.TryGetValue(unitId, out var cached)) return cached;
        Guid? head = (await directory.GetUnitHeadsAsync(unitId, includeSubUnits: false, ct)).Select(p => (Guid?)p.Id).FirstOrDefault();
        if (head is null)
        {
            _units ??= await directory.GetUnitsAsync(ct);
            var parent = _units.FirstOrDefault(u => u.Id == unitId)?.ParentId;
            if (parent is { } p) head = await UnitHeadAsync(p, ct);
        }
        _unitHeads[unitId] = head;
        return head;
    }

    private async Task<bool> IsAboveAsync(Guid managerId, Guid personId, CancellationToken ct)
    {
        if (managerId == personId) return false;
        var key = personId;
        if (_chain.TryGetValue(key, out var known)) return known;
        var result = await directory.IsInManagerChainAsync(managerId, personId, ct);
        _chain[key] = result;
        return result;
    }
}

internal static class OkrAccessExtensions
{
    /// <summary>HR, administrators, and executives (the top of the organization and the people reporting to it).</summary>
    public static async Task<bool> SeesDepartmentCoverageAsync(this OkrAccess access, IOrganizationDirectory directory, CancellationToken ct)
    {
        if (access.IsHrOrAdmin) return true;
        if (access.PersonId is not { } me) return false;
        return (await directory.GetManagerChainAsync(me, ct)).Count <= 1;
    }
}
