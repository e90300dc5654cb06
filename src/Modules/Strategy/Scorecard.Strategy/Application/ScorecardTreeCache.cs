using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Scorecard.Strategy.Persistence;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Application;

/// <summary>
/// The scorecard trees read through the API, kept while the Strategy tables have not changed: each read asks the
/// database for the current <see cref="StrategyRevisionRecord"/> (one row) and answers from memory when a tree of that
/// scorecard was built at that revision, on that day. A change on any instance moves the revision on, so no instance
/// answers from a tree older than the last committed change. What depends on who asks (may they edit) is decided per
/// request; the owners' names come from another module, so a tree is also dropped after <see cref="NamesLifetime"/>.
/// </summary>
internal sealed class ScorecardTreeCache(IConfiguration configuration)
{
    /// <summary>Off (<c>Scorecard:Strategy:ScorecardCache=false</c>) for the tests that count what building a tree costs.</summary>
    private readonly bool _enabled = configuration.GetValue("Scorecard:Strategy:ScorecardCache", true);

    public static readonly TimeSpan NamesLifetime = TimeSpan.FromSeconds(60);
    private const int MaxTrees = 200;

    private readonly MemoryCache _trees = new(new MemoryCacheOptions { SizeLimit = MaxTrees });

    public async Task<ScorecardDto> GetAsync(Guid id, StrategyDbContext db, StrategyQueries queries, StrategyAccess access, CancellationToken ct)
    {
        // The revision first: a tree built after it can only be newer than what the key says, never older.
        var revision = await db.Revision.AsNoTracking().Where(r => r.Id == StrategyRevisionRecord.SingleId).Select(r => r.Value).SingleAsync(ct);
        var key = (id, revision, queries.Today);
        if (!_enabled || !_trees.TryGetValue(key, out ScorecardDto? tree))
        {
            tree = await queries.GetAsync(id, ct);
            _trees.Set(key, tree, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = NamesLifetime });
        }

        var scorecard = new ScorecardRecord { Id = tree!.Id, OrgUnitId = tree.OrgUnitId, IsCompany = tree.IsCompany, OwnerId = tree.OwnerId };
        return tree with { CanEdit = await access.CanEditAsync(scorecard, ct) };
    }
}
