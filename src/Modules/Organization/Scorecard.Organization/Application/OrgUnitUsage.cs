using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Organization.Application;

/// <summary>
/// What still uses an org unit: units under it and people here, scorecards and OKR objectives in their modules
/// (asked through their contracts; a host without one of those modules simply has none).
/// </summary>
internal sealed class OrgUnitUsage(OrganizationDbContext db, IEnumerable<IStrategyReader> strategy, IEnumerable<IOkrReader> okr)
{
    private const int NamesShown = 5;

    /// <returns>One phrase per kind of user, e.g. "2 people (Ann Lee, Bo Chen)"; empty when nothing uses the unit.</returns>
    public async Task<IReadOnlyList<string>> DescribeAsync(Guid unitId, CancellationToken ct)
    {
        var phrases = new List<string>();
        var children = await db.Units.Where(u => u.ParentId == unitId).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);
        Add(phrases, children, "unit under it", "units under it");
        var people = await db.People.Where(p => p.OrgUnitId == unitId).OrderBy(p => p.NameKey).Select(p => p.Name).ToListAsync(ct);
        Add(phrases, people, "person", "people");
        foreach (var reader in strategy)
            Add(phrases, await reader.GetScorecardNamesOfOrgUnitAsync(unitId, ct), "scorecard", "scorecards");
        foreach (var reader in okr)
            Add(phrases, await reader.GetObjectiveTitlesOfOrgUnitAsync(unitId, ct), "OKR objective", "OKR objectives");
        return phrases;
    }

    private static void Add(List<string> phrases, IReadOnlyList<string> names, string one, string many)
    {
        if (names.Count == 0) return;
        var shown = string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? ", …" : "");
        phrases.Add($"{names.Count} {(names.Count == 1 ? one : many)} ({shown})");
    }
}
