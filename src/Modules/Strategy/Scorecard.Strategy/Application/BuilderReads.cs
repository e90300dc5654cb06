using Microsoft.EntityFrameworkCore;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>A cause-and-effect link as the builder edits it: with the version its form carries.</summary>
internal sealed record EditableLink(Guid Id, Guid ScorecardId, Guid FromObjectiveId, Guid ToObjectiveId, string Hypothesis, Guid Version);

/// <summary>What the builder pages read that the scorecard views do not show: the links of one scorecard with their versions.</summary>
internal sealed class BuilderReads(StrategyDbContext db)
{
    public async Task<IReadOnlyList<EditableLink>> LinksAsync(Guid scorecardId, CancellationToken ct) =>
        await db.Links.AsNoTracking().Where(l => l.ScorecardId == scorecardId).OrderBy(l => l.Hypothesis)
            .Select(l => new EditableLink(l.Id, l.ScorecardId, l.FromObjectiveId, l.ToObjectiveId, l.Hypothesis, l.Version)).ToListAsync(ct);

    public async Task<EditableLink?> LinkAsync(Guid id, CancellationToken ct) =>
        await db.Links.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new EditableLink(l.Id, l.ScorecardId, l.FromObjectiveId, l.ToObjectiveId, l.Hypothesis, l.Version)).FirstOrDefaultAsync(ct);
}
