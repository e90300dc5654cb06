using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>
/// The alignment report read from the stored findings (<see cref="AlignmentRefresher"/>): filtered by period, unit (with
/// its sub-units), person and code, and paged in the database; coverage counted from the stored per-objective state and
/// the department coverage from its stored aggregate. Who sees what is unchanged: findings about a person go to that
/// person, their manager chain, HR and administrators; findings about unit and company goals to everyone.
/// </summary>
internal sealed class StoredAlignmentReader(
    OkrDbContext db,
    AlignmentFreshness freshness,
    OkrAccess access,
    OkrNames names,
    IOrganizationDirectory directory,
    IStrategyReader strategy)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AlignmentDto> AnalyzeAsync(OkrPeriod p, string method, Guid? orgUnitId, Guid? personId, string? code, PageRequest? page, CancellationToken ct)
    {
        if (personId is { } person && !await access.CanSeeFindingsAboutAsync(person, ct))
            throw new ForbiddenException("Alignment findings about a person are shown to that person, their managers and HR.");
        HashSet<Guid>? subtree = null;
        if (orgUnitId is { } unit)
        {
            var units = await names.UnitsAsync(ct);
            if (units.All(u => u.Id != unit)) throw new NotFoundException("Org unit", unit);
            subtree = Subtree(unit, units);
        }
        var (computedAt, pending) = await freshness.EnsureFreshAsync(ct);

        var findings = db.AlignmentFindings.AsNoTracking().Where(f => f.PeriodStart <= p.End && f.PeriodEnd >= p.Start);
        var goals = db.ObjectiveAlignments.AsNoTracking().Where(s => !s.Archived && s.Level == "individual" && s.PeriodStart <= p.End && s.PeriodEnd >= p.Start);
        if (personId is { } about)
        {
            findings = findings.Where(f => f.PersonId == about);
            goals = goals.Where(s => s.OwnerPersonId == about);
        }
        if (subtree is not null)
        {
            var ids = subtree.ToList();
            findings = findings.Where(f => (f.OwnerUnitId != null && ids.Contains(f.OwnerUnitId.Value)) || (f.ObjectiveUnitId != null && ids.Contains(f.ObjectiveUnitId.Value)));
            goals = goals.Where(s => (s.OwnerUnitId != null && ids.Contains(s.OwnerUnitId.Value)) || (s.ObjectiveUnitId != null && ids.Contains(s.ObjectiveUnitId.Value)));
        }
        if (!access.IsHrOrAdmin)
        {
            var visible = await VisiblePeopleAsync(ct);
            findings = findings.Where(f => f.PersonId == null || visible.Contains(f.PersonId.Value));
            goals = goals.Where(s => s.OwnerPersonId == null || visible.Contains(s.OwnerPersonId.Value));
        }

        var byCode = (await findings.GroupBy(f => f.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count);
        var wanted = string.IsNullOrWhiteSpace(code) ? findings : findings.Where(f => f.Code == code.Trim().ToUpperInvariant());
        var total = string.IsNullOrWhiteSpace(code) ? byCode.Values.Sum() : byCode.GetValueOrDefault(code.Trim().ToUpperInvariant());
        var ordered = wanted.OrderBy(f => f.SeverityRank).ThenBy(f => f.Code).ThenBy(f => f.ObjectiveTitle).ThenBy(f => f.Id);
        var rows = page is { } pg ? await ordered.Skip(pg.Offset).Take(pg.Limit).ToListAsync(ct) : await ordered.ToListAsync(ct);
        await names.LoadPeopleAsync(rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value), ct);

        var individual = await goals.CountAsync(ct);
        var aligned = await goals.CountAsync(s => s.Aligned, ct);
        var departments = await access.SeesDepartmentCoverageAsync(directory, ct) ? await DepartmentCoverageAsync(p, ct) : null;
        var coverage = new CoverageDto(individual, aligned, Share(aligned, individual), byCode, departments);
        return new AlignmentDto(p.Code, method, [.. rows.Select(ToDto)], coverage, total, page?.Offset ?? 0, computedAt, pending);
    }

    /// <summary>
    /// The stored findings one objective's page shows: about the objective and its key results, and about its owner's
    /// portfolio in its period (the caller checks that it may see findings about the owner).
    /// </summary>
    public async Task<IReadOnlyList<FindingDto>> AboutObjectiveAsync(Guid objectiveId, Guid? ownerPersonId, string period, CancellationToken ct)
    {
        var p = OkrPeriod.Parse(period);
        await freshness.EnsureFreshAsync(ct);
        var rows = await db.AlignmentFindings.AsNoTracking()
            .Where(f => f.ObjectiveId == objectiveId
                || (ownerPersonId != null && f.ObjectiveId == null && f.PersonId == ownerPersonId && f.PeriodStart <= p.End && f.PeriodEnd >= p.Start))
            .OrderBy(f => f.SeverityRank).ThenBy(f => f.Code).ThenBy(f => f.Id)
            .ToListAsync(ct);
        await names.LoadPeopleAsync(rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value), ct);
        return [.. rows.Select(ToDto)];
    }

    /// <summary>The current user and everyone below them in the reporting lines.</summary>
    private async Task<List<Guid>> VisiblePeopleAsync(CancellationToken ct)
    {
        if (access.PersonId is not { } me) return [];
        return [me, .. (await directory.GetAllReportsAsync(me, ct)).Select(p => p.Id)];
    }

    /// <summary>Per department below the company root: the stored aggregates of the objective periods that overlap the period.</summary>
    private async Task<IReadOnlyList<DepartmentCoverageDto>> DepartmentCoverageAsync(OkrPeriod p, CancellationToken ct)
    {
        var units = await names.UnitsAsync(ct);
        var root = units.FirstOrDefault(u => u.ParentId is null);
        if (root is null) return [];
        var weights = await strategy.GetCompanyPerspectiveWeightsAsync(p.Start, ct);
        var total = weights.Sum(w => w.Weight);
        var stored = (await db.DepartmentCoverage.AsNoTracking().Where(c => c.PeriodStart <= p.End && c.PeriodEnd >= p.Start).ToListAsync(ct))
            .ToLookup(c => c.DepartmentId);
        var result = new List<DepartmentCoverageDto>();
        foreach (var dept in units.Where(u => u.ParentId == root.Id).OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            var rows = stored[dept.Id].ToList();
            var goals = rows.Sum(r => r.Goals);
            var aligned = rows.Sum(r => r.Aligned);
            var mapped = rows.Sum(r => r.Mapped);
            var counts = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var r in rows)
            foreach (var (perspective, count) in JsonSerializer.Deserialize<Dictionary<string, double>>(r.PerspectiveCountsJson, Json) ?? [])
                counts[perspective] = counts.GetValueOrDefault(perspective) + count;
            var perspectives = weights.Select(w => w.Perspective).Concat(counts.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var mix = perspectives.Select(name => new PerspectiveShareDto(
                name,
                mapped == 0 ? 0 : Math.Round(counts.GetValueOrDefault(name) / mapped, 4),
                total <= 0 ? 0 : Math.Round(weights.Where(w => string.Equals(w.Perspective, name, StringComparison.OrdinalIgnoreCase)).Sum(w => w.Weight) / total, 4)))
                .ToList();
            result.Add(new DepartmentCoverageDto(dept.Id, dept.Name, goals, aligned, Share(aligned, goals), mix));
        }
        return result;
    }

    private FindingDto ToDto(OkrStoredFinding f) => new(
        f.ObjectiveId, f.KeyResultId, f.PersonId, names.KnownPerson(f.PersonId)?.Name, f.ObjectiveTitle, f.Code, f.Severity, f.Message,
        JsonSerializer.Deserialize<Dictionary<string, double>>(f.NumbersJson, Json) ?? [],
        JsonSerializer.Deserialize<List<ParentSuggestionDto>>(f.SuggestionsJson, Json) ?? []);

    private static HashSet<Guid> Subtree(Guid unitId, IReadOnlyList<OrgUnitSummary> units)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<Guid> { unitId };
        var stack = new Stack<Guid>([unitId]);
        while (stack.Count > 0)
            foreach (var child in children[stack.Pop()])
                if (result.Add(child)) stack.Push(child);
        return result;
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
