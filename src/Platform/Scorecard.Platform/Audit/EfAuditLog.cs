using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Audit;

/// <summary>
/// Inside a unit of work (every state-changing request) the record is part of its transaction, so it
/// commits, or not, with the change it records; outside one it is committed on its own.
/// </summary>
internal sealed class EfAuditLog(PlatformDbContext db, TimeProvider clock) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        db.AuditLog.Add(new AuditLogEntity
        {
            At = clock.GetUtcNow(),
            Action = entry.Action,
            SubjectType = entry.SubjectType,
            SubjectId = entry.SubjectId,
            ActorPersonId = entry.ActorPersonId,
            Before = entry.Before,
            After = entry.After,
            Reason = entry.Reason,
            DataJson = entry.DataJson,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(
        string? subjectType = null, string? subjectId = null, string? action = null,
        int limit = 100, CancellationToken cancellationToken = default)
    {
        var query = db.AuditLog.AsNoTracking();
        if (subjectType is not null) query = query.Where(x => x.SubjectType == subjectType);
        if (subjectId is not null) query = query.Where(x => x.SubjectId == subjectId);
        if (action is not null) query = query.Where(x => x.Action == action);
        return await query.OrderByDescending(x => x.Id).Take(limit)
            .Select(x => new AuditRecord(x.Id, x.At, x.Action, x.SubjectType, x.SubjectId,
                x.ActorPersonId, x.Before, x.After, x.Reason, x.DataJson))
            .ToListAsync(cancellationToken);
    }
}
