using Microsoft.EntityFrameworkCore;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// One AI draft of a manager's review narrative, kept for the audit: the text the person saw, the evidence
/// it was built from, who produced it (provider/model) and what the manager did with it.
/// </summary>
internal sealed class AiDraft
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReviewId { get; set; }
    public Guid RequestedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>Sections and their cited sentences as JSON.</summary>
    public string SectionsJson { get; set; } = "[]";
    /// <summary>Ids of the evidence items given to the drafter (the sample), as JSON.</summary>
    public string EvidenceIdsJson { get; set; } = "[]";
    public string WarningsJson { get; set; } = "[]";
    public int PromptTokens { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public Guid? UsedBy { get; set; }
    public DateTimeOffset? DiscardedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public Guid? ConfirmedBy { get; set; }
}

/// <summary>The organization's AI switch (one row; one organization per deployment).</summary>
internal sealed class AiSettings
{
    public const string OrganizationKey = "organization";

    public string Id { get; set; } = OrganizationKey;
    public bool DraftingEnabled { get; set; } = true;
    public DateTimeOffset? UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

internal static class DraftingModel
{
    public const int TextMax = 20_000;

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AiDraft>(e =>
        {
            e.ToTable("reviews_ai_drafts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Provider).HasMaxLength(40);
            e.Property(x => x.Model).HasMaxLength(200);
            e.Property(x => x.Text).HasMaxLength(TextMax);
            e.HasIndex(x => x.ReviewId);
        });
        builder.Entity<AiSettings>(e =>
        {
            e.ToTable("reviews_ai_settings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(40);
        });
    }
}
