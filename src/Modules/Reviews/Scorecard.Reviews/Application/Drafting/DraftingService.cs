using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Ai;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// AI drafting of a manager's review under human judgment: who may draft, the organization's switch, the
/// stored drafts, inserting/discarding a draft, and the manager's confirmation that they reviewed and own it.
/// Nothing here reads or writes a rating.
/// </summary>
internal sealed partial class DraftingService(
    ReviewsDbContext db,
    ReviewsService reviews,
    EvidenceService evidence,
    ReviewAccess access,
    ReviewDrafter drafter,
    IAiGateway gateway,
    IOrganizationDirectory directory,
    ICurrentUser user,
    IAuditLog audit,
    TimeProvider clock,
    IConfiguration configuration,
    IServiceProvider services,
    ILogger<DraftingService> logger)
{
    public const string TransparencyLink = "/ai/transparency";

    public const string DisabledMessage =
        "AI drafting is turned off for this organization by an administrator. Write the review yourself; see " + TransparencyLink + " for how AI is used in Scorecard.";

    private int TokenBudget => configuration.GetValue("Scorecard:Reviews:Ai:EvidenceTokenBudget", EvidenceSampler.DefaultTokenBudget);

    // ---- the organization's switch ----

    public async Task<AiSettingsDto> SettingsAsync(CancellationToken ct)
    {
        var row = await db.Set<AiSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == AiSettings.OrganizationKey, ct);
        var provider = gateway.Provider;
        return new AiSettingsDto(row?.DraftingEnabled ?? true, provider.Provider, provider.Model, !provider.IsOffline, row?.UpdatedAt, TransparencyLink);
    }

    public async Task<bool> DraftingEnabledAsync(CancellationToken ct) =>
        (await db.Set<AiSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == AiSettings.OrganizationKey, ct))?.DraftingEnabled ?? true;

    public async Task<AiSettingsDto> SetSettingsAsync(AiSettingsRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) throw new ForbiddenException("Only administrators turn AI drafting on or off for the organization.");
        if (request.DraftingEnabled is not { } enabled) throw new BadInputException("draftingEnabled", "draftingEnabled is required (true or false).");
        var row = await db.Set<AiSettings>().FirstOrDefaultAsync(s => s.Id == AiSettings.OrganizationKey, ct);
        if (row is null) db.Add(row = new AiSettings());
        var before = row.DraftingEnabled;
        row.DraftingEnabled = enabled;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = access.Me;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.ai.settings_changed", "ai_settings", AiSettings.OrganizationKey, access.Me,
            Before: before ? "drafting on" : "drafting off", After: enabled ? "drafting on" : "drafting off"), ct);
        return await SettingsAsync(ct);
    }

    // ---- drafts ----

    /// <summary>The manager named on the review, or HR; everyone else (the person reviewed included) gets 403.</summary>
    private async Task<(Review Review, ReviewCycle Cycle)> LoadForDraftingAsync(Guid reviewId, CancellationToken ct)
    {
        var (review, cycle, _) = await reviews.LoadAsync(reviewId, ct);
        var role = await access.RoleAsync(review, ct);
        if (role is not (ReviewRole.Manager or ReviewRole.Hr))
            throw new ForbiddenException("Only the manager writing this review, or HR, can use AI drafting on it.");
        return (review, cycle);
    }

    /// <summary>
    /// The review's evidence panel plus the person's OKR alignment findings, as the drafter sees it. Private feedback
    /// and manager notes are never part of a draft (the draft can end up in text the employee reads); the manager
    /// still reads them in the evidence panel, marked private.
    /// </summary>
    public async Task<IReadOnlyList<EvidenceItem>> EvidenceForDraftAsync(Review review, ReviewCycle cycle, CancellationToken ct) =>
        (await DraftEvidenceAsync(review, cycle, ct)).Items;

    /// <summary>The draft's evidence and how many private items (feedback, notes) were left out of it.</summary>
    private async Task<(List<EvidenceItem> Items, int LeftOut)> DraftEvidenceAsync(Review review, ReviewCycle cycle, CancellationToken ct)
    {
        var built = await evidence.BuildAsync(review, cycle, access.Me, ct);
        var confidential = await ConfidentialEvidenceIdsAsync(review.PersonId, ct);
        var items = built.Items.Where(i => i.Kind != EvidenceKind.Note && !confidential.Contains(i.Id)).ToList();
        var leftOut = built.Items.Count - items.Count;
        items.AddRange(await AlignmentEvidenceAsync(review.PersonId, cycle.PeriodStart, cycle.PeriodEnd, items, ct));
        return (items, leftOut);
    }

    internal static string ManagerOnlyNote(int leftOut) =>
        $"Manager-only: {leftOut} private feedback item(s) or note(s) are not in this draft, because the employee may read the narrative. " +
        "They are in the evidence panel, marked private; nothing from them can be inserted.";

    /// <summary>Evidence ids of feedback about the person that the person may not read: private feedback and notes.</summary>
    public async Task<HashSet<string>> ConfidentialEvidenceIdsAsync(Guid personId, CancellationToken ct) =>
        [.. (await db.Feedback.AsNoTracking()
                .Where(f => f.ToPersonId == personId && (f.Visibility == FeedbackVisibility.Private || f.Kind == FeedbackKind.Note))
                .Select(f => f.Id).ToListAsync(ct))
            .Select(EvidenceService.Ids.Feedback)];

    /// <summary>Alignment findings about the person's objectives (OKR contract), as evidence items <c>okr-alignment:{objective}:{code}</c>.</summary>
    public async Task<IReadOnlyList<EvidenceItem>> AlignmentEvidenceAsync(Guid personId, DateOnly from, DateOnly to,
        IReadOnlyList<EvidenceItem> evidenceItems, CancellationToken ct)
    {
        var okr = services.GetService<IOkrReader>();
        if (okr is null) return [];
        try
        {
            return ToAlignmentEvidence(await okr.GetAlignmentFindingsAsync(personId, from, to, ct), evidenceItems, from);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "OKR alignment findings for {PersonId} are unavailable.", personId);
            return [];
        }
    }

    /// <summary>Alignment findings as evidence items, dated like the objective they are about.</summary>
    public static IReadOnlyList<EvidenceItem> ToAlignmentEvidence(IReadOnlyList<OkrAlignmentFinding> findings, IReadOnlyList<EvidenceItem> evidenceItems, DateOnly from) =>
        [.. findings.Select(f =>
        {
            var objective = evidenceItems.FirstOrDefault(i => i.Id == EvidenceService.Ids.OkrObjective(f.ObjectiveId));
            var title = objective is null ? "" : TitleOf(objective.Text);
            return new EvidenceItem($"okr-alignment:{f.ObjectiveId}:{f.Code}", EvidenceSampler.AlignmentKind, objective?.Date ?? from,
                $"Goal alignment{(title.Length > 0 ? $" of \"{title}\"" : "")} ({f.Code.Replace('_', ' ').ToLowerInvariant()}): {f.Message}");
        })];

    private static string TitleOf(string objectiveText) => QuotedTitle().Match(objectiveText) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("\"([^\"]{1,200})\"")]
    private static partial Regex QuotedTitle();

    public async Task<ReviewDraftDto> DraftAsync(Guid reviewId, CancellationToken ct)
    {
        var (review, cycle) = await LoadForDraftingAsync(reviewId, ct);
        if (!await DraftingEnabledAsync(ct)) throw new ConflictException(DisabledMessage);

        var (items, leftOut) = await DraftEvidenceAsync(review, cycle, ct);
        if (items.Count == 0)
            throw new RuleViolationException("evidence", "There is no evidence for this review period yet (no goals, KPIs, feedback or self-review), so there is nothing to draft from.");

        var people = await PeopleAsync(review, ct);
        var person = people.FirstOrDefault(p => p.Id == review.PersonId);
        var outcome = await drafter.DraftAsync(new DraftInput(review.Id, cycle.PeriodStart, cycle.PeriodEnd, items,
            new AiPerson(person?.Name ?? "the person reviewed", person?.Email),
            [.. people.Where(p => p.Id != review.PersonId).Select(p => new AiPerson(p.Name, p.Email))], TokenBudget), ct);

        var warnings = leftOut > 0 ? [ManagerOnlyNote(leftOut), .. outcome.Warnings] : outcome.Warnings.ToList();
        var now = clock.GetUtcNow();
        var draft = new AiDraft
        {
            ReviewId = review.Id,
            RequestedBy = access.Me,
            CreatedAt = now,
            Provider = outcome.Provider,
            Model = outcome.Model,
            Text = outcome.Text.Length > DraftingModel.TextMax ? outcome.Text[..DraftingModel.TextMax] : outcome.Text,
            SectionsJson = JsonColumn.Write(outcome.Answer.Sections),
            EvidenceIdsJson = JsonColumn.Write(outcome.Sample.Items.Select(i => i.Id)),
            WarningsJson = JsonColumn.Write(warnings),
            PromptTokens = outcome.PromptTokens,
        };
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.ai.draft_created", "review", review.Id.ToString(), access.Me,
            After: draft.Text, DataJson: JsonColumn.Write(new
            {
                draftId = draft.Id, outcome.Provider, outcome.Model, evidenceIds = outcome.Sample.Items.Select(i => i.Id),
                outcome.PromptTokens, Warnings = warnings, outcome.FellBackToOffline,
            })), ct);
        if (outcome.InjectionSignals.Count > 0)
            await audit.WriteAsync(new AuditEntry("reviews.ai.injection_suspected", "review", review.Id.ToString(), access.Me,
                Reason: "Text in the evidence looks like instructions to an AI; it was treated as data.",
                DataJson: JsonColumn.Write(new
                {
                    draftId = draft.Id,
                    signals = outcome.InjectionSignals.Select(s => new { s.Kind, evidenceId = s.Source }),
                })), ct);

        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return ToDto(draft, outcome.Answer, outcome.Label, warnings, byId,
            new DraftSampleDto(outcome.Sample.Total, outcome.Sample.Items.Count, outcome.PromptTokens, outcome.Sample.TokenBudget,
                outcome.Sample.MonthsWithEvidence, outcome.Sample.MonthsCovered));
    }

    private async Task<IReadOnlyList<PersonSummary>> PeopleAsync(Review review, CancellationToken ct)
    {
        var ids = new HashSet<Guid> { review.PersonId };
        if (review.ManagerId is { } m) ids.Add(m);
        ids.UnionWith(await db.Feedback.AsNoTracking().Where(f => f.ToPersonId == review.PersonId).Select(f => f.FromPersonId).ToListAsync(ct));
        return await directory.GetPeopleAsync(ids, ct);
    }

    /// <summary>The latest draft of a review that was not discarded (for the page), or null.</summary>
    public async Task<ReviewDraftDto?> LatestAsync(Guid reviewId, IReadOnlyList<EvidenceItem> evidenceItems, CancellationToken ct)
    {
        var draft = (await db.Set<AiDraft>().AsNoTracking().Where(d => d.ReviewId == reviewId && d.DiscardedAt == null).ToListAsync(ct))
            .OrderByDescending(d => d.CreatedAt).FirstOrDefault();
        if (draft is null) return null;
        var sections = JsonColumn.Read<List<DraftSection>>(draft.SectionsJson, []);
        var byId = evidenceItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var evidenceIds = JsonColumn.Read<List<string>>(draft.EvidenceIdsJson, []);
        return ToDto(draft, new DraftAnswer(sections), LabelOf(draft.Provider, draft.Model), JsonColumn.Read<List<string>>(draft.WarningsJson, []), byId,
            new DraftSampleDto(evidenceItems.Count, evidenceIds.Count, draft.PromptTokens, TokenBudget, 0, 0));
    }

    /// <summary>One stored draft of a review (manager of the person reviewed, or HR).</summary>
    public async Task<ReviewDraftDto> GetDraftAsync(Guid reviewId, Guid draftId, CancellationToken ct)
    {
        await LoadForDraftingAsync(reviewId, ct);
        var draft = await db.Set<AiDraft>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId && d.ReviewId == reviewId, ct)
            ?? throw new NotFoundException("draft", draftId.ToString());
        var sections = JsonColumn.Read<List<DraftSection>>(draft.SectionsJson, []);
        var evidenceIds = JsonColumn.Read<List<string>>(draft.EvidenceIdsJson, []);
        return ToDto(draft, new DraftAnswer(sections), LabelOf(draft.Provider, draft.Model), JsonColumn.Read<List<string>>(draft.WarningsJson, []),
            new Dictionary<string, EvidenceItem>(), new DraftSampleDto(0, evidenceIds.Count, draft.PromptTokens, TokenBudget, 0, 0));
    }

    private static string LabelOf(string provider, string model) =>
        provider == AiOptions.OfflineProvider ? AiResult<DraftAnswer>.OfflineLabel : $"AI draft by {model}; review and edit before use";

    private static ReviewDraftDto ToDto(AiDraft draft, DraftAnswer answer, string label, IReadOnlyList<string> warnings,
        IReadOnlyDictionary<string, EvidenceItem> evidenceById, DraftSampleDto sample)
    {
        var order = answer.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.EvidenceIds).Distinct(StringComparer.Ordinal)
            .Select((id, i) => (id, Number: i + 1)).ToDictionary(x => x.id, x => x.Number, StringComparer.Ordinal);
        var cited = order.Select(x => evidenceById.TryGetValue(x.Key, out var e) ? new DraftCitationDto(x.Value, x.Key, e.Kind, e.Date, "#" + x.Key) : null)
            .OfType<DraftCitationDto>().ToList();
        return new ReviewDraftDto(draft.Id, draft.Text,
            [.. answer.Sections.Select(s => new DraftSectionDto(s.Title,
                [.. s.Sentences.Select(x => new DraftSentenceDto(x.Text, x.EvidenceIds, [.. x.EvidenceIds.Select(id => order[id])]))]))],
            cited, draft.Provider, draft.Model, draft.CreatedAt, warnings, label, AiGenerated: true, draft.UsedAt is not null, sample, TransparencyLink);
    }

    /// <summary>The manager inserts a draft into their narrative: the review becomes AI-assisted.</summary>
    public async Task<AiUseDto> UseAsync(Guid reviewId, Guid draftId, CancellationToken ct)
    {
        var (review, cycle, _) = await reviews.LoadAsync(reviewId, ct);
        await RequireManagerEditingAsync(review, cycle, ct);
        var draft = await db.Set<AiDraft>().FirstOrDefaultAsync(d => d.Id == draftId && d.ReviewId == reviewId, ct)
            ?? throw new NotFoundException("draft", draftId.ToString());
        if (draft.DiscardedAt is not null) throw new ConflictException("This draft was discarded; draft again to use AI text.");
        draft.UsedAt ??= clock.GetUtcNow();
        draft.UsedBy ??= access.Me;
        draft.ConfirmedAt = null;
        draft.ConfirmedBy = null;
        review.AiAssisted = true; // not a concurrency-relevant change: the manager's version stays valid
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.ai.draft_used", "review", reviewId.ToString(), access.Me,
            After: draft.Text, DataJson: JsonColumn.Write(new { draftId })), ct);
        return new AiUseDto(reviewId, draftId, draft.Text, true, false);
    }

    /// <summary>
    /// The manager discards a draft. Once AI text was inserted into the review it stays AI-assisted and still needs the
    /// confirmation before submitting, whatever is discarded later: the text may still be in the narrative.
    /// </summary>
    public async Task<AiUseDto> DiscardAsync(Guid reviewId, Guid draftId, CancellationToken ct)
    {
        var (review, cycle, _) = await reviews.LoadAsync(reviewId, ct);
        await RequireManagerEditingAsync(review, cycle, ct);
        var draft = await db.Set<AiDraft>().FirstOrDefaultAsync(d => d.Id == draftId && d.ReviewId == reviewId, ct)
            ?? throw new NotFoundException("draft", draftId.ToString());
        draft.DiscardedAt ??= clock.GetUtcNow();
        var everUsed = await db.Set<AiDraft>().AnyAsync(d => d.ReviewId == reviewId && d.UsedAt != null, ct);
        review.AiAssisted = review.AiAssisted || everUsed;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.ai.draft_discarded", "review", reviewId.ToString(), access.Me,
            Reason: everUsed ? "AI text was inserted earlier: the review stays AI-assisted and needs the confirmation." : null,
            DataJson: JsonColumn.Write(new { draftId, wasUsed = draft.UsedAt is not null, staysAiAssisted = review.AiAssisted })), ct);
        return new AiUseDto(reviewId, draftId, draft.Text, review.AiAssisted, false);
    }

    /// <summary>The manager confirms they reviewed, edited where needed, and own the AI-drafted text.</summary>
    public async Task<AiUseDto> ConfirmAsync(Guid reviewId, AiConfirmationRequest request, CancellationToken ct)
    {
        var (review, cycle, _) = await reviews.LoadAsync(reviewId, ct);
        await RequireManagerEditingAsync(review, cycle, ct);
        if (request.ConfirmAiReviewed != true)
            throw new RuleViolationException("confirmAiReviewed", "Set confirmAiReviewed to true to confirm you reviewed the AI-drafted text and own it.");
        var used = await db.Set<AiDraft>().Where(d => d.ReviewId == reviewId && d.UsedAt != null).ToListAsync(ct);
        if (used.Count == 0)
            throw new RuleViolationException("confirmAiReviewed", "No AI-drafted text was inserted into this review, so there is nothing to confirm.");
        var now = clock.GetUtcNow();
        foreach (var d in used)
        {
            d.ConfirmedAt = now;
            d.ConfirmedBy = access.Me;
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.ai.reviewed_confirmed", "review", reviewId.ToString(), access.Me,
            After: review.Narrative, DataJson: JsonColumn.Write(new { draftIds = used.Select(d => d.Id), confirmedBy = access.Me })), ct);
        return new AiUseDto(reviewId, used[^1].Id, used[^1].Text, true, true);
    }

    private async Task RequireManagerEditingAsync(Review review, ReviewCycle cycle, CancellationToken ct)
    {
        if (await access.RoleAsync(review, ct) != ReviewRole.Manager)
            throw new ForbiddenException("Only the manager writing this review inserts, discards or confirms AI-drafted text.");
        if (review.Locked || review.ManagerStatus == ManagerReviewStatus.Submitted)
            throw new ConflictException("This review was already submitted; its text can no longer change.");
        ReviewPhase.Require(cycle.Phase, "using AI-drafted text", ReviewPhase.ManagerWriting);
    }

    // ---- peer feedback summary ----

    public async Task<PeerSummaryDto> PeerSummaryAsync(Guid reviewId, CancellationToken ct)
    {
        var (review, cycle) = await LoadForDraftingAsync(reviewId, ct);
        var peer = await db.PeerFeedback.AsNoTracking().Where(p => p.ReviewId == review.Id).Select(p => new { p.Id, p.Text }).ToListAsync(ct);
        var threshold = cycle.PeerAnonymityThreshold;
        if (peer.Count < threshold)
            return new PeerSummaryDto(false, peer.Count, threshold,
                $"Only {peer.Count} peer(s) responded. Peer feedback is summarised only once at least {threshold} peers have responded, so that no one can be recognised from what they wrote.",
                []);
        var ids = peer.OrderBy(p => p.Id).Select(p => $"peer-feedback:{p.Id}").ToList();
        var sentences = new List<DraftSentenceDto>
        {
            new($"{peer.Count} peers responded anonymously.", ids),
        };
        var recurring = PeerThemes.Recurring(peer.Select(p => p.Text).ToList());
        if (recurring.Count > 0)
            sentences.Add(new DraftSentenceDto($"Words that recur across several responses: {string.Join(", ", recurring)}.", ids));
        foreach (var p in peer.OrderBy(p => p.Id))
            sentences.Add(new DraftSentenceDto("One response: " + ReviewDrafter.Safe(p.Text), [$"peer-feedback:{p.Id}"]));
        return new PeerSummaryDto(true, peer.Count, threshold, null, sentences);
    }
}

/// <summary>Content words (5+ letters, not stop words) used in at least two peer responses, most frequent first.</summary>
internal static partial class PeerThemes
{
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "again", "always", "being", "could", "every", "their", "there", "these", "thing", "things", "think",
        "those", "through", "would", "should", "which", "while", "where", "other", "really", "still", "because", "before", "great",
    };

    public static IReadOnlyList<string> Recurring(IReadOnlyList<string> texts, int max = 5) =>
        [.. texts.SelectMany(t => Word().Matches(t).Select(m => m.Value.ToLowerInvariant()).Where(w => !Stop.Contains(w)).Distinct())
            .GroupBy(w => w).Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(max).Select(g => g.Key)];

    [GeneratedRegex(@"\p{L}{5,}")]
    private static partial Regex Word();
}
