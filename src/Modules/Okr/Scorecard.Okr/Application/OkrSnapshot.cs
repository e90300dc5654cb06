using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>Progress, grade and status of one objective as of a day.</summary>
internal sealed record ObjectiveStanding(
    double Progress,
    bool HasData,
    OkrGrade Grade,
    ExpectedProgressAssessment Assessment,
    IReadOnlyDictionary<Guid, KeyResultProgress> KeyResults,
    RollUpExplanation RollUp);

/// <summary>
/// Everything the alignment checks and progress roll-ups need, loaded once: every stored objective (all periods,
/// so that a parent in another period is reported as such, not as missing), the scorecard objectives from the
/// strategy contract, and the alignment graph over both.
/// </summary>
internal sealed class OkrSnapshot
{
    private readonly Dictionary<Guid, ObjectiveStanding> _standings = [];
    private readonly HashSet<Guid> _computing = [];

    private OkrSnapshot(List<OkrObjective> objectives, IReadOnlyList<StrategyObjectiveSummary> strategy, DateOnly today)
    {
        Objectives = objectives;
        ById = objectives.ToDictionary(o => o.Id);
        Strategy = strategy.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        Today = today;
        Graph = new AlignmentGraph();
        foreach (var o in objectives) Graph.AddObjective(ToNode(o));
        foreach (var s in Strategy.Values)
            Graph.AddScorecardObjective(new ScorecardObjectiveNode(s.Id, s.Name, s.PerspectiveName, false, s.Description, s.ScorecardOrgUnitId));
        foreach (var o in objectives)
        foreach (var link in o.Parents)
            Graph.TryAddParent(o.Id, ToRef(link), link.Weight > 0 && double.IsFinite(link.Weight) ? link.Weight : 1.0, out _, out _);
    }

    public IReadOnlyList<OkrObjective> Objectives { get; }

    public IReadOnlyDictionary<Guid, OkrObjective> ById { get; }

    public IReadOnlyDictionary<Guid, StrategyObjectiveSummary> Strategy { get; }

    public AlignmentGraph Graph { get; }

    public DateOnly Today { get; }

    private Dictionary<Guid, Guid>? _objectiveOfKeyResult;
    private HashSet<Guid>? _owners;

    /// <summary>The objective a key result belongs to.</summary>
    public Guid? ObjectiveOfKeyResult(Guid keyResultId) =>
        (_objectiveOfKeyResult ??= Objectives.SelectMany(o => o.KeyResults.Select(k => (k.Id, o.Id))).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().Item2))
            .TryGetValue(keyResultId, out var id) ? id : null;

    public bool IsOwner(Guid personId) => (_owners ??= [.. Objectives.Where(o => o.OwnerPersonId is not null).Select(o => o.OwnerPersonId!.Value)]).Contains(personId);

    public static async Task<OkrSnapshot> LoadAsync(OkrDbContext db, IStrategyReader strategy, DateOnly today, CancellationToken ct)
    {
        var objectives = await db.Objectives.AsNoTracking()
            .Include(o => o.Parents)
            .Include(o => o.KeyResults) // check-ins are not needed: progress reads each key result's current value
            .AsSplitQuery()
            .ToListAsync(ct);
        var scorecard = await strategy.ListObjectivesAsync(null, ct);
        return new OkrSnapshot(objectives, scorecard, today);
    }

    /// <summary>
    /// A snapshot of some objectives only (with their links and key results) and every scorecard objective: the
    /// incremental alignment refresh loads what its analysis reads (<see cref="Alignment.AlignmentScope"/>).
    /// </summary>
    public static async Task<OkrSnapshot> OfAsync(IEnumerable<OkrObjective> objectives, IStrategyReader strategy, DateOnly today, CancellationToken ct) =>
        new([.. objectives], await strategy.ListObjectivesAsync(null, ct), today);

    public static ParentRef ToRef(OkrParentLink link) =>
        link.ParentObjectiveId is { } okr ? ParentRef.Okr(okr) : ParentRef.Scorecard(link.StrategyObjectiveId!.Value);

    public static ObjectiveNode ToNode(OkrObjective o) => new(
        o.Id, o.Title, OkrCodes.ParseLevel(o.Level), OkrPeriod.Parse(o.Period), o.OwnerPersonId, o.Archived,
        o.Description, [.. o.KeyResults.OrderBy(k => k.Position).Select(ToSpec)], o.Type == OkrCodes.Aspirational, o.OrgUnitId);

    public static KeyResultSpec ToSpec(OkrKeyResult k) => new(
        k.Id, k.Title, KeyResultKindCodes.Parse(k.Kind), k.Start, k.Target, k.BandLow, k.BandHigh, k.DueDate, k.Weight, k.KpiId);

    /// <summary>Progress of one key result from its latest value; an unusable spec or value counts as "no data".</summary>
    public static KeyResultProgress ProgressOf(OkrKeyResult k)
    {
        try
        {
            return KeyResultProgress.Calculate(ToSpec(k), k.Current);
        }
        catch (Platform.BadInputException)
        {
            return KeyResultProgress.NoData;
        }
    }

    /// <summary>
    /// Weighted KR progress, rolled up from child objectives (weighted by their alignment weights) by the objective's
    /// roll-up share — or entirely from its children when it has no key results.
    /// </summary>
    public ObjectiveStanding StandingOf(Guid objectiveId)
    {
        if (_standings.TryGetValue(objectiveId, out var known)) return known;
        var o = ById[objectiveId];
        _computing.Add(objectiveId);
        var children = Graph.ChildrenOf(ParentRef.Okr(objectiveId))
            .Where(l => ById.TryGetValue(l.ChildId, out var c) && !c.Archived && !_computing.Contains(l.ChildId))
            .Select(l => (Link: l, Standing: StandingOf(l.ChildId)))
            .Select(x => new ChildProgress(x.Link.ChildId, ById[x.Link.ChildId].Title, x.Standing.Progress, x.Standing.HasData, x.Link.Weight))
            .ToList();
        var standing = Standings.Compute(o, children, Today);
        _computing.Remove(objectiveId);
        _standings[objectiveId] = standing;
        return standing;
    }
}
