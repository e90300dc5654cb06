using Microsoft.EntityFrameworkCore;

namespace Scorecard.Strategy.Persistence;

/// <summary>
/// The Strategy module's tables (prefix <c>strategy_</c>). No foreign keys: the application services delete
/// dependants explicitly, so every delete is one visible, audited decision.
/// </summary>
internal abstract class StrategyDbContext(DbContextOptions options) : DbContext(options)
{
    public const int NameMaxLength = 200;

    public DbSet<ScorecardRecord> Scorecards => Set<ScorecardRecord>();
    public DbSet<PerspectiveRecord> Perspectives => Set<PerspectiveRecord>();
    public DbSet<ObjectiveRecord> Objectives => Set<ObjectiveRecord>();
    public DbSet<KpiRecord> Kpis => Set<KpiRecord>();
    public DbSet<MeasurementRecord> Measurements => Set<MeasurementRecord>();
    public DbSet<MeasurementCorrectionRecord> MeasurementCorrections => Set<MeasurementCorrectionRecord>();
    public DbSet<InitiativeRecord> Initiatives => Set<InitiativeRecord>();
    public DbSet<InitiativeObjectiveRecord> InitiativeObjectives => Set<InitiativeObjectiveRecord>();
    public DbSet<MapLinkRecord> Links => Set<MapLinkRecord>();
    public DbSet<ContributionRecord> Contributions => Set<ContributionRecord>();
    public DbSet<StrategyReviewRecord> Reviews => Set<StrategyReviewRecord>();
    public DbSet<ReviewDecisionRecord> Decisions => Set<ReviewDecisionRecord>();
    public DbSet<StrategyRevisionRecord> Revision => Set<StrategyRevisionRecord>();

    /// <summary>Saves, then moves the revision on in the same transaction (see <see cref="StrategyRevisionRecord"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangesStrategy();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (changed) await Database.ExecuteSqlRawAsync(StrategyRevisionRecord.BumpSql, cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changed = ChangesStrategy();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (changed) Database.ExecuteSqlRaw(StrategyRevisionRecord.BumpSql);
        return saved;
    }

    private bool ChangesStrategy() => ChangeTracker.Entries()
        .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not StrategyRevisionRecord);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<ScorecardRecord>(e =>
        {
            e.ToTable("strategy_scorecards");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(NameMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.OrgUnitId);
        });
        builder.Entity<PerspectiveRecord>(e =>
        {
            e.ToTable("strategy_perspectives");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(NameMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ScorecardId);
        });
        builder.Entity<ObjectiveRecord>(e =>
        {
            e.ToTable("strategy_objectives");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(NameMaxLength);
            e.Property(x => x.Description).HasMaxLength(ObjectiveRecord.DescriptionMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ScorecardId);
            e.HasIndex(x => x.OwnerId);
        });
        builder.Entity<KpiRecord>(e =>
        {
            e.ToTable("strategy_kpis");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(NameMaxLength);
            e.Property(x => x.Unit).HasMaxLength(50);
            e.Property(x => x.DataSource).HasMaxLength(NameMaxLength);
            e.Property(x => x.Direction).HasMaxLength(20);
            e.Property(x => x.UpdateInterval).HasMaxLength(20);
            e.Property(x => x.Aggregation).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ObjectiveId);
            e.HasIndex(x => x.OwnerId);
            e.HasIndex(x => x.ParentKpiId);
        });
        builder.Entity<MeasurementRecord>(e =>
        {
            e.ToTable("strategy_measurements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Note).HasMaxLength(MeasurementRecord.NoteMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.KpiId, x.Date });
        });
        builder.Entity<MeasurementCorrectionRecord>(e =>
        {
            e.ToTable("strategy_measurement_corrections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Reason).HasMaxLength(MeasurementCorrectionRecord.ReasonMaxLength);
            e.HasIndex(x => new { x.KpiId, x.CorrectedAt });
        });
        builder.Entity<InitiativeRecord>(e =>
        {
            e.ToTable("strategy_initiatives");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(NameMaxLength);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ScorecardId);
        });
        builder.Entity<InitiativeObjectiveRecord>(e =>
        {
            e.ToTable("strategy_initiative_objectives");
            e.HasKey(x => new { x.InitiativeId, x.ObjectiveId });
            e.HasIndex(x => x.ObjectiveId);
        });
        builder.Entity<MapLinkRecord>(e =>
        {
            e.ToTable("strategy_links");
            e.HasKey(x => x.Id);
            e.Property(x => x.Hypothesis).HasMaxLength(MapLinkRecord.HypothesisMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ScorecardId);
            e.HasIndex(x => new { x.FromObjectiveId, x.ToObjectiveId }).IsUnique();
        });
        builder.Entity<ContributionRecord>(e =>
        {
            e.ToTable("strategy_contributions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ChildObjectiveId, x.ParentObjectiveId }).IsUnique();
            e.HasIndex(x => x.ParentObjectiveId);
        });
        builder.Entity<StrategyReviewRecord>(e =>
        {
            e.ToTable("strategy_reviews");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(NameMaxLength);
            e.Property(x => x.Notes).HasMaxLength(StrategyReviewRecord.TextMaxLength);
            e.Property(x => x.Attendees).HasMaxLength(StrategyReviewRecord.TextMaxLength);
            e.HasIndex(x => x.ScorecardId);
        });
        builder.Entity<StrategyRevisionRecord>(e =>
        {
            e.ToTable("strategy_revision");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasData(new StrategyRevisionRecord { Id = StrategyRevisionRecord.SingleId, Value = 0 });
        });
        builder.Entity<ReviewDecisionRecord>(e =>
        {
            e.ToTable("strategy_review_decisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Text).HasMaxLength(StrategyReviewRecord.TextMaxLength);
            e.HasIndex(x => x.ReviewId);
        });
    }
}
