using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Inbox;
using Scorecard.Platform.Persistence;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Application;

/// <summary>What HR does with templates and cycles: create, launch, move phase by phase, calibrate, close, export.</summary>
internal sealed class CyclesService(
    ReviewsDbContext db,
    ReviewAccess access,
    IOrganizationDirectory directory,
    IAuditLog audit,
    IInbox inbox,
    TimeProvider clock,
    UnitOfWork unitOfWork,
    ReviewReminders reminders)
{
    public async Task<CycleDto> CreateCycleAsync(CreateCycleRequest request, CancellationToken ct)
    {
        access.RequireHr();
        var name = ReviewLimits.Text(request.Name, "name", ReviewLimits.NameMax, required: true)!;
        if (request.PeriodStart is not { } start) throw new BadInputException("periodStart", "periodStart is required.");
        if (request.PeriodEnd is not { } end) throw new BadInputException("periodEnd", "periodEnd is required.");
        if (end < start) throw new BadInputException("periodEnd", "periodEnd must not be before periodStart.");
        if (request.TemplateId is not { } templateId) throw new BadInputException("templateId", "templateId is required.");
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct)
            ?? throw new RuleViolationException("templateId", $"Review template '{templateId}' does not exist.");
        var threshold = request.PeerAnonymityThreshold ?? ReviewLimits.PeerAnonymityThreshold;
        if (threshold < ReviewLimits.PeerAnonymityThreshold || threshold > ReviewLimits.PeerNominationsMax)
            throw new BadInputException("peerAnonymityThreshold",
                $"peerAnonymityThreshold must be between {ReviewLimits.PeerAnonymityThreshold} and {ReviewLimits.PeerNominationsMax}: fewer responses could name their authors.");
        var excluded = (request.ExcludedPersonIds ?? []).Distinct().ToList();
        var units = (request.OrgUnitIds ?? []).Distinct().ToList();
        var people = (request.PersonIds ?? []).Distinct().ToList();
        if (units.Count == 0 && people.Count == 0)
            throw new BadInputException("orgUnitIds", "Name the population: orgUnitIds and/or personIds.");
        var knownUnits = (await directory.GetUnitsAsync(ct)).Select(u => u.Id).ToHashSet();
        var badUnit = units.FirstOrDefault(u => !knownUnits.Contains(u));
        if (badUnit != Guid.Empty) throw new RuleViolationException("orgUnitIds", $"Org unit '{badUnit}' does not exist.");
        var knownPeople = (await directory.GetPeopleAsync(people, ct)).Select(p => p.Id).ToHashSet();
        var knownExcluded = (await directory.GetPeopleAsync(excluded, ct)).Select(p => p.Id).ToHashSet();
        var badExcluded = excluded.FirstOrDefault(p => !knownExcluded.Contains(p));
        if (badExcluded != Guid.Empty) throw new RuleViolationException("excludedPersonIds", $"Person '{badExcluded}' does not exist.");
        var badPerson = people.FirstOrDefault(p => !knownPeople.Contains(p));
        if (badPerson != Guid.Empty) throw new RuleViolationException("personIds", $"Person '{badPerson}' does not exist.");
        var cycle = new ReviewCycle
        {
            Name = name, PeriodStart = start, PeriodEnd = end, TemplateId = templateId, NineBox = request.NineBox ?? template.Definition.NineBox,
            OrgUnitIds = units, PersonIds = people, ExcludedPersonIds = excluded, PeerAnonymityThreshold = threshold, CreatedBy = access.Actor, CreatedAt = clock.GetUtcNow(),
        };
        var d = request.Deadlines;
        cycle.SelfDeadline = d?.Self;
        cycle.PeerDeadline = d?.Peer;
        cycle.ManagerDeadline = d?.Manager;
        cycle.CalibrationDeadline = d?.Calibration;
        cycle.SignoffDeadline = d?.Signoff;
        DateOnly? previous = null;
        foreach (var phase in ReviewPhase.WithDeadlines)
        {
            if (cycle.DeadlineOf(phase) is not { } date) continue;
            if (previous is { } p && date < p) throw new BadInputException($"deadlines.{phase}", $"The {phase} deadline comes before an earlier phase's deadline.");
            previous = date;
        }
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.cycle.created", "review_cycle", cycle.Id.ToString(), access.Actor, After: name), ct);
        return await ToDtoAsync(cycle, ct);
    }

    public async Task<IReadOnlyList<CycleDto>> ListCyclesAsync(CancellationToken ct)
    {
        var cycles = await db.Cycles.AsNoTracking().ToListAsync(ct);
        var list = new List<CycleDto>();
        foreach (var c in cycles.OrderByDescending(c => c.PeriodStart)) list.Add(await ToDtoAsync(c, ct));
        return list;
    }

    public async Task<CycleDto> GetCycleAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindAsync(id, ct), ct);

    /// <summary>One review per participant, the manager from the org chart; people without one are listed, not skipped.</summary>
    public async Task<LaunchResultDto> LaunchAsync(Guid id, CancellationToken ct)
    {
        access.RequireHr();
        await unitOfWork.LockAsync<ReviewCycle>(db, id, ct);
        var cycle = await FindAsync(id, ct);
        ReviewPhase.Require(cycle.Phase, "launching", ReviewPhase.Draft);
        var participants = await ParticipantsAsync(cycle, ct);
        if (participants.Count == 0) throw new RuleViolationException("orgUnitIds", "The cycle's population has no active people.");
        foreach (var p in participants)
            db.Reviews.Add(new Review { CycleId = cycle.Id, PersonId = p.Id, ManagerId = p.ManagerId });
        var without = participants.Where(p => p.ManagerId is null).ToList();
        cycle.WithoutManager = without.Select(p => p.Id).ToList();
        cycle.Phase = ReviewPhase.Self;
        cycle.LaunchedAt = clock.GetUtcNow();
        cycle.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.cycle.launched", "review_cycle", cycle.Id.ToString(), access.Actor,
            Before: ReviewPhase.Draft, After: ReviewPhase.Self,
            DataJson: JsonColumn.Write(new { reviews = participants.Count, withoutManager = cycle.WithoutManager })), ct);
        foreach (var p in participants)
            await inbox.NotifyAsync(p.Id, $"reviews:launched:{cycle.Id}:{p.Id}", $"\"{cycle.Name}\" has started: write your self-review.", "/reviews", ct);
        return new LaunchResultDto(cycle.Id, cycle.Phase, participants.Count, without.Select(p => new PersonRefDto(p.Id, p.Name)).ToList());
    }

    /// <summary>
    /// Moves the cycle one step on from <paramref name="from"/>, the phase the caller saw. The cycle row is locked first,
    /// so of several requests with the same <c>from</c> exactly one moves it; the others get 409 naming the phase it is in now.
    /// </summary>
    /// <summary>Who a launch would include, their reviewer, and who has none — before anything is created.</summary>
    public async Task<CyclePreviewDto> PreviewAsync(Guid id, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await FindAsync(id, ct);
        var participants = await ParticipantsAsync(cycle, ct);
        var managers = (await directory.GetPeopleAsync(participants.Where(p => p.ManagerId != null).Select(p => p.ManagerId!.Value).Distinct(), ct))
            .ToDictionary(p => p.Id, p => p.Name);
        var excluded = (await directory.GetPeopleAsync(cycle.ExcludedPersonIds, ct)).Select(p => new PersonRefDto(p.Id, p.Name)).OrderBy(p => p.Name).ToList();
        return new CyclePreviewDto(cycle.Id, cycle.Phase,
            participants.Select(p => new PreviewParticipantDto(p.Id, p.Name, p.ManagerId, p.ManagerId is { } m ? managers.GetValueOrDefault(m, "?") : null)).ToList(),
            participants.Where(p => p.ManagerId is null).Select(p => new PersonRefDto(p.Id, p.Name)).ToList(), excluded);
    }

    /// <summary>The active people of the cycle's units (with sub-units) and named people, minus the exclusions.</summary>
    private async Task<List<PersonSummary>> ParticipantsAsync(ReviewCycle cycle, CancellationToken ct)
    {
        var population = new Dictionary<Guid, PersonSummary>();
        foreach (var unit in cycle.OrgUnitIds)
            foreach (var p in await directory.GetPeopleInUnitAsync(unit, includeSubUnits: true, ct))
                population[p.Id] = p;
        foreach (var p in await directory.GetPeopleAsync(cycle.PersonIds, ct)) population[p.Id] = p;
        foreach (var x in cycle.ExcludedPersonIds) population.Remove(x);
        return population.Values.Where(p => p.Active).OrderBy(p => p.Name).ToList();
    }

    public async Task<PhaseDto> AdvanceAsync(Guid id, string? from, CancellationToken ct)
    {
        access.RequireHr();
        var expected = ExpectedPhase(from);
        await unitOfWork.LockAsync<ReviewCycle>(db, id, ct);
        var cycle = await FindAsync(id, ct);
        RequireFrom(cycle, expected);
        if (cycle.Phase == ReviewPhase.Draft) throw new ConflictException("The cycle is in the 'draft' phase; launch it first.");
        if (cycle.Phase == ReviewPhase.Closed) throw new ConflictException("The cycle is in the 'closed' phase; it cannot move on.");
        if (cycle.Phase == ReviewPhase.Signoff) return await CloseLockedAsync(cycle, ct);
        var before = cycle.Phase;
        cycle.Phase = ReviewPhase.Next(cycle.Phase)!;
        cycle.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.cycle.advanced", "review_cycle", cycle.Id.ToString(), access.Actor, before, cycle.Phase), ct);
        return new PhaseDto(cycle.Id, cycle.Phase);
    }

    /// <summary>Closes a cycle in sign-off (<paramref name="from"/> must be <c>signoff</c>); every review in it is locked.</summary>
    public async Task<PhaseDto> CloseAsync(Guid id, string? from, CancellationToken ct)
    {
        access.RequireHr();
        var expected = ExpectedPhase(from);
        await unitOfWork.LockAsync<ReviewCycle>(db, id, ct);
        var cycle = await FindAsync(id, ct);
        RequireFrom(cycle, expected);
        ReviewPhase.Require(cycle.Phase, "closing the cycle", ReviewPhase.Signoff);
        return await CloseLockedAsync(cycle, ct);
    }

    /// <summary>
    /// HR goes back one phase (from peer, manager or calibration; never once sign-off began, since reviews may be released)
    /// with a required reason, audited. Nothing written so far is lost: drafts, submissions and calibrations stay.
    /// </summary>
    public async Task<PhaseDto> ReopenAsync(Guid id, ReopenPhaseRequest request, CancellationToken ct)
    {
        access.RequireHr();
        var expected = ExpectedPhase(request.From);
        var reason = ReviewLimits.Text(request.Reason, "reason", ReviewLimits.ReasonMax, required: true)!;
        await unitOfWork.LockAsync<ReviewCycle>(db, id, ct);
        var cycle = await FindAsync(id, ct);
        RequireFrom(cycle, expected);
        ReviewPhase.Require(cycle.Phase, "reopening the previous phase", ReviewPhase.Reopenable);
        var before = cycle.Phase;
        cycle.Phase = ReviewPhase.Previous(cycle.Phase)!;
        cycle.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.cycle.reopened", "review_cycle", cycle.Id.ToString(), access.Actor, before, cycle.Phase, reason), ct);
        return new PhaseDto(cycle.Id, cycle.Phase);
    }

    public async Task<RemindersDto> RemindNowAsync(Guid id, CancellationToken ct)
    {
        access.RequireHr();
        var sendId = Guid.NewGuid();
        var sent = await reminders.SendNowAsync(id, sendId, ct);
        await audit.WriteAsync(new AuditEntry("reviews.cycle.reminders_sent", "review_cycle", id.ToString(), access.Actor,
            DataJson: JsonColumn.Write(new { sendId, sent })), ct);
        return new RemindersDto(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), sent);
    }

    public async Task<OpenWorkDto> OpenWorkAsync(Guid id, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Review cycle", id);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CycleId == id).ToListAsync(ct);
        var ids = reviews.Select(r => r.Id).ToList();
        var approved = await db.PeerNominations.AsNoTracking().Where(n => ids.Contains(n.ReviewId) && n.Status == NominationStatus.Approved).ToListAsync(ct);
        var given = (await db.PeerFeedback.AsNoTracking().Where(p => ids.Contains(p.ReviewId)).Select(p => new { p.ReviewId, p.AuthorId }).ToListAsync(ct))
            .Select(p => (p.ReviewId, p.AuthorId)).ToHashSet();
        var items = OpenWork.Of(cycle.Phase, reviews, approved.Where(n => !given.Contains((n.ReviewId, n.PeerId))).ToList());
        var names = (await directory.GetPeopleAsync(items.Select(i => i.Review.PersonId)
            .Concat(items.Where(i => i.Review.ManagerId != null).Select(i => i.Review.ManagerId!.Value))
            .Concat(items.Where(i => i.PeerId != null).Select(i => i.PeerId!.Value)).Distinct(), ct)).ToDictionary(p => p.Id, p => p.Name);
        var groups = items.GroupBy(i => i.Review.ManagerId)
            .Select(g => new OpenWorkGroupDto(g.Key, g.Key is { } m ? names.GetValueOrDefault(m, "?") : "(no manager)",
                g.Select(i => new OpenWorkItemDto(i.Review.Id, i.Review.PersonId, names.GetValueOrDefault(i.Review.PersonId, "?"), i.Kind,
                        OpenWork.Describe(i.Kind, i.PeerId is { } peer ? names.GetValueOrDefault(peer) : null)))
                    .OrderBy(i => i.PersonName).ToList()))
            .OrderBy(g => g.ManagerName).ToList();
        return new OpenWorkDto(cycle.Id, cycle.Phase, ReviewPhase.Next(cycle.Phase), items.Count, groups);
    }

    private static string ExpectedPhase(string? from)
    {
        var phase = from?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(phase))
            throw new BadInputException("from", "from is required: the phase you expect to leave (for example \"peer\"), so a repeated request cannot skip a phase.");
        if (!ReviewPhase.Order.Contains(phase))
            throw new BadInputException("from", $"from must be one of {string.Join(", ", ReviewPhase.Order)}.");
        return phase;
    }

    private static void RequireFrom(ReviewCycle cycle, string expected)
    {
        if (cycle.Phase != expected)
            throw new ConflictException($"The cycle is in the '{cycle.Phase}' phase, not '{expected}'; it has already moved. Nothing was changed.");
    }

    private async Task<PhaseDto> CloseLockedAsync(ReviewCycle cycle, CancellationToken ct)
    {
        var reviews = await db.Reviews.Where(r => r.CycleId == cycle.Id).ToListAsync(ct);
        foreach (var r in reviews)
        {
            r.Locked = true;
            r.Version = Guid.NewGuid();
        }
        cycle.Phase = ReviewPhase.Closed;
        cycle.ClosedAt = clock.GetUtcNow();
        cycle.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.cycle.closed", "review_cycle", cycle.Id.ToString(), access.Actor,
            ReviewPhase.Signoff, ReviewPhase.Closed, DataJson: JsonColumn.Write(new { lockedReviews = reviews.Count })), ct);
        return new PhaseDto(cycle.Id, cycle.Phase);
    }

    public async Task<CycleDto> ExtendDeadlineAsync(Guid id, ExtendDeadlineRequest request, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await FindAsync(id, ct);
        if (cycle.Phase == ReviewPhase.Closed) throw new ConflictException("The cycle is in the 'closed' phase; its deadlines are final.");
        var phase = request.Phase?.Trim().ToLowerInvariant() ?? "";
        if (!ReviewPhase.WithDeadlines.Contains(phase))
            throw new BadInputException("phase", $"phase must be one of {string.Join(", ", ReviewPhase.WithDeadlines)}.");
        if (request.Date is not { } date) throw new BadInputException("date", "date is required.");
        if (ReviewPhase.IndexOf(phase) < ReviewPhase.IndexOf(cycle.Phase))
            throw new RuleViolationException("phase", $"The {phase} phase has passed (the cycle is in the '{cycle.Phase}' phase); only deadlines still ahead can be extended.");
        var before = cycle.DeadlineOf(phase);
        if (before is { } b && date < b) throw new RuleViolationException("date", $"An extension moves the deadline later than {b:yyyy-MM-dd}.");
        cycle.SetDeadline(phase, date);
        cycle.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.cycle.deadline_extended", "review_cycle", cycle.Id.ToString(), access.Actor,
            before?.ToString("yyyy-MM-dd"), date.ToString("yyyy-MM-dd"), DataJson: JsonColumn.Write(new { phase })), ct);
        return await ToDtoAsync(cycle, ct);
    }

    public async Task<CalibrationAdjustmentDto> AdjustAsync(Guid cycleId, CalibrationAdjustmentRequest request, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await FindAsync(cycleId, ct);
        if (request.ReviewId is not { } reviewId) throw new BadInputException("reviewId", "reviewId is required.");
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.CycleId == cycleId, ct)
                     ?? throw new NotFoundException("Review in this cycle", reviewId);
        ReviewPhase.Require(cycle.Phase, "a calibration adjustment", ReviewPhase.Calibration);
        if (request.OverallRating is not { } rating) throw new BadInputException("overallRating", "overallRating is required.");
        var template = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition;
        template.Scale.EnsureContains(rating, "overallRating");
        var reason = ReviewLimits.Text(request.Reason, "reason", ReviewLimits.ReasonMax, required: true)!;
        if (review.ManagerStatus != ManagerReviewStatus.Submitted)
            throw new RuleViolationException("reviewId", "Only a submitted manager review can be calibrated.");
        if (request.Potential is { } pot && (pot < ReviewLimits.PotentialMin || pot > ReviewLimits.PotentialMax))
            throw new BadInputException("potential", $"Potential must be between {ReviewLimits.PotentialMin} and {ReviewLimits.PotentialMax}.");
        if (request.Version is not { } version)
            throw new BadInputException("version", "version is required: the review's version the change was decided on.");
        if (version != review.Version)
            throw new ConflictException($"This review changed since you loaded it (its rating is now {review.OverallRating}). Reload and decide again.");
        var before = review.OverallRating;
        var potentialBefore = review.Potential;
        review.OverallRating = rating;
        if (request.Potential is { } newPotential) review.Potential = newPotential;
        review.Calibrated = true;
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        var inv = CultureInfo.InvariantCulture;
        await audit.WriteAsync(new AuditEntry("reviews.calibration.adjusted", "review", review.Id.ToString(), access.Actor,
            before?.ToString(inv), rating.ToString(inv), reason,
            JsonColumn.Write(new { cycleId, review.PersonId, potentialBefore, potentialAfter = review.Potential })), ct);
        return new CalibrationAdjustmentDto(review.Id, before, rating, reason, access.Actor, review.Version);
    }

    public async Task<CalibrationDto> CalibrationAsync(Guid cycleId, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await FindAsync(cycleId, ct);
        var scale = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition.Scale;
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.ManagerStatus == ManagerReviewStatus.Submitted && r.OverallRating != null).ToListAsync(ct);
        var people = (await directory.GetPeopleAsync(reviews.Select(r => r.PersonId).Concat(reviews.Where(r => r.ManagerId != null).Select(r => r.ManagerId!.Value)), ct))
            .ToDictionary(p => p.Id);
        var units = (await directory.GetUnitsAsync(ct)).ToDictionary(u => u.Id);
        DistributionRowDto Row(string group, Guid? groupId, IEnumerable<Review> rs)
        {
            var list = rs.ToList();
            var counts = Enumerable.Range(scale.Min, scale.Max - scale.Min + 1).Select(v => list.Count(r => r.OverallRating == v)).ToList();
            return new DistributionRowDto(group, groupId, counts, list.Count, list.Count == 0 ? null : Math.Round(list.Average(r => r.OverallRating!.Value), 2));
        }
        var byManager = reviews.GroupBy(r => r.ManagerId)
            .Select(g => Row(g.Key is { } m && people.TryGetValue(m, out var p) ? p.Name : "(no manager)", g.Key, g))
            .OrderBy(r => r.Group).ToList();
        var byDepartment = reviews.GroupBy(r => people.TryGetValue(r.PersonId, out var p) ? p.OrgUnitId : Guid.Empty)
            .Select(g => Row(units.TryGetValue(g.Key, out var u) ? u.Name : "(unknown)", g.Key, g))
            .OrderBy(r => r.Group).ToList();
        var nine = new List<NineBoxCellDto>();
        for (var perf = 3; perf >= 1; perf--)
            for (var pot = 1; pot <= 3; pot++)
            {
                var (pf, pt) = (perf, pot);
                nine.Add(new NineBoxCellDto(pf, pt, reviews
                    .Where(r => r.Potential == pt && Band(scale, r.OverallRating!.Value) == pf)
                    .Select(r => new PersonRefDto(r.PersonId, people.TryGetValue(r.PersonId, out var p) ? p.Name : "?"))
                    .OrderBy(p => p.Name).ToList()));
            }
        var list = reviews.Select(r => new CalibrationReviewDto(r.Id, r.PersonId, people.TryGetValue(r.PersonId, out var p) ? p.Name : "?",
                r.ManagerId is { } m && people.TryGetValue(m, out var mp) ? mp.Name : null,
                people.TryGetValue(r.PersonId, out var pu) && units.TryGetValue(pu.OrgUnitId, out var u) ? u.Name : "",
                r.OverallRating, r.SubmittedOverallRating, r.Potential, r.Calibrated, r.Version))
            .OrderBy(r => r.ManagerName).ThenBy(r => r.PersonName).ToList();
        return new CalibrationDto(cycle.Id, cycle.Phase, ReviewsService.ToDto(scale), byManager, byDepartment, nine, list);
    }

    /// <summary>
    /// HR moves a person to another 9-box cell: written back as the calibration change (<see cref="AdjustAsync"/>)
    /// with its required reason — the rating moved into the target row (<see cref="NineBoxMove"/>) and the potential set.
    /// </summary>
    public async Task<CalibrationAdjustmentDto> MoveInNineBoxAsync(Guid cycleId, Guid? reviewId, int? performance, int? potential, string? reason,
        Guid? version, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await FindAsync(cycleId, ct);
        if (reviewId is not { } id) throw new BadInputException("reviewId", "reviewId is required.");
        if (performance is not { } perf) throw new BadInputException("performance", "Choose the box to move to.");
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.CycleId == cycleId, ct)
                     ?? throw new NotFoundException("Review in this cycle", id);
        if (review.OverallRating is not { } current) throw new RuleViolationException("reviewId", "Only a rated review can be moved in the 9-box.");
        var scale = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition.Scale;
        var rating = NineBoxMove.TargetRating(scale, current, perf, Band);
        return await AdjustAsync(cycleId, new CalibrationAdjustmentRequest(id, rating, reason, potential, version), ct);
    }

    /// <summary>Low/medium/high third of the scale (1/2/3) for the 9-box.</summary>
    public static int Band(ScaleDefinition scale, int rating)
    {
        var p = (rating - scale.Min) / (double)(scale.Max - scale.Min);
        return p < 1 / 3.0 ? 1 : p <= 2 / 3.0 ? 2 : 3;
    }

    public async Task<DashboardDto> DashboardAsync(Guid cycleId, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await FindAsync(cycleId, ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CycleId == cycleId).ToListAsync(ct);
        var ids = reviews.Select(r => r.Id).ToList();
        var nominations = await db.PeerNominations.AsNoTracking().Where(n => ids.Contains(n.ReviewId) && n.Status == NominationStatus.Approved).ToListAsync(ct);
        var peer = await db.PeerFeedback.AsNoTracking().Where(p => ids.Contains(p.ReviewId)).Select(p => new { p.ReviewId, p.AuthorId }).ToListAsync(ct);
        var peerDone = nominations.Count(n => peer.Any(p => p.ReviewId == n.ReviewId && p.AuthorId == n.PeerId));
        var submitted = reviews.Count(r => r.ManagerStatus == ManagerReviewStatus.Submitted);
        var completion = new List<PhaseCompletionDto>
        {
            new(ReviewPhase.Self, cycle.SelfDeadline, reviews.Count(r => r.SelfCompletedAt != null), reviews.Count),
            new(ReviewPhase.Peer, cycle.PeerDeadline, peerDone, nominations.Count),
            new(ReviewPhase.Manager, cycle.ManagerDeadline, submitted, reviews.Count),
            new(ReviewPhase.Calibration, cycle.CalibrationDeadline, reviews.Count(r => r.Calibrated), submitted),
            new(ReviewPhase.Signoff, cycle.SignoffDeadline, reviews.Count(r => r.AcknowledgedAt != null), reviews.Count),
        };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var deadline = cycle.DeadlineOf(cycle.Phase);
        var late = deadline is { } dl && today > dl;
        var open = reviews.Where(r => r.ManagerId != null && IsOpenForManager(cycle.Phase, r)).GroupBy(r => r.ManagerId!.Value).ToList();
        var names = (await directory.GetPeopleAsync(open.Select(g => g.Key).Concat(cycle.WithoutManager), ct)).ToDictionary(p => p.Id, p => p.Name);
        var overdue = open.Select(g => new ManagerOverdueDto(g.Key, names.GetValueOrDefault(g.Key, "?"), late ? g.Count() : 0, g.Count()))
            .OrderByDescending(m => m.Overdue).ThenByDescending(m => m.Open).ThenBy(m => m.ManagerName).ToList();
        return new DashboardDto(cycle.Id, cycle.Name, cycle.Phase, completion, overdue,
            cycle.WithoutManager.Select(p => new PersonRefDto(p, names.GetValueOrDefault(p, "?"))).ToList());
    }

    /// <summary>What a manager still owes in the phase: their report's self-review, their own review, the release.</summary>
    public static bool IsOpenForManager(string phase, Review r) => phase switch
    {
        ReviewPhase.Self => r.SelfCompletedAt is null,
        ReviewPhase.Manager or ReviewPhase.Calibration => r.ManagerStatus != ManagerReviewStatus.Submitted,
        ReviewPhase.Signoff => !r.Released,
        _ => false,
    };

    public async Task<string> ExportAsync(Guid cycleId, CancellationToken ct)
    {
        access.RequireHr();
        var cycle = await FindAsync(cycleId, ct);
        var scale = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition.Scale;
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CycleId == cycleId).ToListAsync(ct);
        var people = (await directory.GetPeopleAsync(reviews.Select(r => r.PersonId).Concat(reviews.Where(r => r.ManagerId != null).Select(r => r.ManagerId!.Value)), ct))
            .ToDictionary(p => p.Id);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("cycle,personEmail,personName,managerEmail,managerName,selfReview,managerReview,overallRating,overallLabel,submittedRating,calibrated,potential,released,acknowledged,acknowledgementComment\n");
        foreach (var r in reviews.OrderBy(r => people.TryGetValue(r.PersonId, out var p) ? p.Name : ""))
        {
            var person = people.GetValueOrDefault(r.PersonId);
            var manager = r.ManagerId is { } m ? people.GetValueOrDefault(m) : null;
            string[] cells =
            [
                cycle.Name, person?.Email ?? r.PersonId.ToString(), person?.Name ?? "", manager?.Email ?? "", manager?.Name ?? "",
                r.SelfCompletedAt is null ? "open" : "done", r.ManagerStatus,
                r.OverallRating?.ToString(inv) ?? "", r.OverallRating is { } o ? scale.LabelOf(o) : "",
                r.SubmittedOverallRating?.ToString(inv) ?? "", r.Calibrated ? "yes" : "no", r.Potential?.ToString(inv) ?? "",
                r.Released ? "yes" : "no", r.AcknowledgedAt is null ? "no" : "yes", r.AcknowledgementComment ?? "",
            ];
            sb.Append(string.Join(',', cells.Select(Csv))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Quotes a CSV cell, and defuses spreadsheet formulas (a leading = + - @ tab or CR gets a quote mark).</summary>
    public static string Csv(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private async Task<ReviewCycle> FindAsync(Guid id, CancellationToken ct) =>
        await db.Cycles.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Review cycle", id);

    private async Task<CycleDto> ToDtoAsync(ReviewCycle c, CancellationToken ct)
    {
        CycleStatsDto? stats = null;
        if (access.IsHr)
        {
            var reviews = await db.Reviews.AsNoTracking().Where(r => r.CycleId == c.Id).ToListAsync(ct);
            var ids = reviews.Select(r => r.Id).ToList();
            var peer = await db.PeerFeedback.AsNoTracking().CountAsync(p => ids.Contains(p.ReviewId), ct);
            stats = new CycleStatsDto(reviews.Count, reviews.Count(r => r.SelfCompletedAt != null), peer,
                reviews.Count(r => r.ManagerStatus == ManagerReviewStatus.Draft), reviews.Count(r => r.ManagerStatus == ManagerReviewStatus.Submitted),
                reviews.Count(r => r.Calibrated), reviews.Count(r => r.Released), reviews.Count(r => r.AcknowledgedAt != null), c.WithoutManager.Count);
        }
        var without = c.WithoutManager;
        var names = (await directory.GetPeopleAsync(without, ct)).ToDictionary(p => p.Id, p => p.Name);
        return new CycleDto(c.Id, c.Name, c.PeriodStart, c.PeriodEnd, c.TemplateId, c.Phase,
            new DeadlinesDto(c.SelfDeadline, c.PeerDeadline, c.ManagerDeadline, c.CalibrationDeadline, c.SignoffDeadline),
            c.NineBox, c.OrgUnitIds, c.PersonIds,
            access.IsHr ? without.Select(p => new PersonRefDto(p, names.GetValueOrDefault(p, "?"))).ToList() : [],
            c.ExcludedPersonIds, c.PeerAnonymityThreshold, stats);
    }
}
