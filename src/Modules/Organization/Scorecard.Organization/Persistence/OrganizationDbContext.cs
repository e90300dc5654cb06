using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Domain;
using Scorecard.Platform.Persistence;

namespace Scorecard.Organization.Persistence;

/// <summary>The Organization module's tables (prefix <c>org_</c>), accounts included.</summary>
internal abstract class OrganizationDbContext(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<UnitHead> UnitHeads => Set<UnitHead>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves, and when people or the unit tree changed, the stored unit heads with them in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshSearchKeys();
        var heads = UnitHeadChanges.Capture(ChangeTracker);
        if (heads.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Inside a unit of work the first save starts its transaction; outside one (seeding, start-up work) this save owns one.
        await using var own = Database.CurrentTransaction is null && !InUnitOfWork()
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await UnitHeadsMaintenance.ApplyAsync(this, heads, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return saved;
    }

    private bool InUnitOfWork() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<UnitOfWork>()
            is { InTransaction: true };

    private void RefreshSearchKeys()
    {
        foreach (var entry in ChangeTracker.Entries<Person>())
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.RefreshSearchKeys();
        foreach (var entry in ChangeTracker.Entries<OrgUnit>())
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.RefreshKeys();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Account>(e =>
        {
            e.ToTable("org_accounts");
            e.HasIndex(x => x.PersonId).IsUnique();
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("org_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("org_account_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("org_account_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("org_account_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("org_account_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("org_role_claims");

        builder.Entity<Invitation>(e =>
        {
            e.ToTable("org_invitations");
            e.HasKey(x => x.Id);
            e.Property(x => x.TokenHash).HasMaxLength(Invitation.TokenHashLength);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.PersonId);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OrgUnit>(e =>
        {
            e.ToTable("org_units");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(OrgUnit.NameMaxLength);
            // Unit names are unique among siblings ignoring case and accents, also for two requests at once
            // (two imports cannot both create "Engineering/Data"). ParentKey is never NULL (roots use a
            // sentinel), since SQLite and PostgreSQL treat NULLs as distinct in unique indexes.
            var unitKey = e.Property(x => x.NameKey).HasMaxLength(OrgUnit.NameMaxLength * 2);
            if (Database.IsNpgsql()) unitKey.UseCollation("C");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ParentKey, x.NameKey }).IsUnique();
            e.HasIndex(x => x.ParentId);
        });

        builder.Entity<UnitHead>(e =>
        {
            e.ToTable("org_unit_heads");
            e.HasKey(x => new { x.UnitId, x.PersonId });
            e.HasIndex(x => x.PersonId);
        });

        builder.Entity<Person>(e =>
        {
            e.ToTable("org_people");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(Person.EmailMaxLength);
            e.HasIndex(x => x.Email).IsUnique();
            e.Property(x => x.Name).HasMaxLength(Person.NameMaxLength);
            var nameKey = e.Property(x => x.NameKey).HasMaxLength(Person.NameMaxLength * 2);
            e.Property(x => x.SearchText).HasMaxLength(Person.NameMaxLength * 4 + Person.EmailMaxLength * 2);
            // Byte order on PostgreSQL too, as SQLite compares: the same order on both databases.
            if (Database.IsNpgsql()) nameKey.UseCollation("C");
            e.HasIndex(x => x.NameKey);
            e.Property(x => x.JobTitle).HasMaxLength(Person.NameMaxLength);
            e.Property(x => x.Gender).HasMaxLength(Person.GenderMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ManagerId);
            e.HasIndex(x => x.OrgUnitId);
        });
    }
}
