using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Inbox;
using Scorecard.Platform.Jobs;

namespace Scorecard.Platform.Persistence;

/// <summary>Tables owned by the shared kernel (prefix <c>platform_</c>): the audit log and the inbox.</summary>
internal abstract class PlatformDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobRunEntity> JobRuns => Set<JobRunEntity>();

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
        modelBuilder.Entity<JobRunEntity>(e =>
        {
            e.ToTable("platform_job_runs");
            e.HasKey(x => new { x.Job, x.SlotUnixSeconds });
            e.Property(x => x.Job).HasMaxLength(100);
            e.Property(x => x.Instance).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(200);
        });
        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("platform_data_protection_keys");
            e.Property(x => x.FriendlyName).HasMaxLength(100);
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
