using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>Alignment findings, coverage, parent suggestions, line of sight and the alignment tree.</summary>
internal sealed class AlignmentService(
    ObjectivesService objectives,
    OkrAccess access,
    OkrNames names,
    IStrategyReader strategy,
    ITextSimilarity similarity,
    Alignment.StoredAlignmentReader stored)
{
    public const int SuggestionLimit = 10;

    public string Method => OkrCodes.Method(similarity.Method);

    public OkrPeriod PeriodOrCurrent(string? period) =>
        string.IsNullOrWhiteSpace(period) ? OkrPeriod.QuarterContaining(objectives.Today) : OkrPeriod.Parse(period);

    private static bool Overlaps(OkrObjective o, OkrPeriod p) => o.PeriodStart <= p.End && o.PeriodEnd >= p.Start;

    // ---------- findings ----------

    /// <summary>
    /// The domain findings for the given objectives (no access filtering). The roll-ups (where each objective's progress
    /// comes from) are the snapshot's unless given.
    /// </summary>
    public async Task<IReadOnlyList<AlignmentFinding>> FindingsAsync(OkrSnapshot snapshot, IReadOnlyCollection<Guid> objectiveIds, DateOnly weightsAsOf, CancellationToken ct,
        IReadOnlyDictionary<Guid, RollUpExplanation>? rollUps = null)
    {
        var weights = await strategy.GetCompanyPerspectiveWeightsAsync(weightsAsOf, ct);
        var dict = weights.Count == 0 || weights.Sum(w => w.Weight) <= 0 ? null
            : weights.GroupBy(w => w.Perspective, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Sum(w => w.Weight), StringComparer.OrdinalIgnoreCase);
        var analyzer = new AlignmentAnalyzer(similarity);
        rollUps ??= objectiveIds.Where(snapshot.ById.ContainsKey).Distinct().ToDictionary(id => id, id => snapshot.StandingOf(id).RollUp);
        return await analyzer.AnalyzeAsync(new AlignmentAnalysisRequest(snapshot.Graph, objectiveIds, dict, rollUps), ct);
    }

    /// <summary>
    /// Findings visible to the caller for a period, optionally for one unit (with its sub-units), one person and one
    /// finding code, one page at a time (all when <paramref name="page"/> is null: the pages that show a team's or a
    /// person's findings). Coverage and the per-code counts cover every visible finding of the scope, whatever the page.
    /// Read from the stored findings (<see cref="Alignment.StoredAlignmentReader"/>), which goal writes keep current.
    /// </summary>
    public Task<AlignmentDto> AnalyzeAsync(string? period, Guid? orgUnitId, Guid? personId, CancellationToken ct,
        string? code = null, Platform.Paging.PageRequest? page = null) =>
        stored.AnalyzeAsync(PeriodOrCurrent(period), Method, orgUnitId, personId, code, page, ct);

    /// <summary>The stored findings about one objective, its key results and its owner's portfolio in its period.</summary>
    public Task<IReadOnlyList<FindingDto>> FindingsAboutObjectiveAsync(Guid objectiveId, Guid? ownerPersonId, string period, CancellationToken ct) =>
        stored.AboutObjectiveAsync(objectiveId, ownerPersonId, period, ct);

    public async Task<FindingDto> ToDtoAsync(OkrSnapshot snapshot, AlignmentFinding f, CancellationToken ct)
    {
        Guid? objectiveId = null, keyResultId = null, personId = null;
        switch (f.Subject.Kind)
        {
            case FindingSubjectKind.Objective:
                objectiveId = f.Subject.Id;
                break;
            case FindingSubjectKind.KeyResult:
                keyResultId = f.Subject.Id;
                objectiveId = snapshot.ObjectiveOfKeyResult(f.Subject.Id);
                break;
            case FindingSubjectKind.Owner:
                if (snapshot.IsOwner(f.Subject.Id)) personId = f.Subject.Id;
                break;
        }
        var objective = objectiveId is { } oid ? snapshot.ById.GetValueOrDefault(oid) : null;
        personId ??= objective?.OwnerPersonId;
        var person = await names.PersonAsync(personId, ct);
        return new FindingDto(objectiveId, keyResultId, personId, person?.Name, objective?.Title, f.Code, OkrCodes.Severity(f.Severity), f.Message,
            f.Numbers.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)),
            [.. f.Suggestions.Select(s => Suggestion(snapshot, s.Parent, s.Title, s.Score))]);
    }

    private static ParentSuggestionDto Suggestion(OkrSnapshot snapshot, ParentRef parent, string title, double score) =>
        parent.Kind == ParentKind.OkrObjective
            ? new ParentSuggestionDto("okr", parent.Id, title, Math.Round(score, 4), null)
            : new ParentSuggestionDto("strategy", parent.Id, title, Math.Round(score, 4), snapshot.Strategy.GetValueOrDefault(parent.Id)?.PerspectiveName);

    // ---------- parent suggestions ----------

    public async Task<ParentSuggestionsDto> ParentSuggestionsAsync(Guid objectiveId, CancellationToken ct)
    {
        var snapshot = await objectives.SnapshotAsync(ct);
        var node = snapshot.Graph.FindObjective(objectiveId) ?? throw new NotFoundException("Objective", objectiveId);
        var o = snapshot.ById[objectiveId];
        // The person's context: the owner's unit for a personal goal, else the unit the objective is set for.
        var unit = (await names.PersonAsync(o.OwnerPersonId, ct))?.OrgUnitId ?? o.OrgUnitId;
        return new ParentSuggestionsDto(objectiveId, Method, await RankAsync(snapshot, node, unit, ct));
    }

    /// <summary>Suggestions for a goal that is not saved yet (the "My goals" form).</summary>
    public async Task<ParentSuggestionsDto> DraftSuggestionsAsync(string? text, string? level, string? period, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new BadInputException("text", "text is required.");
        var snapshot = await objectives.FreshSnapshotAsync(ct); // a private copy: the draft is added to its graph
        var node = new ObjectiveNode(Guid.NewGuid(), text.Trim(), OkrCodes.ParseLevel(level ?? "individual"), PeriodOrCurrent(period));
        snapshot.Graph.AddObjective(node);
        var unit = (await names.PersonAsync(access.PersonId, ct))?.OrgUnitId;
        return new ParentSuggestionsDto(node.Id, Method, await RankAsync(snapshot, node, unit, ct));
    }

    /// <summary>Candidates ranked by similarity, then placed in the person's context (their unit chain first; see <see cref="ContextualSuggestions"/>).</summary>
    private async Task<IReadOnlyList<ParentSuggestionDto>> RankAsync(OkrSnapshot snapshot, ObjectiveNode node, Guid? unitId, CancellationToken ct)
    {
        var claimed = snapshot.Graph.ParentsOf(node.Id).Select(l => l.Parent).ToHashSet();
        var candidates = snapshot.Graph.CandidateParentsFor(node.Id).Where(c => !claimed.Contains(c.Ref)).ToList();
        var ranked = await new CandidateRanker(similarity).RankAsync(node.SimilarityText, candidates, ct);
        var units = await names.UnitsAsync(ct);
        var ordered = ContextualSuggestions.Order(ranked, UnitChain(unitId, units), units.ToDictionary(u => u.Id, u => u.Name));
        return [.. ordered.Take(SuggestionLimit).Select(s => Suggestion(snapshot, s.Ranked.Candidate.Ref, s.Ranked.Candidate.Title, s.Ranked.Score)
            with { Reason = s.Reason, InUnitChain = s.InUnitChain })];
    }

    private static List<ChainUnit> UnitChain(Guid? unitId, IReadOnlyList<OrgUnitSummary> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        var chain = new List<ChainUnit>();
        for (var id = unitId; id is { } current && byId.TryGetValue(current, out var unit) && chain.All(c => c.Id != current); id = unit.ParentId)
            chain.Add(new ChainUnit(unit.Id, unit.Name));
        return chain;
    }

    // ---------- line of sight ----------

    public async Task<LineOfSightDto> LineOfSightAsync(Guid objectiveId, CancellationToken ct)
    {
        var snapshot = await objectives.SnapshotAsync(ct);
        if (!snapshot.ById.ContainsKey(objectiveId)) throw new NotFoundException("Objective", objectiveId);
        var path = snapshot.Graph.LineOfSight(objectiveId);
        var steps = new List<LineOfSightStepDto>();
        var scorecardPaths = new List<IReadOnlyList<string>>();
        foreach (var step in path ?? [])
        {
            if (step.Kind == ParentKind.OkrObjective)
            {
                var o = snapshot.ById[step.Id];
                steps.Add(new LineOfSightStepDto("okr", o.Id, o.Title, o.Level, null));
            }
            else
            {
                var s = snapshot.Strategy.GetValueOrDefault(step.Id);
                steps.Add(new LineOfSightStepDto("strategy", step.Id, s?.Name ?? step.Id.ToString(), null, s?.PerspectiveName));
                if (await strategy.GetLineOfSightAsync(step.Id, ct) is { } los)
                    scorecardPaths.AddRange(los.Paths.Select(p => (IReadOnlyList<string>)[.. p.Select(x => $"{x.Name} ({x.ScorecardName})")]));
            }
        }
        // Company OKRs: where they link to scorecard objectives, show those too.
        if (path is { Count: > 0 } && path[^1].Kind == ParentKind.OkrObjective)
        {
            foreach (var link in snapshot.Graph.ParentsOf(path[^1].Id).Where(l => l.Parent.Kind == ParentKind.ScorecardObjective && snapshot.Graph.CheckLink(l) is null))
            {
                var s = snapshot.Strategy[link.Parent.Id];
                steps.Add(new LineOfSightStepDto("strategy", s.Id, s.Name, null, s.PerspectiveName));
                break;
            }
        }
        return new LineOfSightDto(objectiveId, path is not null, steps, scorecardPaths);
    }

    // ---------- tree ----------

    public async Task<TreeDto> TreeAsync(string? period, CancellationToken ct)
    {
        var p = PeriodOrCurrent(period);
        var snapshot = await objectives.SnapshotAsync(ct);
        var set = snapshot.Objectives.Where(o => !o.Archived && Overlaps(o, p)).ToDictionary(o => o.Id);
        await names.LoadPeopleAsync(set.Values.Where(o => o.OwnerPersonId is not null).Select(o => o.OwnerPersonId!.Value), ct);
        var primary = new Dictionary<Guid, Guid>();
        foreach (var o in set.Values.Where(o => o.Level != "company"))
        {
            var best = o.Parents.Where(l => l.ParentObjectiveId is { } pid && set.ContainsKey(pid))
                .OrderByDescending(l => l.Weight).FirstOrDefault();
            if (best is not null) primary[o.Id] = best.ParentObjectiveId!.Value;
        }
        var children = primary.ToLookup(kv => kv.Value, kv => kv.Key);
        var visited = new HashSet<Guid>();

        async Task<TreeNodeDto> Build(OkrObjective o)
        {
            visited.Add(o.Id);
            var standing = snapshot.StandingOf(o.Id);
            var kids = new List<TreeNodeDto>();
            foreach (var child in children[o.Id].Select(id => set[id]).OrderBy(c => ObjectivesService.LevelOrder(c.Level)).ThenBy(c => c.Title, StringComparer.Ordinal))
                if (!visited.Contains(child.Id)) kids.Add(await Build(child));
            var also = o.Parents.Where(l => primary.GetValueOrDefault(o.Id) != l.ParentObjectiveId || l.ParentObjectiveId is null)
                .Select(l => l.ParentObjectiveId is { } okr ? snapshot.ById.GetValueOrDefault(okr)?.Title
                    : snapshot.Strategy.GetValueOrDefault(l.StrategyObjectiveId!.Value) is { } s ? $"{s.Name} ({s.PerspectiveName})" : null)
                .OfType<string>().ToList();
            return new TreeNodeDto(o.Id, o.Title, o.Level, o.Period, o.OwnerPersonId, names.KnownPerson(o.OwnerPersonId)?.Name, o.OrgUnitId,
                await names.UnitNameAsync(o.OrgUnitId, ct), Math.Round(standing.Progress, 4), (double)standing.Grade.Value,
                standing.Assessment.Status.ToCode(), o.Archived, also, kids);
        }

        var ordered = set.Values.OrderBy(o => ObjectivesService.LevelOrder(o.Level)).ThenBy(o => o.Title, StringComparer.Ordinal).ToList();
        var roots = new List<TreeNodeDto>();
        foreach (var o in ordered.Where(o => o.Level == "company")) roots.Add(await Build(o));
        var unattached = new List<TreeNodeDto>();
        foreach (var o in ordered.Where(o => o.Level != "company" && !primary.ContainsKey(o.Id)))
            if (!visited.Contains(o.Id)) unattached.Add(await Build(o));
        return new TreeDto(p.Code, roots, unattached);
    }

    private static HashSet<Guid> Subtree(Guid unitId, IReadOnlyList<OrgUnitSummary> units)
    {
        var result = new HashSet<Guid> { unitId };
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var u in units)
                if (u.ParentId is { } parent && result.Contains(parent) && result.Add(u.Id)) changed = true;
        }
        return result;
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
