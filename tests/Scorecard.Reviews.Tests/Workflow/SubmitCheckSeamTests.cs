using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Platform;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Tests.Workflow;

/// <summary>The seam the AI issue's bias check plugs into: a check runs before submit, sees the evidence, and may stop it.</summary>
public sealed class SubmitCheckSeamTests
{
    private sealed class RecordingCheck(bool block) : IReviewSubmitCheck
    {
        public ReviewSubmitContext? Seen { get; private set; }

        public Task CheckAsync(ReviewSubmitContext context, CancellationToken cancellationToken)
        {
            Seen = context;
            if (block) throw new RuleViolationException("narrative", "Bias check: review the flagged wording first.");
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_registered_check_runs_before_submit_with_the_evidence_and_can_stop_it(bool block)
    {
        var check = new RecordingCheck(block);
        await using var h = new ModuleHarness(extra: s => s.AddSingleton<IReviewSubmitCheck>(check));
        var manager = Guid.NewGuid();
        h.User.PersonId.Returns(manager);
        Guid reviewId;
        using (var scope = h.Services.CreateScope())
        {
            var db = h.Get<ReviewsDbContext>(scope);
            var definition = TemplateDefinition.Create(1, 5, null, [new SectionInput("competencies", "C", 1, ["Delivery"], null)]);
            var template = new ReviewTemplate { Name = "T", Definition = definition };
            var cycle = new ReviewCycle { Name = "H2", PeriodStart = new(2026, 7, 1), PeriodEnd = new(2026, 12, 31), TemplateId = template.Id, Phase = ReviewPhase.Manager };
            var review = new Review
            {
                CycleId = cycle.Id, PersonId = Guid.NewGuid(), ManagerId = manager, OverallRating = 4, Narrative = "Shipped the export API.",
                ManagerStatus = ManagerReviewStatus.Draft, AiAssisted = true,
            };
            review.Ratings = new Dictionary<Guid, int> { [definition.Competencies.Single().Id] = 4 };
            db.AddRange(template, cycle, review);
            db.Feedback.Add(new FeedbackItem { FromPersonId = manager, ToPersonId = review.PersonId, Text = "Evidence", CreatedAt = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero) });
            await db.SaveChangesAsync();
            reviewId = review.Id;
        }

        using (var scope = h.Services.CreateScope())
        {
            var service = h.Get<ReviewsService>(scope);
            if (block) Assert.Equal("narrative", (await Assert.ThrowsAsync<RuleViolationException>(() => service.SubmitAsync(reviewId, default))).Field);
            else Assert.Equal("submitted", (await service.SubmitAsync(reviewId, default)).ManagerStatus);
        }
        Assert.NotNull(check.Seen);
        Assert.True(check.Seen!.AiAssisted);
        Assert.Equal(4, check.Seen.OverallRating);
        Assert.Contains(check.Seen.Evidence, e => e.Kind == EvidenceKind.Feedback && e.Date == new DateOnly(2026, 9, 1));
        using var verify = h.Services.CreateScope();
        var stored = await h.Get<ReviewsDbContext>(verify).Reviews.FindAsync(reviewId);
        Assert.Equal(block ? ManagerReviewStatus.Draft : ManagerReviewStatus.Submitted, stored!.ManagerStatus);
    }
}
