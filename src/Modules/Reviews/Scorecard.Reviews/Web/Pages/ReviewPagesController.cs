using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Application.Drafting;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Pages;

[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ReviewPagesController : Controller
{
    [HttpGet("/reviews")]
    public async Task<IActionResult> Index([FromQuery] int? offset, CancellationToken ct) => await IndexViewAsync(null, null, ct, offset ?? 0);

    [HttpPost("/reviews/{id:guid}/peer-feedback")]
    public async Task<IActionResult> PeerFeedback(Guid id, [FromForm] string? text, CancellationToken ct)
    {
        try
        {
            await Reviews.SubmitPeerFeedbackAsync(id, new PeerFeedbackRequest(text), ct);
            return await IndexViewAsync("Peer feedback sent. Your name is never shown with it.", null, ct);
        }
        catch (ScorecardException e) when (e is not NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await IndexViewAsync(null, e.Message, ct);
        }
    }

    [HttpGet("/reviews/{id:guid}")]
    public async Task<IActionResult> Review(Guid id, CancellationToken ct) => await ReviewViewAsync(id, null, null, ct);

    [HttpPost("/reviews/{id:guid}/self")]
    public async Task<IActionResult> Self(Guid id, [FromForm] Dictionary<Guid, string?> answers, [FromForm] Guid? version, CancellationToken ct)
    {
        try
        {
            if (version is null) throw new BadInputException("version", "The form did not say which version it was written on; reload the page.");
            await Reviews.SaveSelfAsync(id, new SelfReviewRequest((answers ?? []).Select(a => new SelfAnswerRequest(a.Key, a.Value)).ToList(), version), ct);
            return await ReviewViewAsync(id, "Self-review saved.", null, ct);
        }
        catch (StaleVersionException e)
        {
            Response.StatusCode = e.StatusCode;
            var current = await Reviews.GetAsync(id, ct);
            var changes = StaleChanges.OfSelf(current, answers ?? []);
            return await ReviewViewAsync(id, null, e.Message, ct, changes);
        }
        catch (ScorecardException e) when (e is not NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await ReviewViewAsync(id, null, e.Message, ct);
        }
    }

    [HttpPost("/reviews/{id:guid}/nominations")]
    public Task<IActionResult> Nominate(Guid id, [FromForm] List<Guid> personIds, CancellationToken ct) =>
        Do(id, "Peers nominated; your manager approves them.", () => Reviews.NominateAsync(id, new PeerNominationRequest(personIds), ct), ct);

    [HttpPost("/reviews/{id:guid}/nominations/{nominationId:guid}")]
    public Task<IActionResult> Decide(Guid id, Guid nominationId, [FromForm] bool approved, CancellationToken ct) =>
        Do(id, approved ? "Peer approved." : "Peer declined.", () => Reviews.DecideAsync(id, nominationId, approved, ct), ct);

    /// <summary>
    /// The manager's form: "save" keeps a draft, "submit" saves and submits. When AI-drafted text was inserted,
    /// submitting needs the "I reviewed the AI-drafted text" box (<c>confirmAiReviewed</c>).
    /// </summary>
    [HttpPost("/reviews/{id:guid}/manager")]
    public async Task<IActionResult> Manager(Guid id, [FromForm] Dictionary<Guid, int?> ratings, [FromForm] int? overallRating,
        [FromForm] int? potential, [FromForm] string? narrative, [FromForm] Guid? version, [FromForm] string? action,
        [FromForm] bool? confirmAiReviewed, CancellationToken ct)
    {
        try
        {
            await SaveManagerFormAsync(id, ratings, overallRating, potential, narrative, version, ct);
            if (action == "submit")
            {
                if (confirmAiReviewed == true && await Service<ReviewsDbContext>().Set<AiDraft>()
                        .AnyAsync(d => d.ReviewId == id && d.UsedAt != null, ct))
                    await Drafting.ConfirmAsync(id, new AiConfirmationRequest(true), ct);
                await Reviews.SubmitAsync(id, ct);
                return await ReviewViewAsync(id, "Review submitted.", null, ct);
            }
            return await ReviewViewAsync(id, "Draft saved.", null, ct);
        }
        catch (StaleVersionException e)
        {
            Response.StatusCode = e.StatusCode;
            var current = await Reviews.GetAsync(id, ct);
            return await ReviewViewAsync(id, null, e.Message, ct, StaleChanges.OfManager(current, ratings ?? [], overallRating, potential, narrative));
        }
        catch (ScorecardException e) when (e is not NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await ReviewViewAsync(id, null, e.Message, ct);
        }
    }

    /// <summary>"Draft summary with AI": saves the form as it is, then drafts from the evidence (shown beside the narrative).</summary>
    [HttpPost("/reviews/{id:guid}/ai-draft")]
    public async Task<IActionResult> AiDraft(Guid id, [FromForm] Dictionary<Guid, int?> ratings, [FromForm] int? overallRating,
        [FromForm] int? potential, [FromForm] string? narrative, [FromForm] Guid? version, CancellationToken ct)
    {
        try
        {
            await SaveManagerFormAsync(id, ratings, overallRating, potential, narrative, version, ct);
            var draft = await Drafting.DraftAsync(id, ct);
            HttpContext.Items[FreshDraftKey] = true;
            return await ReviewViewAsync(id, draft.Warnings.Count > 0
                ? "AI-generated draft ready — read the notes above it." : "AI-generated draft ready. Check it against the evidence before using any of it.", null, ct);
        }
        catch (ScorecardException e) when (e is not NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await ReviewViewAsync(id, null, e.Message, ct);
        }
    }

    /// <summary>"Insert into narrative": appends the draft to the narrative, saves, and marks the review AI-assisted.</summary>
    [HttpPost("/reviews/{id:guid}/ai-draft/{draftId:guid}/insert")]
    public async Task<IActionResult> AiInsert(Guid id, Guid draftId, [FromForm] Dictionary<Guid, int?> ratings, [FromForm] int? overallRating,
        [FromForm] int? potential, [FromForm] string? narrative, [FromForm] Guid? version, CancellationToken ct)
    {
        try
        {
            var draft = await Service<ReviewsDbContext>().Set<AiDraft>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId && d.ReviewId == id, ct)
                ?? throw new NotFoundException("draft", draftId.ToString());
            var combined = string.IsNullOrWhiteSpace(narrative) ? draft.Text : narrative.TrimEnd() + "\n\n" + draft.Text;
            if (combined.Length > Domain.ReviewLimits.NarrativeMax)
                throw new RuleViolationException("narrative", $"The narrative and the draft together would be longer than {Domain.ReviewLimits.NarrativeMax} characters; shorten your narrative or copy only the parts of the draft you need.");
            await SaveManagerFormAsync(id, ratings, overallRating, potential, combined, version, ct);
            await Drafting.UseAsync(id, draftId, ct);
            return await ReviewViewAsync(id, "The AI-generated draft was inserted into your narrative. Edit it into your own words; before submitting, confirm you reviewed it.", null, ct);
        }
        catch (ScorecardException e) when (e is not NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await ReviewViewAsync(id, null, e.Message, ct);
        }
    }

    [HttpPost("/reviews/{id:guid}/ai-draft/{draftId:guid}/discard")]
    public async Task<IActionResult> AiDiscard(Guid id, Guid draftId, [FromForm] Dictionary<Guid, int?> ratings, [FromForm] int? overallRating,
        [FromForm] int? potential, [FromForm] string? narrative, [FromForm] Guid? version, CancellationToken ct)
    {
        try
        {
            await SaveManagerFormAsync(id, ratings, overallRating, potential, narrative, version, ct);
            var result = await Drafting.DiscardAsync(id, draftId, ct);
            return await ReviewViewAsync(id, result.AiAssisted ? "Draft discarded. AI text was inserted earlier, so the review stays AI-assisted and still needs your confirmation before submitting." : "Draft discarded.", null, ct);
        }
        catch (ScorecardException e) when (e is not NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await ReviewViewAsync(id, null, e.Message, ct);
        }
    }

    private Task<ReviewDto> SaveManagerFormAsync(Guid id, Dictionary<Guid, int?> ratings, int? overallRating, int? potential, string? narrative,
        Guid? version, CancellationToken ct) =>
        Reviews.SaveManagerAsync(id, new ManagerReviewRequest((ratings ?? []).Select(r => new RatingRequest(r.Key, r.Value)).ToList(), overallRating, potential, narrative, version), ct);

    /// <summary>A manager's private note about the person reviewed; only its author reads it.</summary>
    [HttpPost("/reviews/{id:guid}/notes")]
    public async Task<IActionResult> Note(Guid id, [FromForm] string? text, CancellationToken ct)
    {
        var review = await Reviews.GetAsync(id, ct);
        return await Do(id, "Private note saved.", () => Service<FeedbackService>().AddNoteAsync(review.PersonId, new NoteRequest(text), ct), ct);
    }

    [HttpPost("/reviews/{id:guid}/release")]
    public Task<IActionResult> Release(Guid id, CancellationToken ct) =>
        Do(id, "Review released to the employee.", () => Reviews.ReleaseAsync(id, ct), ct);

    [HttpPost("/reviews/{id:guid}/acknowledge")]
    public Task<IActionResult> Acknowledge(Guid id, [FromForm] string? comment, CancellationToken ct) =>
        Do(id, "Review acknowledged. It is now locked.", () => Reviews.AcknowledgeAsync(id, new AcknowledgeRequest(comment), ct), ct);

    [HttpGet("/reviews/cycles/{id:guid}")]
    public async Task<IActionResult> Dashboard(Guid id, [FromQuery] string? message, [FromQuery] string? error, [FromQuery] int? launched,
        CancellationToken ct) =>
        await DashboardViewAsync(id, launched is { } n ? $"Launched: {n} review(s) created; everyone was told to write their self-review." : message, error, ct);

    /// <summary>The confirmation page: the open work of the phase being left, by manager, and the button that moves on.</summary>
    [HttpGet("/reviews/cycles/{id:guid}/advance")]
    public async Task<IActionResult> ConfirmAdvance(Guid id, CancellationToken ct) => await ConfirmViewAsync(id, null, ct);

    [HttpPost("/reviews/cycles/{id:guid}/advance")]
    public async Task<IActionResult> Advance(Guid id, [FromForm] string? from, CancellationToken ct)
    {
        try
        {
            var phase = await Cycles.AdvanceAsync(id, from, ct);
            return await DashboardViewAsync(id, phase.Phase == "closed" ? "The cycle is closed; every review in it is locked." : $"The cycle moved to the '{phase.Phase}' phase.", null, ct);
        }
        catch (ScorecardException e) when (e is ConflictException or BadInputException)
        {
            Response.StatusCode = e.StatusCode;
            return await DashboardViewAsync(id, null, e.Message, ct);
        }
    }

    [HttpPost("/reviews/cycles/{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, [FromForm] string? from, [FromForm] string? reason, CancellationToken ct)
    {
        try
        {
            var phase = await Cycles.ReopenAsync(id, new ReopenPhaseRequest(from, reason), ct);
            return await DashboardViewAsync(id, $"The '{phase.Phase}' phase is open again; the reason is in the audit log.", null, ct);
        }
        catch (ScorecardException e) when (e is ConflictException or BadInputException)
        {
            Response.StatusCode = e.StatusCode;
            return await DashboardViewAsync(id, null, e.Message, ct);
        }
    }

    private async Task<IActionResult> ConfirmViewAsync(Guid id, string? error, CancellationToken ct) =>
        View("~/Views/Reviews/Advance.cshtml", new AdvanceView(await Cycles.GetCycleAsync(id, ct), await Cycles.OpenWorkAsync(id, ct), error));

    [HttpPost("/reviews/cycles/{id:guid}/reminders")]
    public async Task<IActionResult> Reminders(Guid id, CancellationToken ct)
    {
        Service<ReviewAccess>().RequireHr();
        var today = DateOnly.FromDateTime(Service<TimeProvider>().GetUtcNow().UtcDateTime);
        var sent = await Service<ReviewReminders>().RunAsync(today, id, ct);
        return await DashboardViewAsync(id, $"{sent} reminder(s) sent.", null, ct);
    }

    [HttpGet("/reviews/cycles/{id:guid}/export")]
    public async Task<IActionResult> Export(Guid id, CancellationToken ct) =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(await Cycles.ExportAsync(id, ct))).ToArray(), "text/csv; charset=utf-8", "review-results.csv");

    [HttpGet("/reviews/cycles/{id:guid}/calibration")]
    public async Task<IActionResult> Calibration(Guid id, int page = 0, CancellationToken ct = default) =>
        await CalibrationViewAsync(id, null, null, ct, page);

    [HttpPost("/reviews/cycles/{id:guid}/calibration")]
    public async Task<IActionResult> Adjust(Guid id, [FromForm] Guid? reviewId, [FromForm] int? overallRating, [FromForm] string? reason,
        [FromForm] Guid? version, CancellationToken ct)
    {
        try
        {
            var result = await Cycles.AdjustAsync(id, new CalibrationAdjustmentRequest(reviewId, overallRating, reason, Version: version), ct);
            return await CalibrationViewAsync(id, $"Rating changed from {result.Before} to {result.After}; the change is in the audit log.", null, ct);
        }
        catch (ScorecardException e) when (e is not (NotFoundException or ForbiddenException))
        {
            Response.StatusCode = e.StatusCode;
            return await CalibrationViewAsync(id, null, e.Message, ct);
        }
    }

    [HttpPost("/reviews/cycles/{id:guid}/calibration/nine-box")]
    public async Task<IActionResult> MoveInNineBox(Guid id, [FromForm] Guid? reviewId, [FromForm] string? box, [FromForm] string? reason,
        [FromForm] Guid? version, CancellationToken ct)
    {
        try
        {
            var parts = (box ?? "").Split('-');
            int? performance = parts.Length == 2 && int.TryParse(parts[0], out var pf) ? pf : null;
            int? potential = parts.Length == 2 && int.TryParse(parts[1], out var pt) ? pt : null;
            var result = await Cycles.MoveInNineBoxAsync(id, reviewId, performance, potential, reason, version, ct);
            return await CalibrationViewAsync(id, $"Moved: rating {result.Before} → {result.After}; the change is in the audit log with its reason.", null, ct);
        }
        catch (ScorecardException e) when (e is not (NotFoundException or ForbiddenException))
        {
            Response.StatusCode = e.StatusCode;
            return await CalibrationViewAsync(id, null, e.Message, ct);
        }
    }

    private async Task<IActionResult> Do<T>(Guid id, string message, Func<Task<T>> action, CancellationToken ct)
    {
        try
        {
            await action();
            return await ReviewViewAsync(id, message, null, ct);
        }
        catch (ScorecardException e) when (e is not NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await ReviewViewAsync(id, null, e.Message, ct);
        }
    }

    private async Task<IActionResult> IndexViewAsync(string? message, string? error, CancellationToken ct, int offset = 0)
    {
        var access = Service<ReviewAccess>();
        var me = access.Actor;
        // HR sees every review through the cycles' pages; here only their own work, not the whole organization's.
        var all = await Reviews.ListAsync(null, null, ct, involvingMe: access.IsHr);
        var cycles = access.IsHr ? await Cycles.ListCyclesAsync(ct) : [];
        var readOnly = all.Where(r => r.PersonId != me && r.ManagerId != me && !access.IsHr).ToList();
        var start = Math.Clamp(offset, 0, Math.Max(0, readOnly.Count - 1));
        var view = new ReviewsIndexView(
            all.Where(r => r.PersonId == me).ToList(),
            all.Where(r => r.ManagerId == me).ToList(),
            readOnly.Skip(start).Take(ReviewsIndexView.ReadOnlyPageSize).ToList(),
            me is null ? [] : await Reviews.PeerRequestsAsync(ct), cycles, access.IsHr, message, error, readOnly.Count, start);
        return View("~/Views/Reviews/Index.cshtml", view);
    }

    private async Task<IActionResult> ReviewViewAsync(Guid id, string? message, string? error, CancellationToken ct,
        IReadOnlyList<StaleChange>? stale = null)
    {
        var review = await Reviews.GetAsync(id, ct);
        var (entity, _, _) = await Reviews.LoadAsync(id, ct);
        var access = Service<ReviewAccess>();
        var role = await access.RoleAsync(entity, ct);
        var evidence = role is ReviewRole.Manager or ReviewRole.IndirectManager or ReviewRole.Hr ? await Reviews.EvidenceAsync(id, ct) : null;
        var notes = role is ReviewRole.Manager or ReviewRole.IndirectManager
            ? await Service<FeedbackService>().NotesAsync(review.PersonId, ct) : [];
        var ai = evidence is null ? null : await AiPanelAsync(entity, role, review, evidence, ct);
        return View("~/Views/Reviews/Review.cshtml", new ReviewPageView(review, role, evidence, access.IsHr, notes, message, error, ai, stale ?? []));
    }

    private async Task<ReviewAiPanel> AiPanelAsync(Persistence.Review entity, ReviewRole role, ReviewDto review, EvidenceDto evidence, CancellationToken ct)
    {
        var items = evidence.Items.Select(i => new EvidenceItem(i.Id, i.Kind, i.Date, i.Text, i.Link)).ToList();
        var alignment = await Drafting.AlignmentEvidenceAsync(entity.PersonId, evidence.PeriodStart, evidence.PeriodEnd, items, ct);
        items.AddRange(alignment);
        var byId = items.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var drafter = role is ReviewRole.Manager or ReviewRole.Hr;
        var draft = drafter ? await Drafting.LatestAsync(review.Id, items, ct) : null;
        var peer = drafter ? await Drafting.PeerSummaryAsync(review.Id, ct) : null;
        var used = drafter && await Service<ReviewsDbContext>().Set<AiDraft>().AnyAsync(d => d.ReviewId == review.Id && d.UsedAt != null, ct);
        return new ReviewAiPanel(await Drafting.DraftingEnabledAsync(ct), review.CanEditManagerPart, draft, alignment, peer, used, byId,
            Fresh: draft is not null && HttpContext.Items.ContainsKey(FreshDraftKey));
    }

    private async Task<IActionResult> DashboardViewAsync(Guid id, string? message, string? error, CancellationToken ct)
    {
        var cycle = await Cycles.GetCycleAsync(id, ct);
        var preview = cycle.Phase == "draft" ? await Cycles.PreviewAsync(id, ct) : null;
        return View("~/Views/Reviews/Dashboard.cshtml", new DashboardView(cycle, await Cycles.DashboardAsync(id, ct), message, error, preview));
    }

    /// <summary>The calibration page; after a change it stays on the page of reviews the form was posted from.</summary>
    private async Task<IActionResult> CalibrationViewAsync(Guid id, string? message, string? error, CancellationToken ct, int? page = null)
    {
        page ??= int.TryParse(Request.HasFormContentType ? Request.Form["page"].FirstOrDefault() : null, out var posted) ? posted : 0;
        return View("~/Views/Reviews/Calibration.cshtml",
            new CalibrationView(await Cycles.GetCycleAsync(id, ct), await Cycles.CalibrationAsync(id, ct), message, error, Math.Max(0, page.Value)));
    }

    private ReviewsService Reviews => Service<ReviewsService>();

    private DraftingService Drafting => Service<DraftingService>();

    private const string FreshDraftKey = "scorecard.reviews.ai-draft.fresh";

    private CyclesService Cycles => Service<CyclesService>();

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
