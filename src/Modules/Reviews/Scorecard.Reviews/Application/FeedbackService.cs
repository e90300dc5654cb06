using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Inbox;
using Scorecard.Platform.Paging;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api.Models;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Reviews.Application;

/// <summary>Continuous feedback and praise, feedback requests, and managers' private notes.</summary>
internal sealed class FeedbackService(
    ReviewsDbContext db,
    ReviewAccess access,
    IOrganizationDirectory directory,
    IInbox inbox,
    TimeProvider clock,
    IServiceProvider services)
{
    public async Task<FeedbackDto> GiveAsync(GiveFeedbackRequest request, CancellationToken ct)
    {
        var me = access.Me;
        if (request.ToPersonId is not { } to) throw new BadInputException("toPersonId", "toPersonId is required.");
        var text = ReviewLimits.Text(request.Text, "text", ReviewLimits.FeedbackTextMax, required: true)!;
        var visibility = (request.Visibility ?? FeedbackVisibility.Shared).Trim().ToLowerInvariant();
        if (!FeedbackVisibility.All.Contains(visibility))
            throw new BadInputException("visibility", "visibility must be private, shared or public.");
        var kind = (request.Kind ?? FeedbackKind.Feedback).Trim().ToLowerInvariant();
        if (kind is not (FeedbackKind.Feedback or FeedbackKind.Praise))
            throw new BadInputException("kind", "kind must be feedback or praise.");
        var person = await directory.GetPersonAsync(to, ct);
        if (person is not { Active: true }) throw new RuleViolationException("toPersonId", $"Person '{to}' does not exist or has left.");
        if (to == me) throw new RuleViolationException("toPersonId", "Feedback goes to someone else.");
        await CheckLinksAsync(request, ct);
        FeedbackRequest? answered = null;
        if (request.RequestId is { } requestId)
        {
            answered = await db.FeedbackRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.AskedPersonId == me, ct)
                       ?? throw new RuleViolationException("requestId", $"Feedback request '{requestId}' was not asked of you.");
            if (answered.RequesterId != to) throw new RuleViolationException("toPersonId", "Answer a feedback request to the person who asked.");
        }
        var item = new FeedbackItem
        {
            FromPersonId = me, ToPersonId = to, Kind = kind, Visibility = visibility, Text = text,
            OkrObjectiveId = request.OkrObjectiveId, KpiId = request.KpiId, StrategyObjectiveId = request.StrategyObjectiveId,
            RequestId = request.RequestId, CreatedAt = clock.GetUtcNow(),
        };
        db.Feedback.Add(item);
        if (answered is not null) answered.AnsweredFeedbackId = item.Id;
        await db.SaveChangesAsync(ct);
        if (visibility != FeedbackVisibility.Private)
            await inbox.NotifyAsync(to, $"reviews:feedback:{item.Id}", kind == FeedbackKind.Praise ? "You received praise." : "You received feedback.", "/feedback", ct);
        return (await ToDtoAsync([item], ct))[0];
    }

    private async Task CheckLinksAsync(GiveFeedbackRequest request, CancellationToken ct)
    {
        if (request.OkrObjectiveId is { } okrId)
        {
            var okr = services.GetService<IOkrReader>();
            if (okr is null || await okr.GetObjectiveAsync(okrId, ct) is null)
                throw new RuleViolationException("okrObjectiveId", $"OKR objective '{okrId}' does not exist.");
        }
        if (request.KpiId is null && request.StrategyObjectiveId is null) return;
        var strategy = services.GetService<IStrategyReader>();
        if (request.KpiId is { } kpiId && (strategy is null || await strategy.GetKpiAsync(kpiId, ct) is null))
            throw new RuleViolationException("kpiId", $"KPI '{kpiId}' does not exist.");
        if (request.StrategyObjectiveId is { } objId && (strategy is null || await strategy.GetObjectiveAsync(objId, ct) is null))
            throw new RuleViolationException("strategyObjectiveId", $"Scorecard objective '{objId}' does not exist.");
    }

    /// <summary>Feedback addressed to the person that the caller may read (private notes are separate).</summary>
    public async Task<Page<FeedbackDto>> ForPersonAsync(Guid personId, PageRequest page, CancellationToken ct)
    {
        if (await directory.GetPersonAsync(personId, ct) is null) throw new NotFoundException("Person", personId);
        var me = access.Me;
        var isManager = await access.IsManagerOfAsync(personId, ct);
        var items = (await db.Feedback.AsNoTracking().Where(f => f.ToPersonId == personId && f.Kind != FeedbackKind.Note).ToListAsync(ct))
            .Where(f => FeedbackVisibility.CanRead(f.Visibility, f.FromPersonId, f.ToPersonId, me, isManager, access.IsHr))
            .OrderByDescending(f => f.CreatedAt).ToList();
        return new Page<FeedbackDto>(await ToDtoAsync(items.Skip(page.Offset).Take(page.Limit).ToList(), ct), items.Count);
    }

    /// <summary>Feedback the caller wrote (what a peer sees of feedback: only their own).</summary>
    public async Task<IReadOnlyList<FeedbackDto>> WrittenByMeAsync(CancellationToken ct)
    {
        var me = access.Me;
        var items = (await db.Feedback.AsNoTracking().Where(f => f.FromPersonId == me && f.Kind != FeedbackKind.Note).ToListAsync(ct))
            .OrderByDescending(f => f.CreatedAt).Take(200).ToList();
        return await ToDtoAsync(items, ct);
    }

    public async Task<Page<FeedbackDto>> WallAsync(PageRequest page, CancellationToken ct)
    {
        var items = (await db.Feedback.AsNoTracking().Where(f => f.Visibility == FeedbackVisibility.Public && f.Kind != FeedbackKind.Note).ToListAsync(ct))
            .OrderByDescending(f => f.CreatedAt).ToList();
        return new Page<FeedbackDto>(await ToDtoAsync(items.Skip(page.Offset).Take(page.Limit).ToList(), ct), items.Count);
    }

    public async Task<FeedbackRequestDto> RequestAsync(FeedbackRequestCreate request, CancellationToken ct)
    {
        var me = access.Me;
        if (request.ToPersonId is not { } to) throw new BadInputException("toPersonId", "toPersonId is required.");
        var question = ReviewLimits.Text(request.Question, "question", ReviewLimits.FeedbackTextMax, required: true)!;
        if (await directory.GetPersonAsync(to, ct) is not { Active: true }) throw new RuleViolationException("toPersonId", $"Person '{to}' does not exist or has left.");
        if (to == me) throw new RuleViolationException("toPersonId", "Ask someone else for feedback.");
        var item = new FeedbackRequest { RequesterId = me, AskedPersonId = to, Question = question, CreatedAt = clock.GetUtcNow() };
        db.FeedbackRequests.Add(item);
        await db.SaveChangesAsync(ct);
        await inbox.NotifyAsync(to, $"reviews:feedback-request:{item.Id}", "Someone asked you for feedback.", "/feedback", ct);
        return (await RequestDtosAsync([item], ct))[0];
    }

    public async Task<IReadOnlyList<FeedbackRequestDto>> RequestsAsync(CancellationToken ct)
    {
        var me = access.Me;
        var items = await db.FeedbackRequests.AsNoTracking().Where(r => r.AskedPersonId == me || r.RequesterId == me).ToListAsync(ct);
        return await RequestDtosAsync(items.OrderByDescending(r => r.CreatedAt).ToList(), ct);
    }

    public async Task<FeedbackDto> AddNoteAsync(Guid personId, NoteRequest request, CancellationToken ct)
    {
        var me = access.Me;
        if (await directory.GetPersonAsync(personId, ct) is null) throw new NotFoundException("Person", personId);
        if (!await access.IsManagerOfAsync(personId, ct)) throw new ForbiddenException("Private notes are for a person's managers.");
        var text = ReviewLimits.Text(request.Text, "text", ReviewLimits.FeedbackTextMax, required: true)!;
        var note = new FeedbackItem
        {
            FromPersonId = me, ToPersonId = personId, Kind = FeedbackKind.Note, Visibility = FeedbackVisibility.Private,
            Text = text, CreatedAt = clock.GetUtcNow(),
        };
        db.Feedback.Add(note);
        await db.SaveChangesAsync(ct);
        return (await ToDtoAsync([note], ct))[0];
    }

    /// <summary>The caller's own private notes about the person; nobody else's.</summary>
    public async Task<IReadOnlyList<FeedbackDto>> NotesAsync(Guid personId, CancellationToken ct)
    {
        var me = access.Me;
        var notes = (await db.Feedback.AsNoTracking().Where(f => f.ToPersonId == personId && f.FromPersonId == me && f.Kind == FeedbackKind.Note).ToListAsync(ct))
            .OrderByDescending(f => f.CreatedAt).ToList();
        return await ToDtoAsync(notes, ct);
    }

    private async Task<IReadOnlyList<FeedbackDto>> ToDtoAsync(IReadOnlyList<FeedbackItem> items, CancellationToken ct)
    {
        var names = (await directory.GetPeopleAsync(items.SelectMany(f => new[] { f.FromPersonId, f.ToPersonId }), ct)).ToDictionary(p => p.Id, p => p.Name);
        return items.Select(f => new FeedbackDto(f.Id, f.FromPersonId, names.GetValueOrDefault(f.FromPersonId, "?"), f.ToPersonId,
            names.GetValueOrDefault(f.ToPersonId, "?"), f.Kind, f.Visibility, f.Text, f.OkrObjectiveId, f.KpiId, f.StrategyObjectiveId, f.CreatedAt)).ToList();
    }

    private async Task<IReadOnlyList<FeedbackRequestDto>> RequestDtosAsync(IReadOnlyList<FeedbackRequest> items, CancellationToken ct)
    {
        var names = (await directory.GetPeopleAsync(items.SelectMany(r => new[] { r.RequesterId, r.AskedPersonId }), ct)).ToDictionary(p => p.Id, p => p.Name);
        return items.Select(r => new FeedbackRequestDto(r.Id, r.RequesterId, names.GetValueOrDefault(r.RequesterId, "?"), r.AskedPersonId,
            names.GetValueOrDefault(r.AskedPersonId, "?"), r.Question, r.CreatedAt, r.AnsweredFeedbackId is not null)).ToList();
    }
}
