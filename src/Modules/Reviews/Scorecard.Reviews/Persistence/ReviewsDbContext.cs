using Microsoft.EntityFrameworkCore;
using Scorecard.Reviews.Domain;

namespace Scorecard.Reviews.Persistence;

/// <summary>The Reviews module's tables (prefix <c>reviews_</c>).</summary>
internal abstract class ReviewsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ReviewTemplate> Templates => Set<ReviewTemplate>();
    public DbSet<ReviewCycle> Cycles => Set<ReviewCycle>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<PeerNomination> PeerNominations => Set<PeerNomination>();
    public DbSet<PeerFeedback> PeerFeedback => Set<PeerFeedback>();
    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();
    public DbSet<FeedbackRequest> FeedbackRequests => Set<FeedbackRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<ReviewTemplate>(e =>
        {
            e.ToTable("reviews_templates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(ReviewLimits.NameMax);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Definition);
        });
        builder.Entity<ReviewCycle>(e =>
        {
            e.ToTable("reviews_cycles");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(ReviewLimits.NameMax);
            e.Property(x => x.Phase).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.OrgUnitIds);
            e.Ignore(x => x.PersonIds);
            e.Ignore(x => x.WithoutManager);
            e.Ignore(x => x.ExcludedPersonIds);
            e.Property(x => x.PeerAnonymityThreshold).HasDefaultValue(ReviewLimits.PeerAnonymityThreshold);
        });
        builder.Entity<Review>(e =>
        {
            e.ToTable("reviews_reviews");
            e.HasKey(x => x.Id);
            e.Property(x => x.ManagerStatus).HasMaxLength(20);
            e.Property(x => x.Narrative).HasMaxLength(ReviewLimits.NarrativeMax);
            e.Property(x => x.AcknowledgementComment).HasMaxLength(ReviewLimits.CommentMax);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CycleId, x.PersonId }).IsUnique();
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.ManagerId);
            e.Ignore(x => x.SelfAnswers);
            e.Ignore(x => x.Ratings);
            e.Ignore(x => x.Released);
        });
        builder.Entity<PeerNomination>(e =>
        {
            e.ToTable("reviews_peer_nominations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasIndex(x => new { x.ReviewId, x.PeerId }).IsUnique();
            e.HasIndex(x => x.PeerId);
        });
        builder.Entity<PeerFeedback>(e =>
        {
            e.ToTable("reviews_peer_feedback");
            e.HasKey(x => x.Id);
            e.Property(x => x.Text).HasMaxLength(ReviewLimits.FeedbackTextMax);
            e.HasIndex(x => new { x.ReviewId, x.AuthorId }).IsUnique();
        });
        builder.Entity<FeedbackItem>(e =>
        {
            e.ToTable("reviews_feedback");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Visibility).HasMaxLength(20);
            e.Property(x => x.Text).HasMaxLength(ReviewLimits.FeedbackTextMax);
            e.HasIndex(x => x.ToPersonId);
            e.HasIndex(x => x.FromPersonId);
        });
        builder.Entity<FeedbackRequest>(e =>
        {
            e.ToTable("reviews_feedback_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Question).HasMaxLength(ReviewLimits.FeedbackTextMax);
            e.HasIndex(x => x.AskedPersonId);
            e.HasIndex(x => x.RequesterId);
        });
        Application.Drafting.DraftingModel.Configure(builder); // issue 6: AI drafts and the AI switch
    }
}
