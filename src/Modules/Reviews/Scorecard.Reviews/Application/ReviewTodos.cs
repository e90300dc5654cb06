using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Security;
using Scorecard.Platform.Todos;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Application;

/// <summary>
/// The review work waiting for the current person: their self-review, peer feedback they were asked for, manager
/// reviews to write, nominations to approve, released reviews to acknowledge, feedback requests to answer; and for
/// HR, each open cycle's completion and the people it found without a manager. Reads only the person's own rows.
/// </summary>
internal sealed class ReviewTodos(ReviewsDbContext db, ICurrentUser user, IOrganizationDirectory directory) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> TodosAsync(CancellationToken ct)
    {
        var todos = new List<TodoItem>();
        var open = await db.Cycles.AsNoTracking()
            .Where(c => c.Phase != ReviewPhase.Draft && c.Phase != ReviewPhase.Closed).ToDictionaryAsync(c => c.Id, ct);
        var openIds = open.Keys.ToList();
        if (user.PersonId is { } me && openIds.Count > 0)
        {
            var mine = await db.Reviews.AsNoTracking()
                .Where(r => openIds.Contains(r.CycleId) && !r.Locked && (r.PersonId == me || r.ManagerId == me)).ToListAsync(ct);
            var nominations = await (from n in db.PeerNominations.AsNoTracking()
                                     join r in db.Reviews.AsNoTracking() on n.ReviewId equals r.Id
                                     where openIds.Contains(r.CycleId) && !r.Locked
                                           && ((n.PeerId == me && n.Status == NominationStatus.Approved)
                                               || (r.ManagerId == me && n.Status == NominationStatus.Nominated))
                                     select new { n.ReviewId, n.PeerId, n.Status, r.PersonId, r.CycleId }).ToListAsync(ct);
            var answered = (await db.PeerFeedback.AsNoTracking().Where(p => p.AuthorId == me).Select(p => p.ReviewId).ToListAsync(ct)).ToHashSet();
            var names = (await directory.GetPeopleAsync(mine.Select(r => r.PersonId).Concat(nominations.Select(n => n.PersonId)).Distinct().ToList(), ct))
                .ToDictionary(p => p.Id, p => p.Name);
            string Name(Guid id) => names.GetValueOrDefault(id, "someone");

            foreach (var r in mine)
            {
                var cycle = open[r.CycleId];
                if (r.PersonId == me && cycle.Phase == ReviewPhase.Self && r.SelfCompletedAt is null)
                    todos.Add(new("self-review", $"Write your self-review — {cycle.Name}", $"/reviews/{r.Id}", cycle.SelfDeadline));
                if (r.PersonId == me && r.ReleasedAt is not null && r.AcknowledgedAt is null)
                    todos.Add(new("acknowledge-review", $"Read and acknowledge your review — {cycle.Name}", $"/reviews/{r.Id}", cycle.SignoffDeadline));
                if (r.ManagerId == me && r.PersonId != me && r.ManagerStatus != ManagerReviewStatus.Submitted
                    && ReviewPhase.IndexOf(cycle.Phase) >= ReviewPhase.IndexOf(ReviewPhase.Self))
                    todos.Add(new("manager-review", $"Review {Name(r.PersonId)} — {cycle.Name}", $"/reviews/{r.Id}", cycle.ManagerDeadline,
                        r.ManagerStatus == ManagerReviewStatus.Draft ? "draft saved" : "not started"));
            }

            foreach (var n in nominations)
            {
                var cycle = open[n.CycleId];
                if (n.PeerId == me && n.Status == NominationStatus.Approved && cycle.Phase == ReviewPhase.Peer && !answered.Contains(n.ReviewId))
                    todos.Add(new("peer-feedback", $"Give peer feedback on {Name(n.PersonId)} — {cycle.Name}", "/reviews", cycle.PeerDeadline));
            }
            foreach (var group in nominations.Where(n => n.Status == NominationStatus.Nominated && n.PeerId != me).GroupBy(n => n.ReviewId))
            {
                var first = group.First();
                var cycle = open[first.CycleId];
                todos.Add(new("nomination-approval", $"Approve or decline {group.Count()} peer nomination(s) for {Name(first.PersonId)}",
                    $"/reviews/{first.ReviewId}", cycle.SelfDeadline ?? cycle.PeerDeadline));
            }
        }

        if (user.PersonId is { } asked)
        {
            // Open requests to one person are few; SQLite cannot order by a DateTimeOffset, so they are ordered here.
            var requests = (await db.FeedbackRequests.AsNoTracking()
                .Where(q => q.AskedPersonId == asked && q.AnsweredFeedbackId == null).ToListAsync(ct))
                .OrderBy(q => q.CreatedAt).Take(20).ToList();
            var requesters = (await directory.GetPeopleAsync(requests.Select(q => q.RequesterId).Distinct().ToList(), ct)).ToDictionary(p => p.Id, p => p.Name);
            todos.AddRange(requests.Select(q => new TodoItem("feedback-request",
                $"{requesters.GetValueOrDefault(q.RequesterId, "Someone")} asked for your feedback", "/feedback", null, q.Question)));
        }

        if (user.IsHrOrAdmin())
            await AddHrTodosAsync(todos, open.Values.ToList(), ct);
        return todos;
    }

    private async Task AddHrTodosAsync(List<TodoItem> todos, List<ReviewCycle> open, CancellationToken ct)
    {
        var ids = open.Select(c => c.Id).ToList();
        var counts = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.CycleId))
            .GroupBy(r => r.CycleId)
            .Select(g => new { Cycle = g.Key, Total = g.Count(), Submitted = g.Count(r => r.ManagerStatus == ManagerReviewStatus.Submitted) })
            .ToDictionaryAsync(x => x.Cycle, ct);
        foreach (var cycle in open.OrderBy(c => c.Name))
        {
            var c = counts.GetValueOrDefault(cycle.Id);
            var (total, submitted) = c is null ? (0, 0) : (c.Total, c.Submitted);
            todos.Add(new("cycle", $"{cycle.Name}: {cycle.Phase} phase, {submitted} of {total} manager reviews submitted",
                $"/reviews/cycles/{cycle.Id}", cycle.DeadlineOf(cycle.Phase),
                total == 0 ? null : $"{Math.Round(100.0 * submitted / total)} % complete"));
            var without = cycle.WithoutManager;
            if (without.Count == 0) continue;
            var names = (await directory.GetPeopleAsync(without.Take(10).ToList(), ct)).Select(p => p.Name);
            todos.Add(new("without-manager", $"{without.Count} people in {cycle.Name} have no manager", $"/reviews/cycles/{cycle.Id}", null,
                string.Join(", ", names) + (without.Count > 10 ? ", …" : "")));
        }
    }
}

/// <summary>The review part of the setup checklist: a review cycle exists.</summary>
internal sealed class ReviewSetupProgress(ReviewsDbContext db) : ISetupProgress
{
    public async Task<IReadOnlyList<SetupStep>> StepsAsync(CancellationToken ct) =>
        [new("cycle", "Launch a review cycle", await db.Cycles.AnyAsync(c => c.Phase != ReviewPhase.Draft, ct), "/reviews", 50)];
}
