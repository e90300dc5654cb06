using Microsoft.EntityFrameworkCore;

namespace Scorecard.Okr.Persistence;

/// <summary>
/// Before a save: which objectives' alignment findings the pending changes may change, added to the same save as
/// <see cref="OkrAlignmentDirty"/> rows (so a mark commits or rolls back with the change, whoever wrote it: pages, API,
/// integration event handlers, seeding). An objective changed in what it is (text, level, period, archiving) or in its
/// links is marked with its descendants, whose line of sight and weak links hang on it; a link's old and new parents
/// are marked too (their roll-up and children change). Progress-only changes (check-ins, KPI values, stored progress)
/// mark the objective alone; the refresh adds its parents.
/// </summary>
internal static class AlignmentDirtyMarks
{
    private static readonly HashSet<string> ProgressOnly = new(StringComparer.Ordinal)
    {
        nameof(OkrObjective.Progress), nameof(OkrObjective.ProgressHasData), nameof(OkrObjective.ProgressKnown), nameof(OkrObjective.Version),
    };

    private static readonly HashSet<string> KeyResultProgressOnly = new(StringComparer.Ordinal) { nameof(OkrKeyResult.Current) };

    public static void Add(OkrDbContext db)
    {
        var marks = new Dictionary<Guid, bool>();
        void Mark(Guid? id, bool withDescendants)
        {
            if (id is { } objectiveId) marks[objectiveId] = marks.GetValueOrDefault(objectiveId) || withDescendants;
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case OkrObjective o:
                    Mark(o.Id, entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !ProgressOnly.Contains(p.Metadata.Name)));
                    break;
                case OkrParentLink link:
                    Mark(link.ObjectiveId, true);
                    Mark(link.ParentObjectiveId, false);
                    if (entry.State == EntityState.Modified)
                        Mark(entry.Property(nameof(OkrParentLink.ParentObjectiveId)).OriginalValue as Guid?, false);
                    break;
                case OkrKeyResult kr:
                    Mark(kr.ObjectiveId, entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !KeyResultProgressOnly.Contains(p.Metadata.Name)));
                    break;
            }
        }
        if (marks.Count == 0) return;
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, withDescendants) in marks)
            db.AlignmentDirty.Add(new OkrAlignmentDirty { ObjectiveId = id, WithDescendants = withDescendants, MarkedAt = now });
    }
}
