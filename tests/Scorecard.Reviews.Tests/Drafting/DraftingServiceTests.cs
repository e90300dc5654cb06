using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Okr.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Ai;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Application.Drafting;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Tests.Workflow;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Tests.Drafting;

/// <summary>Drafting on a real SQLite file: access, storage, the switch, insert/confirm/submit and the audit trail.</summary>
public sealed class DraftingServiceTests
{
    private readonly MemoryAudit audit = new();

    private ModuleHarness Harness() => new(extra: s =>
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ai:Provider"] = "offline" }).Build();
        s.AddSingleton<IConfiguration>(configuration);
        s.AddSingleton<IAuditLog>(audit);
        s.AddAiGateway(configuration);
        s.AddReviewDrafting();
    });

    private static async Task<(Guid ReviewId, Guid Manager, Guid Person)> SeedAsync(ModuleHarness h, int peers = 0)
    {
        var manager = Guid.NewGuid();
        var person = Guid.NewGuid();
        using var scope = h.Services.CreateScope();
        var db = h.Get<ReviewsDbContext>(scope);
        var definition = TemplateDefinition.Create(1, 5, null, [new SectionInput("competencies", "C", 1, ["Delivery"], null)]);
        var template = new ReviewTemplate { Name = "T", Definition = definition };
        var cycle = new ReviewCycle { Name = "2026", PeriodStart = new(2026, 1, 1), PeriodEnd = new(2026, 12, 31), TemplateId = template.Id, Phase = ReviewPhase.Manager };
        var review = new Review
        {
            CycleId = cycle.Id, PersonId = person, ManagerId = manager, OverallRating = 4, Narrative = "My own words.",
            ManagerStatus = ManagerReviewStatus.Draft,
        };
        review.Ratings = new Dictionary<Guid, int> { [definition.Competencies.Single().Id] = 4 };
        db.AddRange(template, cycle, review);
        for (var m = 1; m <= 12; m++)
            db.Feedback.Add(new FeedbackItem { FromPersonId = manager, ToPersonId = person, Text = $"Clear incident write-up number {m}.", CreatedAt = new DateTimeOffset(2026, m, 3, 0, 0, 0, TimeSpan.Zero) });
        for (var p = 0; p < peers; p++)
            db.PeerFeedback.Add(new PeerFeedback { ReviewId = review.Id, AuthorId = Guid.NewGuid(), Text = $"Reliable and thorough reviewer, helped with onboarding ({p}).", SubmittedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) });
        await db.SaveChangesAsync();
        var objective = Guid.NewGuid();
        h.Okr.GetPersonObjectivesAsync(person, Arg.Any<DateOnly>(), Arg.Any<DateOnly>(), Arg.Any<CancellationToken>()).Returns(new List<OkrObjectiveSummary>());
        h.Okr.GetAlignmentFindingsAsync(person, Arg.Any<DateOnly>(), Arg.Any<DateOnly>(), Arg.Any<CancellationToken>())
            .Returns([new OkrAlignmentFinding(objective, "NOT_ALIGNED", "warning", "The objective does not support any company objective.")]);
        h.Strategy.GetKpisOwnedByAsync(person, Arg.Any<CancellationToken>()).Returns([]);
        return (review.Id, manager, person);
    }

    [Fact]
    public async Task The_manager_gets_a_stored_cited_draft_that_mentions_the_misaligned_goal_and_others_get_403()
    {
        await using var h = Harness();
        var (reviewId, manager, person) = await SeedAsync(h);

        h.User.PersonId.Returns(manager);
        ReviewDraftDto draft;
        using (var scope = h.Services.CreateScope())
            draft = await h.Get<DraftingService>(scope).DraftAsync(reviewId, default);
        Assert.True(draft.AiGenerated);
        Assert.Equal("offline draft, no language model", draft.Label);
        Assert.Equal("offline", draft.Provider);
        Assert.NotEmpty(draft.Citations);
        Assert.All(draft.Citations, c => Assert.Equal("#" + c.EvidenceId, c.Anchor));
        Assert.Contains(draft.Citations, c => c.Kind == EvidenceKind.Feedback && c.Date == new DateOnly(2026, 1, 3));
        Assert.Contains(draft.Citations, c => c.Kind == EvidenceSampler.AlignmentKind);
        Assert.Contains("not as a judgment", draft.Text);
        using (var scope = h.Services.CreateScope())
        {
            var stored = await h.Get<ReviewsDbContext>(scope).Set<AiDraft>().SingleAsync();
            Assert.Equal(draft.Text, stored.Text);
            Assert.Equal("offline", stored.Provider);
            Assert.Contains("feedback:", stored.EvidenceIdsJson);
        }
        Assert.Contains(audit.Entries, e => e.Action == "reviews.ai.draft_created" && e.After == draft.Text);

        foreach (var other in new[] { person, Guid.NewGuid() })
        {
            h.User.PersonId.Returns(other);
            using var scope = h.Services.CreateScope();
            await Assert.ThrowsAsync<ForbiddenException>(() => h.Get<DraftingService>(scope).DraftAsync(reviewId, default));
        }
        h.User.PersonId.Returns(Guid.NewGuid());
        h.User.IsInRole(Roles.Hr).Returns(true);
        using (var scope = h.Services.CreateScope())
            Assert.NotEmpty((await h.Get<DraftingService>(scope).DraftAsync(reviewId, default)).Sections);
    }

    [Fact]
    public async Task Using_ai_text_makes_the_review_ai_assisted_and_submitting_requires_confirmation_which_the_audit_keeps()
    {
        await using var h = Harness();
        var (reviewId, manager, _) = await SeedAsync(h);
        h.User.PersonId.Returns(manager);
        ReviewDraftDto draft;
        using (var scope = h.Services.CreateScope())
        {
            draft = await h.Get<DraftingService>(scope).DraftAsync(reviewId, default);
            await h.Get<DraftingService>(scope).UseAsync(reviewId, draft.DraftId, default);
        }
        using (var scope = h.Services.CreateScope())
        {
            Assert.True((await h.Get<ReviewsDbContext>(scope).Reviews.FindAsync(reviewId))!.AiAssisted);
            var refused = await Assert.ThrowsAsync<RuleViolationException>(() => h.Get<ReviewsService>(scope).SubmitAsync(reviewId, default));
            Assert.Equal("confirmAiReviewed", refused.Field);
            var notTrue = await Assert.ThrowsAsync<RuleViolationException>(() =>
                h.Get<DraftingService>(scope).ConfirmAsync(reviewId, new AiConfirmationRequest(false), default));
            Assert.Equal("confirmAiReviewed", notTrue.Field);
        }
        using (var scope = h.Services.CreateScope())
        {
            await h.Get<DraftingService>(scope).ConfirmAsync(reviewId, new AiConfirmationRequest(true), default);
            var submitted = await h.Get<ReviewsService>(scope).SubmitAsync(reviewId, default);
            Assert.Equal("submitted", submitted.ManagerStatus);
            Assert.True(submitted.AiAssisted);
            Assert.Equal(4, submitted.OverallRating); // the manager's rating, untouched
        }
        var kept = Assert.Single(audit.Entries, e => e.Action == "reviews.ai.submitted_with_ai_text");
        Assert.Equal(draft.Text, kept.Before);
        Assert.Equal("My own words.", kept.After);
        Assert.Contains(manager.ToString(), kept.DataJson);
    }

    [Fact]
    public async Task Discarding_a_draft_after_inserting_it_keeps_the_review_ai_assisted_and_the_confirmation_required_and_is_audited()
    {
        await using var h = Harness();
        var (reviewId, manager, _) = await SeedAsync(h);
        h.User.PersonId.Returns(manager);
        using (var scope = h.Services.CreateScope())
        {
            var service = h.Get<DraftingService>(scope);
            var draft = await service.DraftAsync(reviewId, default);
            await service.UseAsync(reviewId, draft.DraftId, default);
            Assert.True((await service.DiscardAsync(reviewId, draft.DraftId, default)).AiAssisted);
        }
        using (var scope = h.Services.CreateScope())
        {
            Assert.True((await h.Get<ReviewsDbContext>(scope).Reviews.FindAsync(reviewId))!.AiAssisted);
            var refused = await Assert.ThrowsAsync<RuleViolationException>(() => h.Get<ReviewsService>(scope).SubmitAsync(reviewId, default));
            Assert.Equal("confirmAiReviewed", refused.Field);
        }
        using (var scope = h.Services.CreateScope())
        {
            await h.Get<DraftingService>(scope).ConfirmAsync(reviewId, new AiConfirmationRequest(true), default);
            Assert.True((await h.Get<ReviewsService>(scope).SubmitAsync(reviewId, default)).AiAssisted);
        }
        var discarded = Assert.Single(audit.Entries, e => e.Action == "reviews.ai.draft_discarded");
        Assert.Contains("\"staysAiAssisted\":true", discarded.DataJson);
    }

    [Fact]
    public async Task Discarding_a_draft_that_was_never_inserted_leaves_the_review_without_ai_text()
    {
        await using var h = Harness();
        var (reviewId, manager, _) = await SeedAsync(h);
        h.User.PersonId.Returns(manager);
        using (var scope = h.Services.CreateScope())
        {
            var service = h.Get<DraftingService>(scope);
            var draft = await service.DraftAsync(reviewId, default);
            Assert.False((await service.DiscardAsync(reviewId, draft.DraftId, default)).AiAssisted);
        }
        using (var scope = h.Services.CreateScope())
            Assert.False((await h.Get<ReviewsService>(scope).SubmitAsync(reviewId, default)).AiAssisted);
    }

    [Fact]
    public async Task When_an_administrator_turns_ai_drafting_off_the_draft_is_refused_with_409()
    {
        await using var h = Harness();
        var (reviewId, manager, _) = await SeedAsync(h);
        h.User.PersonId.Returns(manager);
        using (var scope = h.Services.CreateScope())
            await Assert.ThrowsAsync<ForbiddenException>(() => h.Get<DraftingService>(scope).SetSettingsAsync(new AiSettingsRequest(false), default));
        h.User.IsInRole(Roles.Admin).Returns(true);
        using (var scope = h.Services.CreateScope())
            Assert.False((await h.Get<DraftingService>(scope).SetSettingsAsync(new AiSettingsRequest(false), default)).DraftingEnabled);
        h.User.IsInRole(Roles.Admin).Returns(false);
        using (var scope = h.Services.CreateScope())
        {
            var refused = await Assert.ThrowsAsync<ConflictException>(() => h.Get<DraftingService>(scope).DraftAsync(reviewId, default));
            Assert.Contains("turned off", refused.Message);
            Assert.Contains("/ai/transparency", refused.Message);
        }
        Assert.Contains(audit.Entries, e => e.Action == "reviews.ai.settings_changed" && e.After == "drafting off");
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task The_peer_summary_respects_the_anonymity_threshold(int peers, bool shown)
    {
        await using var h = Harness();
        var (reviewId, manager, _) = await SeedAsync(h, peers);
        h.User.PersonId.Returns(manager);
        using var scope = h.Services.CreateScope();
        var summary = await h.Get<DraftingService>(scope).PeerSummaryAsync(reviewId, default);
        Assert.Equal(shown, summary.Shown);
        Assert.Equal(peers, summary.Responses);
        if (shown)
        {
            Assert.Equal("3 peers responded anonymously.", summary.Sentences[0].Text);
            Assert.Contains(summary.Sentences, s => s.Text.Contains("onboarding") && s.Text.StartsWith("Words that recur"));
            Assert.All(summary.Sentences, s => Assert.All(s.EvidenceIds, id => Assert.StartsWith("peer-feedback:", id)));
        }
        else
        {
            Assert.Empty(summary.Sentences);
            Assert.Contains("at least 3 peers", summary.Reason);
        }
    }
}
