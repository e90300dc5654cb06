using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Contracts;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application;

/// <summary>
/// The contract other modules use (Reviews cites these as evidence). It answers for the system: callers apply
/// their own access rules before showing what it returns.
/// </summary>
internal sealed class OkrReader(ObjectivesService objectives, AlignmentService alignment, OkrDbContext db) : IOkrReader
{
    public async Task<IReadOnlyList<string>> GetObjectiveTitlesOfOrgUnitAsync(Guid orgUnitId, CancellationToken cancellationToken = default) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Objectives.Where(o => o.OrgUnitId == orgUnitId).OrderBy(o => o.Title).Select(o => o.Title), cancellationToken);

    public async Task<OkrObjectiveSummary?> GetObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default)
    {
        var view = await objectives.ViewAsync([objectiveId], cancellationToken, checkInsPerKeyResult: null);
        return view.Shown.FirstOrDefault() is { } o ? ToSummary(view.StandingOf(o.Id), o) : null;
    }

    public async Task<IReadOnlyList<OkrObjectiveSummary>> GetPersonObjectivesAsync(Guid personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var ids = await db.Objectives.AsNoTracking()
            .Where(o => o.Level == "individual" && o.OwnerPersonId == personId && o.PeriodStart <= to && o.PeriodEnd >= from)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        var view = await objectives.ViewAsync(ids, cancellationToken, checkInsPerKeyResult: null);
        return [.. view.Shown.OrderBy(o => o.PeriodStart).ThenBy(o => o.Title, StringComparer.Ordinal).Select(o => ToSummary(view.StandingOf(o.Id), o))];
    }

    public async Task<IReadOnlyList<OkrAlignmentFinding>> GetAlignmentFindingsAsync(Guid personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var snapshot = await objectives.SnapshotAsync(cancellationToken);
        var mine = PersonObjectives(snapshot, personId, from, to).Where(o => !o.Archived).ToList();
        var result = new List<OkrAlignmentFinding>();
        // Analysed per period, so that "too many objectives" and the portfolio check count one period at a time.
        foreach (var period in mine.GroupBy(o => o.Period))
        {
            var findings = await alignment.FindingsAsync(snapshot, [.. period.Select(o => o.Id)], period.First().PeriodStart, cancellationToken);
            foreach (var f in findings)
            {
                var objectiveId = f.Subject.Kind switch
                {
                    FindingSubjectKind.Objective => f.Subject.Id,
                    FindingSubjectKind.KeyResult => period.First(o => o.KeyResults.Any(k => k.Id == f.Subject.Id)).Id,
                    _ => period.First().Id,
                };
                result.Add(new OkrAlignmentFinding(objectiveId, f.Code, OkrCodes.Severity(f.Severity), f.Message));
            }
        }
        return result;
    }

    private static IEnumerable<OkrObjective> PersonObjectives(OkrSnapshot snapshot, Guid personId, DateOnly from, DateOnly to) =>
        snapshot.Objectives
            .Where(o => o.Level == "individual" && o.OwnerPersonId == personId && o.PeriodStart <= to && o.PeriodEnd >= from)
            .OrderBy(o => o.PeriodStart).ThenBy(o => o.Title, StringComparer.Ordinal);

    private static OkrObjectiveSummary ToSummary(ObjectiveStanding standing, OkrObjective o)
    {
        return new OkrObjectiveSummary(
            o.Id, o.Title, o.Level, o.Period, o.PeriodStart, o.PeriodEnd, o.OwnerPersonId, o.OrgUnitId, o.Type,
            Math.Round(standing.Progress, 4), (double)standing.Grade.Value, standing.Assessment.Status.ToCode(), o.Archived,
            [.. o.KeyResults.OrderBy(k => k.Position).Select(k => new OkrKeyResultSummary(
                k.Id, k.Title, k.Kind, k.Start, k.Target, k.Current, k.Unit,
                Math.Round((standing.KeyResults.GetValueOrDefault(k.Id) ?? KeyResultProgress.NoData).Value, 4), k.DueDate,
                [.. k.CheckIns.OrderBy(c => c.Date).ThenBy(c => c.RecordedAt)
                    .Select(c => new OkrCheckInSummary(c.Id, c.Date, c.Value, c.Confidence, c.Comment, c.ByPersonId))]))]);
    }
}
