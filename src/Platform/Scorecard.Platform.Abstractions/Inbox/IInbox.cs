namespace Scorecard.Platform.Inbox;

/// <summary>In-app notifications any module can send to a person (reminders, requests).</summary>
public interface IInbox
{
    /// <summary>
    /// Puts a notification in the person's inbox unless one with the same <paramref name="dedupKey"/>
    /// was already sent (e.g. "kpi-due:{kpiId}:{dueDate}"), so a reminder goes out once. Returns true when sent.
    /// </summary>
    Task<bool> NotifyAsync(Guid personId, string dedupKey, string text, string? link = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Notification>> ForPersonAsync(Guid personId, bool unreadOnly = false, int limit = 100, CancellationToken cancellationToken = default);

    Task MarkReadAsync(Guid personId, Guid notificationId, CancellationToken cancellationToken = default);
}

public sealed record Notification(Guid Id, Guid PersonId, string Text, string? Link, DateTimeOffset CreatedAt, bool Read);
