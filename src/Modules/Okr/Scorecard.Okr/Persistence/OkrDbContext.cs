using Microsoft.EntityFrameworkCore;

namespace Scorecard.Okr.Persistence;

/// <summary>The OKR module's tables (prefix <c>okr_</c>).</summary>
internal abstract class OkrDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OkrObjective> Objectives => Set<OkrObjective>();
    public DbSet<OkrParentLink> ParentLinks => Set<OkrParentLink>();
    public DbSet<OkrKeyResult> KeyResults => Set<OkrKeyResult>();
    public DbSet<OkrCheckIn> CheckIns => Set<OkrCheckIn>();
    public DbSet<OkrAiSuggestion> AiSuggestions => Set<OkrAiSuggestion>();
    public DbSet<OkrStoredFinding> AlignmentFindings => Set<OkrStoredFinding>();
    public DbSet<OkrObjectiveAlignment> ObjectiveAlignments => Set<OkrObjectiveAlignment>();
    public DbSet<OkrAlignmentDirty> AlignmentDirty => Set<OkrAlignmentDirty>();
    public DbSet<OkrDepartmentCoverage> DepartmentCoverage => Set<OkrDepartmentCoverage>();
    public DbSet<OkrAlignmentRun> AlignmentRuns => Set<OkrAlignmentRun>();

    /// <summary>Every save that changes goals also marks the alignment findings they affect (<see cref="AlignmentDirtyMarks"/>).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AlignmentDirtyMarks.Add(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AlignmentDirtyMarks.Add(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<OkrObjective>(e =>
        {
            e.ToTable("okr_objectives");
            e.HasKey(x => x.Id);
            var title = e.Property(x => x.Title).HasMaxLength(OkrObjective.TitleMaxLength);
            if (Database.IsNpgsql()) title.UseCollation("C"); // lists sort titles ordinally in the database, as SQLite does
            e.Property(x => x.Description).HasMaxLength(OkrObjective.DescriptionMaxLength);
            e.Property(x => x.Level).HasMaxLength(20);
            e.Property(x => x.Period).HasMaxLength(40);
            e.Property(x => x.Type).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Period);
            e.HasIndex(x => x.OwnerPersonId);
            e.HasIndex(x => x.OrgUnitId);
            // One carried copy of an objective per period, also under concurrent requests (NULLs never collide).
            e.HasIndex(x => new { x.CarriedFromId, x.Period }).IsUnique();
            e.HasMany(x => x.Parents).WithOne().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.KeyResults).WithOne().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OkrParentLink>(e =>
        {
            e.ToTable("okr_parent_links");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ObjectiveId);
            e.HasIndex(x => x.ParentObjectiveId);
        });

        builder.Entity<OkrKeyResult>(e =>
        {
            e.ToTable("okr_key_results");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(OkrObjective.TitleMaxLength);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Unit).HasMaxLength(OkrKeyResult.UnitMaxLength);
            e.HasIndex(x => x.ObjectiveId);
            e.HasIndex(x => x.KpiId);
            e.HasMany(x => x.CheckIns).WithOne().HasForeignKey(x => x.KeyResultId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OkrCheckIn>(e =>
        {
            e.ToTable("okr_check_ins");
            e.HasKey(x => x.Id);
            e.Property(x => x.Comment).HasMaxLength(OkrCheckIn.CommentMaxLength);
            e.Property(x => x.Source).HasMaxLength(20);
            e.HasIndex(x => x.KeyResultId);
        });

        builder.Entity<OkrAiSuggestion>(e =>
        {
            e.ToTable("okr_ai_suggestions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Explanation).HasMaxLength(OkrAiSuggestion.TextMaxLength);
            e.Property(x => x.ProposalJson).HasMaxLength(OkrAiSuggestion.TextMaxLength);
            e.Property(x => x.ProposalText).HasMaxLength(OkrAiSuggestion.TextMaxLength);
            e.Property(x => x.Label).HasMaxLength(200);
            e.Property(x => x.Provider).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.DecisionReason).HasMaxLength(OkrCheckIn.CommentMaxLength);
            e.HasIndex(x => x.ObjectiveId);
        });

        OnAlignmentModelCreating(builder);
    }

    private static void OnAlignmentModelCreating(ModelBuilder builder)
    {
        builder.Entity<OkrStoredFinding>(e =>
        {
            e.ToTable("okr_alignment_findings");
            e.HasKey(x => x.Id);
            e.Property(x => x.ObjectiveTitle).HasMaxLength(OkrObjective.TitleMaxLength);
            e.Property(x => x.Level).HasMaxLength(20);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Severity).HasMaxLength(20);
            e.Property(x => x.Message).HasMaxLength(OkrStoredFinding.MessageMaxLength);
            e.Property(x => x.Period).HasMaxLength(40);
            e.HasIndex(x => x.ObjectiveId);
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => new { x.PeriodStart, x.PeriodEnd });
            e.HasIndex(x => x.OwnerUnitId);
            e.HasIndex(x => x.ObjectiveUnitId);
        });

        builder.Entity<OkrObjectiveAlignment>(e =>
        {
            e.ToTable("okr_objective_alignment");
            e.HasKey(x => x.ObjectiveId);
            e.Property(x => x.Level).HasMaxLength(20);
            e.Property(x => x.Period).HasMaxLength(40);
            e.Property(x => x.TextHash).HasMaxLength(64);
            e.HasIndex(x => new { x.PeriodStart, x.PeriodEnd });
            e.HasIndex(x => x.OwnerUnitId);
            e.HasIndex(x => x.OwnerPersonId);
        });

        builder.Entity<OkrAlignmentDirty>(e =>
        {
            e.ToTable("okr_alignment_dirty");
            e.HasKey(x => x.Id);
        });

        builder.Entity<OkrDepartmentCoverage>(e =>
        {
            e.ToTable("okr_department_coverage");
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasMaxLength(40);
        });

        builder.Entity<OkrAlignmentRun>(e =>
        {
            e.ToTable("okr_alignment_runs");
            e.HasKey(x => x.Id);
        });
    }
}
