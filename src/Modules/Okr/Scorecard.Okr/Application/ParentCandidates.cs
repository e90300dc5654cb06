using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>A parent an objective could move under: <c>Value</c> is <c>okr:{id}</c> or <c>strategy:{id}</c>.</summary>
internal sealed record ParentCandidate(string Value, string Label);

/// <summary>
/// Objectives whose title contains the searched text and that could be the parent of an objective: not archived, a
/// period covering the objective's, a level above it (company objectives support scorecard objectives only), at most
/// <see cref="Limit"/>. Cycles and the other rules are checked by the update itself.
/// </summary>
internal sealed class ParentCandidates(OkrDbContext db, IStrategyReader strategy)
{
    public const int Limit = 15;
    public const int MinSearchLength = 2;

    public async Task<IReadOnlyList<ParentCandidate>> SearchAsync(Guid objectiveId, string text, CancellationToken ct)
    {
        var needle = text.Trim().ToLowerInvariant();
        if (needle.Length < MinSearchLength) return [];
        var child = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == objectiveId, ct);
        if (child is null) return [];
        var levels = new[] { "company", "department", "team" }.Take(ObjectivesService.LevelOrder(child.Level)).ToList();
        if (child.Level == "team") levels.Add("team"); // a team may support a wider team's objective
        var okr = levels.Count == 0 ? [] : await db.Objectives.AsNoTracking()
            .Where(o => !o.Archived && o.Id != objectiveId && levels.Contains(o.Level)
                && o.PeriodStart <= child.PeriodStart && o.PeriodEnd >= child.PeriodEnd && o.Title.ToLower().Contains(needle))
            .OrderBy(o => o.Title).Take(Limit)
            .Select(o => new { o.Id, o.Level, o.Period, o.Title }).ToListAsync(ct);
        var scorecard = (await strategy.ListObjectivesAsync(child.PeriodStart, ct))
            .Where(s => s.PeriodEnd >= child.PeriodEnd && s.Name.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.ScorecardName).ThenBy(s => s.Name).Take(Limit)
            .Select(s => new ParentCandidate("strategy:" + s.Id, $"scorecard · {s.ScorecardName} · {s.PerspectiveName} · {s.Name}"));
        return [.. okr.Select(o => new ParentCandidate($"okr:{o.Id}", $"{o.Level} OKR · {o.Period} · {o.Title}")).Concat(scorecard).Take(Limit)];
    }
}
