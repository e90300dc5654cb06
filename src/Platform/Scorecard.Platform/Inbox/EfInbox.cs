using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Inbox;

internal sealed class EfInbox(PlatformDbContext db, TimeProvider clock) : IInbox
{
    public const int TextMaxLength = 1000;

    public async Task<bool> NotifyAsync(Guid personId, string dedupKey, string text, string? link = null, CancellationToken cancellationToken = default)
    {
        if (await db.Notifications.AnyAsync(n => n.PersonId == personId && n.DedupKey == dedupKey, cancellationToken)) return false;
        db.Notifications.Add(new NotificationEntity
        {
            PersonId = personId,
            DedupKey = dedupKey,
            Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text,
            Link = link,
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique (person, key) index refused a duplicate sent at the same moment.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<IReadOnlyList<Notification>> ForPersonAsync(Guid personId, bool unreadOnly = false, int limit = 100, CancellationToken cancellationToken = default)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.PersonId == personId);
        if (unreadOnly) query = query.Where(n => !n.Read);
        var rows = await query.ToListAsync(cancellationToken);
        return rows.OrderByDescending(n => n.CreatedAt).Take(limit)
            .Select(n => new Notification(n.Id, n.PersonId, n.Text, n.Link, n.CreatedAt, n.Read)).ToList();
    }

    public async Task MarkReadAsync(Guid personId, Guid notificationId, CancellationToken cancellationToken = default)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == notificationId && x.PersonId == personId, cancellationToken)
                ?? throw new NotFoundException("Notification", notificationId);
        n.Read = true;
        await db.SaveChangesAsync(cancellationToken);
    }
}
