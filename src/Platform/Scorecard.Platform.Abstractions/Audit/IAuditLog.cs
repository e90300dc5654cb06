namespace Scorecard.Platform.Audit;

/// <summary>
/// One state change a person may dispute later: a rating, a calibration change, a sign-off,
/// an AI call or an AI suggestion accepted or discarded. Append-only.
/// </summary>
public sealed record AuditEntry(
    string Action,
    string SubjectType,
    string SubjectId,
    Guid? ActorPersonId,
    string? Before = null,
    string? After = null,
    string? Reason = null,
    string? DataJson = null);

public sealed record AuditRecord(
    long Id,
    DateTimeOffset At,
    string Action,
    string SubjectType,
    string SubjectId,
    Guid? ActorPersonId,
    string? Before,
    string? After,
    string? Reason,
    string? DataJson);

public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> ReadAsync(
        string? subjectType = null, string? subjectId = null, string? action = null,
        int limit = 100, CancellationToken cancellationToken = default);
}
