using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Inbox;

namespace Scorecard.Platform.Persistence;

/// <summary>Tables owned by the shared kernel (prefix <c>platform_</c>): the audit log and the inbox.</summary>
internal abstract class PlatformDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditLogEntity> AuditLog => Set<AuditLogEntity>();
    public DbSet<NotificationEntity> Notifications => Set<NotificationEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditLogEntity>(e =>
        {
            e.ToTable("platform_audit_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.SubjectType).HasMaxLength(100);
            e.Property(x => x.SubjectId).HasMaxLength(100);
            e.HasIndex(x => new { x.SubjectType, x.SubjectId });
        });
        modelBuilder.Entity<NotificationEntity>(e =>
        {
            e.ToTable("platform_notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.DedupKey).HasMaxLength(300);
            e.Property(x => x.Text).HasMaxLength(EfInbox.TextMaxLength);
            e.Property(x => x.Link).HasMaxLength(500);
            e.HasIndex(x => new { x.PersonId, x.DedupKey }).IsUnique();
        });
    }
}
