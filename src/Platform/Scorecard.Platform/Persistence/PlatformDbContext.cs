using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Audit;

namespace Scorecard.Platform.Persistence;

/// <summary>Tables owned by the shared kernel (prefix <c>platform_</c>): the audit log.</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<AuditLogEntity> AuditLog => Set<AuditLogEntity>();

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
    }
}
