using Scorecard.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Inbox;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Application;

/// <summary>One review's workflow: self-review, peer nominations and feedback, manager review, release, sign-off.</summary>
internal sealed class ReviewsService(
    ReviewsDbContext db,
    ReviewAccess access,
    IOrganizationDirectory directory,
    IAuditLog audit,
    IInbox inbox,
    TimeProvider clock,
    EvidenceService evidence,
    IEnumerable<IReviewSubmitCheck> submitChecks,
    IServiceProvider services,
    UnitOfWork unitOfWork)
{
    /// <summary>
    /// The reviews the caller may see (<see cref="ReviewAccess.RoleAsync"/>: their own, those they write, their reports'
    /// for a manager, all for HR), chosen by the database and read without their answers and ratings.
    /// </summary>
    /// <param name="involvingMe">Only the reviews of the caller and those the caller writes (an HR caller's own work, not every review).</param>
    public async Task<IReadOnlyList<ReviewListItemDto>> ListAsync(Guid? cycleId, Guid? personId, CancellationToken ct, bool involvingMe = false)
    {
        var query = db.Reviews.AsNoTracking();
        var me = access.Actor;
        if (involvingMe)
        {
            query = query.Where(r => r.PersonId == me || r.ManagerId == me);
        }
        else if (!access.IsHr)
        {
            if (me is not { } id) return [];
            var reports = (await access.AllReportsAsync(id, ct)).ToList();
            query = query.Where(r => r.PersonId == id || r.ManagerId == id || reports.Contains(r.PersonId));
        }

        if (cycleId is { } c) query = query.Where(r => r.CycleId == c);
        if (personId is { } p) query = query.Where(r => r.PersonId == p);
        var reviews = await query
            .Select(r => new { r.Id, r.CycleId, r.PersonId, r.ManagerId, r.ManagerStatus, SelfDone = r.SelfCompletedAt != null, r.Released, Acknowledged = r.AcknowledgedAt != null })
            .ToListAsync(ct);
        var cycleIds = reviews.Select(r => r.CycleId).Distinct().ToList();
        var cycles = await db.Cycles.AsNoTracking().Where(x => cycleIds.Contains(x.Id))
            .Select(x => new { x.Id, x.Name, x.PeriodStart, x.Phase }).ToDictionaryAsync(x => x.Id, ct);
        var names = await NamesAsync(reviews.Select(r => r.PersonId), ct);
        return reviews
            .OrderBy(r => cycles[r.CycleId].PeriodStart).ThenBy(r => names.GetValueOrDefault(r.PersonId, ""))
            .Select(r => new ReviewListItemDto(r.Id, r.CycleId, cycles[r.CycleId].Name, r.PersonId, names.GetValueOrDefault(r.PersonId, "?"),
                r.ManagerId, cycles[r.CycleId].Phase, r.ManagerStatus, r.SelfDone, r.Released, r.Acknowledged))
            .ToList();
    }

    public async Task<ReviewDto> GetAsync(Guid id, CancellationToken ct)
    {
        var (review, cycle, template) = await LoadAsync(id, ct);
        var role = await access.RequireReadAsync(review, ct);
        return await ToDtoAsync(review, cycle, template, role, ct);
    }

    public async Task<EvidenceDto> EvidenceAsync(Guid id, CancellationToken ct)
    {
        var (review, cycle, _) = await LoadAsync(id, ct);
        var role = await access.RequireReadAsync(review, ct);
        if (role is ReviewRole.Reviewee)
            throw new ForbiddenException("The evidence panel is for the manager writing the review and HR.");
        var result = await evidence.BuildAsync(review, cycle, access.Me, ct);
        return new EvidenceDto(review.Id, cycle.PeriodStart, cycle.PeriodEnd,
            result.Items.Select(i => new EvidenceItemDto(i.Id, i.Kind, i.Date, i.Text, i.Link)).ToList(), result.Unavailable);
    }

    public async Task<ReviewDto> SaveSelfAsync(Guid id, SelfReviewRequest request, CancellationToken ct)
    {
        var (review, cycle, template) = await LoadAsync(id, ct);
        if (await access.RoleAsync(review, ct) != ReviewRole.Reviewee)
            throw new ForbiddenException("Only the person reviewed writes their self-review.");
        RequireOpen(review, cycle);
        ReviewPhase.Require(cycle.Phase, "writing the self-review", ReviewPhase.Self);
        if (request.Answers is null || request.Answers.Count == 0) throw new BadInputException("answers", "answers is required.");
        if (request.Version is { } selfVersion && selfVersion != review.Version)
            throw new StaleVersionException("Your self-review changed since you loaded it (in another tab or window); nothing was overwritten. Its current answers are shown.",
                new { answers = review.SelfAnswers, version = review.Version });
        var questions = template.Questions.ToDictionary(q => q.Id);
        var answers = review.SelfAnswers;
        for (var i = 0; i < request.Answers.Count; i++)
        {
            var a = request.Answers[i];
            if (a.QuestionId is not { } qid || !questions.ContainsKey(qid))
                throw new BadInputException($"answers[{i}].questionId", $"answers[{i}].questionId is not a question of this review's template.");
            var text = ReviewLimits.Text(a.Text, $"answers[{i}].text", ReviewLimits.AnswerMax, required: false);
            if (text is null) answers.Remove(qid); else answers[qid] = text;
        }
        var now = clock.GetUtcNow();
        review.SelfAnswers = answers;
        review.SelfUpdatedAt = now;
        review.SelfCompletedAt = questions.Keys.All(answers.ContainsKey) ? review.SelfCompletedAt ?? now : null;
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(review, cycle, template, ReviewRole.Reviewee, ct);
    }

    public async Task<IReadOnlyList<NominationDto>> NominateAsync(Guid id, PeerNominationRequest request, CancellationToken ct)
    {
        // Nominations for one review are made one at a time, so the maximum holds under simultaneous requests.
        await unitOfWork.LockAsync<Review>(db, id, ct);
        var (review, cycle, _) = await LoadAsync(id, ct);
        if (await access.RoleAsync(review, ct) != ReviewRole.Reviewee)
            throw new ForbiddenException("Only the person reviewed nominates their peers.");
        RequireOpen(review, cycle);
        ReviewPhase.Require(cycle.Phase, "nominating peers", ReviewPhase.Self, ReviewPhase.Peer);
        if (request.PersonIds is null || request.PersonIds.Count == 0) throw new BadInputException("personIds", "personIds is required.");
        var existing = await db.PeerNominations.Where(n => n.ReviewId == id).ToListAsync(ct);
        var wanted = request.PersonIds.Distinct().Where(p => existing.All(n => n.PeerId != p)).ToList();
        if (wanted.Contains(review.PersonId)) throw new RuleViolationException("personIds", "You cannot nominate yourself as a peer.");
        if (existing.Count + wanted.Count > ReviewLimits.PeerNominationsMax)
            throw new RuleViolationException("personIds", $"A review has at most {ReviewLimits.PeerNominationsMax} peer nominations.");
        var people = (await directory.GetPeopleAsync(wanted, ct)).Where(p => p.Active).Select(p => p.Id).ToHashSet();
        var unknown = wanted.FirstOrDefault(p => !people.Contains(p));
        if (unknown != Guid.Empty) throw new RuleViolationException("personIds", $"Person '{unknown}' does not exist or has left.");
        var now = clock.GetUtcNow();
        foreach (var p in wanted)
            db.PeerNominations.Add(new PeerNomination { ReviewId = id, PeerId = p, NominatedAt = now });
        await db.SaveChangesAsync(ct);
        if (review.ManagerId is { } m && wanted.Count > 0)
            await inbox.NotifyAsync(m, $"reviews:nominations:{review.Id}:{now:yyyyMMdd}", "Peer nominations are waiting for your approval.", $"/reviews/{review.Id}", ct);
        return await NominationsAsync(id, ct);
    }

    public async Task<IReadOnlyList<NominationDto>> DecideAsync(Guid id, Guid nominationId, bool approved, CancellationToken ct)
    {
        var (review, cycle, _) = await LoadAsync(id, ct);
        var role = await access.RoleAsync(review, ct);
        if (role is not (ReviewRole.Manager or ReviewRole.Hr))
            throw new ForbiddenException("Only the reviewee's manager (or HR) approves peer nominations.");
        RequireOpen(review, cycle);
        ReviewPhase.Require(cycle.Phase, "approving peer nominations", ReviewPhase.Self, ReviewPhase.Peer);
        var nomination = await db.PeerNominations.FirstOrDefaultAsync(n => n.Id == nominationId && n.ReviewId == id, ct)
                         ?? throw new NotFoundException("Peer nomination", nominationId);
        nomination.Status = approved ? NominationStatus.Approved : NominationStatus.Declined;
        nomination.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        if (approved)
            await inbox.NotifyAsync(nomination.PeerId, $"reviews:peer-request:{nomination.Id}",
                "You were asked for peer feedback in a review cycle.", "/reviews", ct);
        return await NominationsAsync(id, ct);
    }

    public async Task<IReadOnlyList<PeerRequestDto>> PeerRequestsAsync(CancellationToken ct)
    {
        var me = access.Me;
        var nominations = await db.PeerNominations.AsNoTracking().Where(n => n.PeerId == me && n.Status == NominationStatus.Approved).ToListAsync(ct);
        var reviewIds = nominations.Select(n => n.ReviewId).ToList();
        var reviews = await db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id)).ToListAsync(ct);
        var cycles = await db.Cycles.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var done = (await db.PeerFeedback.AsNoTracking().Where(p => p.AuthorId == me && reviewIds.Contains(p.ReviewId)).Select(p => p.ReviewId).ToListAsync(ct)).ToHashSet();
        var names = await NamesAsync(reviews.Select(r => r.PersonId), ct);
        return reviews.Select(r => new PeerRequestDto(r.Id, r.PersonId, names.GetValueOrDefault(r.PersonId, "?"), cycles[r.CycleId].Name,
            cycles[r.CycleId].Phase, done.Contains(r.Id))).OrderBy(r => r.PersonName).ToList();
    }

    /// <summary>Stores (or replaces) the caller's peer feedback. The author is kept for audit only.</summary>
    public async Task SubmitPeerFeedbackAsync(Guid id, PeerFeedbackRequest request, CancellationToken ct)
    {
        var (review, cycle, _) = await LoadAsync(id, ct);
        var me = access.Me;
        var approved = await db.PeerNominations.AnyAsync(n => n.ReviewId == id && n.PeerId == me && n.Status == NominationStatus.Approved, ct);
        if (!approved) throw new ForbiddenException("Only approved peers give peer feedback on this review.");
        RequireOpen(review, cycle);
        ReviewPhase.Require(cycle.Phase, "giving peer feedback", ReviewPhase.Peer);
        var text = ReviewLimits.Text(request.Text, "text", ReviewLimits.FeedbackTextMax, required: true)!;
        var existing = await db.PeerFeedback.FirstOrDefaultAsync(p => p.ReviewId == id && p.AuthorId == me, ct);
        if (existing is null)
        {
            existing = new PeerFeedback { ReviewId = id, AuthorId = me };
            db.PeerFeedback.Add(existing);
        }
        existing.Text = text;
        existing.SubmittedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.peer_feedback.submitted", "review", id.ToString(), me,
            DataJson: JsonColumn.Write(new { peerFeedbackId = existing.Id })), ct);
    }

    public async Task<ReviewDto> SaveManagerAsync(Guid id, ManagerReviewRequest request, CancellationToken ct)
    {
        var (review, cycle, template) = await LoadAsync(id, ct);
        await RequireWriterAsync(review, ct);
        RequireOpen(review, cycle);
        // A review not submitted when the manager phase ends stays editable through calibration, never stranded.
        ReviewPhase.Require(cycle.Phase, "writing the manager review", ReviewPhase.ManagerWriting);
        if (request.Version is not { } version) throw new BadInputException("version", "version is required: send the version you loaded.");
        if (review.ManagerStatus == ManagerReviewStatus.Submitted)
            throw new ConflictException("This review was already submitted; it can no longer be edited.");
        if (version != review.Version)
            throw new StaleVersionException("Someone else saved this review since you loaded it; nothing was overwritten. The current values are shown with what changed.",
                new { ratings = review.Ratings, review.OverallRating, review.Potential, review.Narrative, review.ManagerStatus, version = review.Version });
        var scale = template.Scale;
        var competencies = template.Competencies.Select(c => c.Id).ToHashSet();
        var ratings = new Dictionary<Guid, int>();
        var list = request.Ratings ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].CompetencyId is not { } cid || !competencies.Contains(cid))
                throw new BadInputException($"ratings[{i}].competencyId", $"ratings[{i}].competencyId is not a competency of this review's template.");
            if (list[i].Rating is not { } r) continue;
            scale.EnsureContains(r, $"ratings[{i}].rating");
            ratings[cid] = r;
        }
        scale.EnsureContains(request.OverallRating, "overallRating");
        if (request.Potential is { } pot && (pot < ReviewLimits.PotentialMin || pot > ReviewLimits.PotentialMax))
            throw new BadInputException("potential", $"potential {pot} is outside 1–3 (low, medium, high).");
        var narrative = ReviewLimits.Text(request.Narrative, "narrative", ReviewLimits.NarrativeMax, required: false);

        review.Ratings = ratings;
        review.OverallRating = request.OverallRating;
        review.Potential = request.Potential;
        review.Narrative = narrative;
        review.ManagerStatus = ManagerReviewStatus.Draft;
        review.ManagerUpdatedAt = clock.GetUtcNow();
        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(review, cycle, template, await access.RoleAsync(review, ct), ct);
    }

    public async Task<ReviewDto> SubmitAsync(Guid id, CancellationToken ct)
    {
        var (review, cycle, template) = await LoadAsync(id, ct);
        await RequireWriterAsync(review, ct);
        RequireOpen(review, cycle);
        ReviewPhase.Require(cycle.Phase, "submitting the manager review", ReviewPhase.ManagerWriting);
        if (review.ManagerStatus == ManagerReviewStatus.Submitted) throw new ConflictException("This review was already submitted.");
        var ratings = review.Ratings;
        var missing = template.Competencies.Where(c => !ratings.ContainsKey(c.Id)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new RuleViolationException("ratings", $"Rate every competency before submitting; missing: {string.Join(", ", missing)}.");
        if (review.OverallRating is null) throw new RuleViolationException("overallRating", "Choose an overall rating before submitting.");
        if (cycle.NineBox && review.Potential is null) throw new RuleViolationException("potential", "This cycle uses a 9-box: rate potential before submitting.");
        if (string.IsNullOrWhiteSpace(review.Narrative)) throw new RuleViolationException("narrative", "Write the narrative before submitting.");

        if (submitChecks.Any())
        {
            var built = await evidence.BuildAsync(review, cycle, access.Me, ct);
            var context = new ReviewSubmitContext(review.Id, review.PersonId, review.ManagerId!.Value, cycle.PeriodStart, cycle.PeriodEnd,
                ratings, review.OverallRating, review.Narrative, review.AiAssisted, built.Items);
            foreach (var check in submitChecks) await check.CheckAsync(context, ct);
        }

        review.ManagerStatus = ManagerReviewStatus.Submitted;
        review.SubmittedAt = clock.GetUtcNow();
        review.SubmittedOverallRating = review.OverallRating;
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.review.submitted", "review", id.ToString(), access.Me,
            After: review.OverallRating?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DataJson: JsonColumn.Write(new { ratings, review.Potential, review.AiAssisted })), ct);
        return await ToDtoAsync(review, cycle, template, await access.RoleAsync(review, ct), ct);
    }

    public async Task<ReviewDto> ReleaseAsync(Guid id, CancellationToken ct)
    {
        var (review, cycle, template) = await LoadAsync(id, ct);
        var role = await access.RoleAsync(review, ct);
        if (role is not (ReviewRole.Manager or ReviewRole.Hr))
            throw new ForbiddenException("Only HR or the reviewee's manager releases a review.");
        RequireOpen(review, cycle);
        ReviewPhase.Require(cycle.Phase, "releasing a review", ReviewPhase.Signoff);
        if (review.ManagerStatus != ManagerReviewStatus.Submitted)
            throw new RuleViolationException("reviewId", "The manager review has not been submitted, so there is nothing to release.");
        if (review.Released) throw new ConflictException("This review was already released.");
        review.ReleasedAt = clock.GetUtcNow();
        review.ReleasedBy = access.Actor;
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.review.released", "review", id.ToString(), access.Actor), ct);
        await inbox.NotifyAsync(review.PersonId, $"reviews:released:{review.Id}", $"Your review in \"{cycle.Name}\" is ready to read and acknowledge.", $"/reviews/{review.Id}", ct);
        return await ToDtoAsync(review, cycle, template, role, ct);
    }

    public async Task<ReviewDto> AcknowledgeAsync(Guid id, AcknowledgeRequest request, CancellationToken ct)
    {
        var (review, cycle, template) = await LoadAsync(id, ct);
        if (await access.RoleAsync(review, ct) != ReviewRole.Reviewee)
            throw new ForbiddenException("Only the person reviewed acknowledges their review.");
        RequireOpen(review, cycle);
        ReviewPhase.Require(cycle.Phase, "acknowledging a review", ReviewPhase.Signoff);
        if (!review.Released) throw new ConflictException("This review has not been released yet.");
        var comment = ReviewLimits.Text(request.Comment, "comment", ReviewLimits.CommentMax, required: false);
        review.AcknowledgedAt = clock.GetUtcNow();
        review.AcknowledgementComment = comment;
        review.Locked = true;
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.review.acknowledged", "review", id.ToString(), access.Me, After: comment), ct);
        return await ToDtoAsync(review, cycle, template, ReviewRole.Reviewee, ct);
    }

    /// <summary>
    /// HR names the reviewer: for a participant the org chart left without one, or instead of the current one.
    /// The reviewer reads the person's evidence and private feedback, so replacing a reviewer, or naming someone
    /// outside the person's manager chain, needs a reason; every change is audited with it.
    /// </summary>
    public async Task<ReviewDto> AssignReviewerAsync(Guid id, AssignReviewerRequest request, CancellationToken ct)
    {
        access.RequireHr();
        var (review, cycle, template) = await LoadAsync(id, ct);
        RequireOpen(review, cycle);
        if (request.ManagerId is not { } managerId) throw new BadInputException("managerId", "managerId is required.");
        if (managerId == review.PersonId) throw new RuleViolationException("managerId", "A person cannot review themselves.");
        if (await directory.GetPersonAsync(managerId, ct) is not { Active: true })
            throw new RuleViolationException("managerId", $"Person '{managerId}' does not exist or has left.");
        var reason = request.Reason?.Trim();
        if (reason is { Length: > 1000 }) throw new BadInputException("reason", "reason is longer than 1000 characters.");
        var replacing = review.ManagerId is { } current && current != managerId;
        var inChain = await directory.IsInManagerChainAsync(managerId, review.PersonId, ct);
        if ((replacing || !inChain) && string.IsNullOrEmpty(reason))
            throw new BadInputException("reason", replacing
                ? "Replacing a reviewer needs a reason: the new reviewer reads this person's evidence and private feedback."
                : "A reviewer outside the person's manager chain needs a reason: they read this person's evidence and private feedback.");
        var before = review.ManagerId;
        review.ManagerId = managerId;
        review.Version = Guid.NewGuid();
        var without = cycle.WithoutManager;
        without.Remove(review.PersonId);
        cycle.WithoutManager = without;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.review.reviewer_assigned", "review", id.ToString(), access.Actor,
            Before: before?.ToString(), After: managerId.ToString(), Reason: string.IsNullOrEmpty(reason) ? null : reason), ct);
        return await ToDtoAsync(review, cycle, template, await access.RoleAsync(review, ct), ct);
    }

    private async Task RequireWriterAsync(Review review, CancellationToken ct)
    {
        if (await access.RoleAsync(review, ct) != ReviewRole.Manager)
            throw new ForbiddenException("Only the reviewee's manager writes the manager review; others read it.");
    }

    private static void RequireOpen(Review review, ReviewCycle cycle)
    {
        if (cycle.Phase == ReviewPhase.Closed) throw new ConflictException("The cycle is in the 'closed' phase; everything in it is locked.");
        if (review.Locked) throw new ConflictException("This review was acknowledged and is locked.");
    }

    public async Task<(Review Review, ReviewCycle Cycle, TemplateDefinition Template)> LoadAsync(Guid id, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Review", id);
        var cycle = await db.Cycles.FirstAsync(c => c.Id == review.CycleId, ct);
        var template = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition;
        return (review, cycle, template);
    }

    private async Task<IReadOnlyList<NominationDto>> NominationsAsync(Guid reviewId, CancellationToken ct)
    {
        var nominations = await db.PeerNominations.AsNoTracking().Where(n => n.ReviewId == reviewId).ToListAsync(ct);
        var names = await NamesAsync(nominations.Select(n => n.PeerId), ct);
        return nominations.OrderBy(n => names.GetValueOrDefault(n.PeerId, ""))
            .Select(n => new NominationDto(n.Id, n.PeerId, names.GetValueOrDefault(n.PeerId, "?"), n.Status)).ToList();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await directory.GetPeopleAsync(ids, ct)).ToDictionary(p => p.Id, p => p.Name);

    public async Task<IReadOnlyList<ReviewGoalDto>> GoalsAsync(Review review, ReviewCycle cycle, CancellationToken ct)
    {
        if (services.GetService<IOkrReader>() is not { } okr) return [];
        try
        {
            return (await okr.GetPersonObjectivesAsync(review.PersonId, cycle.PeriodStart, cycle.PeriodEnd, ct))
                .Where(o => !o.Archived)
                .Select(o => new ReviewGoalDto(o.Id, o.Title, o.Period, o.Progress, o.Grade, o.Status)).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [];
        }
    }

    public async Task<ReviewDto> ToDtoAsync(Review review, ReviewCycle cycle, TemplateDefinition template, ReviewRole role, CancellationToken ct)
    {
        var managerPart = role is ReviewRole.Manager or ReviewRole.Hr or ReviewRole.IndirectManager || review.Released;
        var ratings = review.Ratings;
        var answers = review.SelfAnswers;
        var names = await NamesAsync(new[] { review.PersonId }.Concat(review.ManagerId is { } m ? [m] : []), ct);
        var goals = await GoalsAsync(review, cycle, ct);
        var peer = await db.PeerFeedback.AsNoTracking().Where(p => p.ReviewId == review.Id).Select(p => new { p.Id, p.Text }).ToListAsync(ct);
        var shown = peer.Count >= cycle.PeerAnonymityThreshold;
        var peerDto = new PeerFeedbackSummaryDto(peer.Count, cycle.PeerAnonymityThreshold, shown,
            shown ? peer.OrderBy(p => p.Id).Select(p => new PeerFeedbackTextDto(p.Id, p.Text)).ToList() : []);
        var competencies = template.Sections.SelectMany(s => s.Competencies.Select(c =>
            new ReviewCompetencyDto(c.Id, s.Id, c.Name, managerPart && ratings.TryGetValue(c.Id, out var r) ? r : null))).ToList();
        var questions = template.Sections.SelectMany(s => s.Questions.Select(q =>
            new ReviewQuestionDto(q.Id, s.Id, q.Text, answers.GetValueOrDefault(q.Id)))).ToList();
        double? goalProgress = goals.Count == 0 ? null : goals.Average(g => g.Progress);
        var open = cycle.Phase != ReviewPhase.Closed && !review.Locked;
        // The person reviewed sees the potential rating and the computed score only when the template says so.
        bool employeeMaySee(bool allowed) => role != ReviewRole.Reviewee || allowed;
        return new ReviewDto(review.Id, cycle.Id, cycle.Name, review.PersonId, names.GetValueOrDefault(review.PersonId, "?"),
            review.ManagerId, review.ManagerId is { } mid ? names.GetValueOrDefault(mid) : null,
            cycle.Phase, cycle.PeriodStart, cycle.PeriodEnd, ToDto(template.Scale), cycle.NineBox,
            competencies, questions, goals, review.SelfCompletedAt is not null,
            review.ManagerStatus, managerPart,
            managerPart ? review.OverallRating : null, managerPart && employeeMaySee(template.EmployeeSeesPotential) ? review.Potential : null,
            managerPart ? review.Narrative : null,
            managerPart && employeeMaySee(template.EmployeeSeesScore) ? template.ComputedScore(ratings, goalProgress) : null,
            managerPart && review.Calibrated, managerPart && review.AiAssisted,
            review.Released, review.ReleasedAt, review.AcknowledgedAt is not null, review.AcknowledgementComment, review.Locked || cycle.Phase == ReviewPhase.Closed,
            review.Version, peerDto,
            role is ReviewRole.Reviewee or ReviewRole.Manager or ReviewRole.Hr or ReviewRole.IndirectManager ? await NominationsAsync(review.Id, ct) : [],
            open && role == ReviewRole.Manager && ReviewPhase.ManagerWriting.Contains(cycle.Phase) && review.ManagerStatus != ManagerReviewStatus.Submitted,
            open && role == ReviewRole.Reviewee && cycle.Phase == ReviewPhase.Self,
            open && role == ReviewRole.Reviewee && cycle.Phase == ReviewPhase.Signoff && review.Released);
    }

    public static ScaleDto ToDto(ScaleDefinition s) => new(s.Min, s.Max, s.Labels);
}
