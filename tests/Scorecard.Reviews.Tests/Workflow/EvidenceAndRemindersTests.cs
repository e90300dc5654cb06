using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Scorecard.Okr.Contracts;
using Scorecard.Platform;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api.Models;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Reviews.Tests.Workflow;

public sealed class EvidenceAndRemindersTests
{
    private static readonly DateOnly Start = new(2026, 7, 1), End = new(2026, 12, 31);

    private static async Task<(ReviewCycle Cycle, Review Review, Guid Person, Guid Manager)> SeedAsync(ModuleHarness h, string phase = ReviewPhase.Manager,
        DateOnly? selfDeadline = null, int peerResponses = 0)
    {
        using var scope = h.Services.CreateScope();
        var db = h.Get<ReviewsDbContext>(scope);
        var definition = TemplateDefinition.Create(1, 5, null,
            [new SectionInput("competencies", "C", 1, ["Delivery"], null), new SectionInput("questions", "Q", 0, null, ["What did you achieve?"])]);
        var template = new ReviewTemplate { Name = "T", Definition = definition };
        var (person, manager) = (Guid.NewGuid(), Guid.NewGuid());
        var cycle = new ReviewCycle { Name = "H2", PeriodStart = Start, PeriodEnd = End, TemplateId = template.Id, Phase = phase, SelfDeadline = selfDeadline };
        var review = new Review { CycleId = cycle.Id, PersonId = person, ManagerId = manager };
        var q = definition.Questions.Single().Id;
        review.SelfAnswers = new Dictionary<Guid, string> { [q] = "Shipped the export API." };
        review.SelfUpdatedAt = new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.Zero);
        db.AddRange(template, cycle, review);
        db.Feedback.AddRange(
            new FeedbackItem { FromPersonId = manager, ToPersonId = person, Text = "In the period", CreatedAt = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.Zero) },
            new FeedbackItem { FromPersonId = manager, ToPersonId = person, Text = "Before the period", CreatedAt = new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero) },
            new FeedbackItem { FromPersonId = manager, ToPersonId = person, Kind = FeedbackKind.Note, Visibility = "private", Text = "Manager's note", CreatedAt = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero) });
        for (var i = 0; i < peerResponses; i++)
            db.PeerFeedback.Add(new PeerFeedback { ReviewId = review.Id, AuthorId = Guid.NewGuid(), Text = $"Peer {i}", SubmittedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero) });
        await db.SaveChangesAsync();
        return (cycle, review, person, manager);
    }

    private static OkrObjectiveSummary Objective(Guid owner) => new(Guid.NewGuid(), "Cut build time", "individual", "2026-Q3",
        new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), owner, null, "committed", 0.8, 0.8, "on_track", false,
        [new OkrKeyResultSummary(Guid.NewGuid(), "p95 build minutes", "metric", 14, 6, 7, "min", 0.9, new DateOnly(2026, 9, 30),
            [new OkrCheckInSummary(Guid.NewGuid(), new DateOnly(2026, 8, 15), 9, 7, "caching landed", owner),
             new OkrCheckInSummary(Guid.NewGuid(), new DateOnly(2026, 6, 20), 13, 5, null, owner)])]);

    [Fact]
    public async Task Evidence_comes_dated_from_the_OKR_and_strategy_contracts_and_the_module_s_own_records()
    {
        await using var h = new ModuleHarness();
        var (cycle, review, person, manager) = await SeedAsync(h, peerResponses: 3);
        var objective = Objective(person);
        h.Okr.GetPersonObjectivesAsync(person, Start, End, Arg.Any<CancellationToken>()).Returns([objective]);
        var kpi = new KpiSummary(Guid.NewGuid(), Guid.NewGuid(), "Deploy frequency", "per week", person, "up", 2, 10, 8, new DateOnly(2026, 11, 2), 0.75, 0.8, "green");
        h.Strategy.GetKpisOwnedByAsync(person, Arg.Any<CancellationToken>()).Returns([kpi]);
        h.Strategy.GetMeasurementsAsync(kpi.Id, Start, End, Arg.Any<CancellationToken>()).Returns([new KpiMeasurementPoint(new DateOnly(2026, 10, 1), 7, null)]);

        using var scope = h.Services.CreateScope();
        var result = await h.Get<EvidenceService>(scope).BuildAsync(review, cycle, manager, default);
        var items = result.Items;

        Assert.Empty(result.Unavailable);
        Assert.Equal(items.OrderBy(i => i.Date).Select(i => i.Id), items.Select(i => i.Id));
        Assert.Contains(items, i => i.Kind == EvidenceKind.OkrObjective && i.Id == $"okr-objective:{objective.Id}" && i.Date == new DateOnly(2026, 7, 1));
        var checkIn = Assert.Single(items, i => i.Kind == EvidenceKind.OkrCheckIn);   // the June check-in lies before the period
        Assert.Equal(new DateOnly(2026, 8, 15), checkIn.Date);
        Assert.Contains("caching landed", checkIn.Text);
        Assert.Contains(items, i => i.Kind == EvidenceKind.Kpi && i.Date == new DateOnly(2026, 11, 2) && i.Text.Contains("Deploy frequency"));
        Assert.Contains(items, i => i.Kind == EvidenceKind.KpiMeasurement && i.Id == $"kpi-measurement:{kpi.Id}:2026-10-01");
        Assert.Single(items, i => i.Kind == EvidenceKind.Feedback && i.Text.EndsWith("In the period"));
        Assert.DoesNotContain(items, i => i.Text.Contains("Before the period"));
        Assert.Single(items, i => i.Kind == EvidenceKind.Note);                      // the manager reads their own note
        Assert.Single(items, i => i.Kind == EvidenceKind.SelfReview && i.Date == new DateOnly(2026, 10, 12));
        Assert.Equal(3, items.Count(i => i.Kind == EvidenceKind.PeerFeedback));

        var other = await h.Get<EvidenceService>(scope).BuildAsync(review, cycle, Guid.NewGuid(), default);
        Assert.DoesNotContain(other.Items, i => i.Kind == EvidenceKind.Note);          // nobody else reads it
        Assert.Equal(items.Where(i => i.Kind != EvidenceKind.Note).Select(i => i.Id), other.Items.Select(i => i.Id));   // stable ids
    }

    [Fact]
    public async Task Peer_feedback_below_the_threshold_stays_out_and_a_failing_neighbour_is_reported_not_fatal()
    {
        await using var h = new ModuleHarness();
        var (cycle, review, person, manager) = await SeedAsync(h, peerResponses: 2);
        h.Okr.GetPersonObjectivesAsync(person, Start, End, Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("down"));
        h.Strategy.GetKpisOwnedByAsync(person, Arg.Any<CancellationToken>()).Returns([]);
        using var scope = h.Services.CreateScope();
        var result = await h.Get<EvidenceService>(scope).BuildAsync(review, cycle, manager, default);
        Assert.Equal(["okr"], result.Unavailable);
        Assert.DoesNotContain(result.Items, i => i.Kind == EvidenceKind.PeerFeedback);
        Assert.Contains(result.Items, i => i.Kind == EvidenceKind.Feedback);
    }

    [Fact]
    public async Task Reminders_go_out_before_and_after_a_deadline_once_per_person_per_deadline()
    {
        await using var h = new ModuleHarness();
        var deadline = new DateOnly(2026, 10, 31);
        var (cycle, review, person, _) = await SeedAsync(h, ReviewPhase.Self, deadline);
        using (var scope = h.Services.CreateScope())
        {
            var db = h.Get<ReviewsDbContext>(scope);
            var open = new Review { CycleId = cycle.Id, PersonId = Guid.NewGuid(), ManagerId = Guid.NewGuid() };
            db.Reviews.Add(open);
            var done = await db.Reviews.FindAsync(review.Id);
            done!.SelfCompletedAt = DateTimeOffset.UtcNow;   // Person has written theirs: no reminder for them
            await db.SaveChangesAsync();
        }
        async Task<int> Run(DateOnly day)
        {
            using var scope = h.Services.CreateScope();
            return await h.Get<ReviewReminders>(scope).RunAsync(day);
        }
        Assert.Equal(0, await Run(deadline.AddDays(-4)));
        Assert.Equal(1, await Run(deadline.AddDays(-3)));
        Assert.Equal(0, await Run(deadline.AddDays(-3)));   // the same day again
        Assert.Equal(0, await Run(deadline));               // still "due": already reminded
        Assert.Equal(1, await Run(deadline.AddDays(1)));    // overdue, once
        Assert.Equal(0, await Run(deadline.AddDays(8)));
        Assert.Equal(2, h.Inbox.Sent.Count);
        Assert.DoesNotContain(h.Inbox.Sent, s => s.Person == person);
        Assert.StartsWith("Reminder", h.Inbox.Sent[0].Text);
        Assert.StartsWith("Overdue", h.Inbox.Sent[1].Text);
    }

    [Fact]
    public async Task Feedback_links_are_checked_through_the_neighbours_contracts()
    {
        await using var h = new ModuleHarness();
        var (me, to) = (Guid.NewGuid(), Guid.NewGuid());
        h.User.PersonId.Returns(me);
        h.Directory.GetPersonAsync(to, Arg.Any<CancellationToken>()).Returns(ModuleHarness.Person(to));
        var known = Objective(to);
        h.Okr.GetObjectiveAsync(known.Id, Arg.Any<CancellationToken>()).Returns(known);
        using var scope = h.Services.CreateScope();
        var feedback = h.Get<FeedbackService>(scope);

        var linked = await feedback.GiveAsync(new GiveFeedbackRequest(to, "Cut p95 build time from 14 to 6 minutes.", "shared", "praise", known.Id, null, null, null), default);
        Assert.Equal(known.Id, linked.OkrObjectiveId);
        var unknown = await Assert.ThrowsAsync<RuleViolationException>(() =>
            feedback.GiveAsync(new GiveFeedbackRequest(to, "x", "shared", "feedback", Guid.NewGuid(), null, null, null), default));
        Assert.Equal("okrObjectiveId", unknown.Field);
        var kpi = await Assert.ThrowsAsync<RuleViolationException>(() =>
            feedback.GiveAsync(new GiveFeedbackRequest(to, "x", "shared", "feedback", null, Guid.NewGuid(), null, null), default));
        Assert.Equal("kpiId", kpi.Field);
        Assert.Single(h.Inbox.Sent);   // only the accepted one notified the person
    }

    [Fact]
    public async Task Without_the_OKR_module_an_OKR_link_cannot_be_checked_and_is_refused()
    {
        await using var h = new ModuleHarness(withOkr: false);
        var (me, to) = (Guid.NewGuid(), Guid.NewGuid());
        h.User.PersonId.Returns(me);
        h.Directory.GetPersonAsync(to, Arg.Any<CancellationToken>()).Returns(ModuleHarness.Person(to));
        using var scope = h.Services.CreateScope();
        var e = await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.Get<FeedbackService>(scope).GiveAsync(new GiveFeedbackRequest(to, "x", null, null, Guid.NewGuid(), null, null, null), default));
        Assert.Equal("okrObjectiveId", e.Field);
    }
}
