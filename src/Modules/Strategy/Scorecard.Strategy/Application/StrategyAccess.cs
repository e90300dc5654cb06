using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>
/// Who may change what. Everyone signed in reads. The company scorecard: Admin and its owner.
/// A unit's scorecard: Admin, its owner, and the unit's manager(s). "The unit's manager" is determined through
/// <see cref="IOrganizationDirectory"/>: among the people in the unit and its sub-units, those whose own manager is
/// outside that group — the head(s) of the unit (Julia Fischer for Marketing, Priya Raman for Platform) — plus
/// everyone above a head in the reporting line (Elena Petrova may edit the Support scorecard Ben Harris heads).
/// A KPI's measurements: its owner and the scorecard's editors.
/// </summary>
internal sealed class StrategyAccess(ICurrentUser user, IOrganizationDirectory directory)
{
    private readonly Dictionary<Guid, bool> _cache = new();

    public Guid? PersonId => user.PersonId;

    public bool IsAdmin => user.IsInRole(Roles.Admin);

    public async Task<IReadOnlyList<Guid>> UnitManagersAsync(Guid orgUnitId, CancellationToken ct) =>
        (await directory.GetUnitHeadsAsync(orgUnitId, includeSubUnits: true, ct)).Select(m => m.Id).ToList();

    /// <summary>True when the current person manages the unit (a head of it, or above a head).</summary>
    public async Task<bool> ManagesUnitAsync(Guid orgUnitId, CancellationToken ct)
    {
        if (user.PersonId is not { } me)
        {
            return false;
        }

        foreach (var head in await UnitManagersAsync(orgUnitId, ct))
        {
            if (head == me || await directory.IsInManagerChainAsync(me, head, ct))
            {
                return true;
            }
        }

        return false;
    }

    public async Task<bool> CanEditAsync(ScorecardRecord scorecard, CancellationToken ct)
    {
        if (_cache.TryGetValue(scorecard.Id, out var cached))
        {
            return cached;
        }

        var allowed = IsAdmin
                      || (user.PersonId is { } me && scorecard.OwnerId == me)
                      || (!scorecard.IsCompany && await ManagesUnitAsync(scorecard.OrgUnitId, ct));
        _cache[scorecard.Id] = allowed;
        return allowed;
    }

    public async Task RequireEditAsync(ScorecardRecord scorecard, CancellationToken ct)
    {
        if (!await CanEditAsync(scorecard, ct))
        {
            throw new ForbiddenException(scorecard.IsCompany
                ? "Only an administrator or the owner of the company scorecard can change it."
                : "Only the scorecard's owner, the unit's manager or an administrator can change this scorecard.");
        }
    }

    public async Task<bool> CanMeasureAsync(KpiRecord kpi, ScorecardRecord scorecard, CancellationToken ct) =>
        (user.PersonId is { } me && kpi.OwnerId == me) || await CanEditAsync(scorecard, ct);

    public async Task RequireMeasureAsync(KpiRecord kpi, ScorecardRecord scorecard, CancellationToken ct)
    {
        if (!await CanMeasureAsync(kpi, scorecard, ct))
        {
            throw new ForbiddenException($"Only the KPI's owner or an editor of its scorecard can enter measurements for \"{kpi.Name}\".");
        }
    }
}
