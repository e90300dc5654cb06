using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Ai;
using Scorecard.Platform.Audit;

namespace Scorecard.Okr.Application;

/// <summary>What the model (or the offline drafter) answers: an explanation and, for vague key results, a rewrite.</summary>
internal sealed record ExplainAnswer(string Explanation, string? RewrittenTitle, double? Start, double? Target, string? Unit, string? DueDate);

/// <summary>
/// "Explain and suggest" for one alignment finding, through the Platform AI gateway. Code chooses better parents
/// (deterministic ranking); the model only explains and rewrites a vague key result. The proposal is stored and
/// shown; accepting applies exactly that proposal through the normal validated update path; the model never
/// changes a goal. Accepting and dismissing are written to the audit log.
/// </summary>
internal sealed class ExplainAndSuggestService(
    OkrDbContext db,
    ObjectivesService objectives,
    AlignmentService alignment,
    OkrAccess access,
    OkrNames names,
    IAiGateway gateway,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string Feature = "okr.explain";

    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "explanation": { "type": "string", "minLength": 1, "maxLength": 2000 },
            "rewrittenTitle": { "type": ["string", "null"], "maxLength": 200 },
            "start": { "type": ["number", "null"] },
            "target": { "type": ["number", "null"] },
            "unit": { "type": ["string", "null"], "maxLength": 40 },
            "dueDate": { "type": ["string", "null"], "maxLength": 10 }
          },
          "required": ["explanation", "rewrittenTitle", "start", "target", "unit", "dueDate"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    internal static readonly PromptTemplate SystemPrompt = PromptTemplate.FromText("okr-explain.system", """
        You help an employee improve one goal (an OKR objective or key result) in a performance tool.
        A deterministic check found a problem with it. Explain the finding in two or three plain sentences
        addressed to the goal's owner, and say how to fix it. Never judge or rate the person.
        When the finding is NOT_MEASURABLE, rewrite the key result so it is measurable: a title that names
        the number, with start and target (numbers, start different from target) and a unit, or a dueDate
        (yyyy-MM-dd) inside the period for a milestone. Otherwise set rewrittenTitle, start, target, unit
        and dueDate to null. Answer only with JSON in the requested schema.
        """);

    internal static readonly PromptTemplate UserPrompt = PromptTemplate.FromText("okr-explain.user", """
        Finding code: {{ Code }}
        Owner: {{ OwnerName }}
        Period: {{ Period }} (ends {{ PeriodEnd }})
        Objective: {{ untrusted ObjectiveTitle "objective-title" }}
        {{ if KeyResultTitle }}Key result: {{ untrusted KeyResultTitle "key-result-title" }}
        {{ end }}The check's message: {{ untrusted Message "finding-message" }}
        Numbers behind it: {{ json Numbers }}
        {{ if ProposalText }}The tool proposes: {{ untrusted ProposalText "proposal" }}
        {{ end }}
        """);

    internal static readonly PromptTemplate OfflineTemplate = PromptTemplate.FromText("okr-explain.offline", """
        {{ Headline }} {{ untrusted Message }}{{ if ProposalText }} Proposed change: {{ untrusted ProposalText }}{{ end }}
        """);

    private static readonly Dictionary<string, string> Headlines = new(StringComparer.Ordinal)
    {
        [AlignmentFindingCodes.Unaligned] = "This goal does not connect to the company's OKRs or the strategy yet, so its progress does not show up where it matters.",
        [AlignmentFindingCodes.BrokenParent] = "This goal supports a parent that no longer counts (archived, deleted or in another period).",
        [AlignmentFindingCodes.WeakLink] = "The text of this goal has little in common with the parent it claims to support.",
        [AlignmentFindingCodes.NotMeasurable] = "This key result cannot be measured as written: nobody can tell at the end of the period whether it was met.",
        [AlignmentFindingCodes.PortfolioSkew] = "Taken together, these goals lean away from the balance the strategy asks for.",
        [AlignmentFindingCodes.TooMany] = "There are more goals here than can get real attention in one period.",
    };

    public async Task<SuggestionDto> ExplainAsync(Guid objectiveId, ExplainRequest request, CancellationToken ct)
    {
        var me = access.PersonId ?? throw new ForbiddenException("This action needs an account linked to a person.");
        var code = request.Code?.Trim().ToUpperInvariant() ?? "";
        if (!Headlines.ContainsKey(code)) throw new BadInputException("code", $"'{request.Code}' is not a finding code.");
        var snapshot = await objectives.SnapshotAsync(ct);
        var objective = snapshot.ById.GetValueOrDefault(objectiveId) ?? throw new NotFoundException("Objective", objectiveId);
        if (objective.OwnerPersonId is { } owner && !await access.CanSeeFindingsAboutAsync(owner, ct))
            throw new ForbiddenException("Alignment findings about a person are shown to that person, their managers and HR.");

        var sameOwner = snapshot.Objectives.Where(o => !o.Archived && o.Period == objective.Period
            && (objective.OwnerPersonId is { } p ? o.OwnerPersonId == p : o.Id == objective.Id)).Select(o => o.Id).ToList();
        var findings = await alignment.FindingsAsync(snapshot, sameOwner, objective.PeriodStart, ct);
        var finding = findings.FirstOrDefault(f => f.Code == code && Matches(f, objective, request.KeyResultId))
            ?? throw new RuleViolationException("code", $"There is no {code} finding for this {(request.KeyResultId is null ? "objective" : "key result")} now.");
        var keyResult = finding.Subject.Kind == FindingSubjectKind.KeyResult ? objective.KeyResults.First(k => k.Id == finding.Subject.Id) : null;

        var proposal = await DeterministicProposalAsync(snapshot, objective, finding, ct);
        var period = OkrPeriod.Parse(objective.Period);
        var ownerPerson = await names.PersonAsync(objective.OwnerPersonId, ct);
        var offlineRewrite = keyResult is null ? null : OfflineRewrite(keyResult, period);
        var offlineProposalText = offlineRewrite is null ? proposal?.Text : Describe(offlineRewrite);
        var model = new
        {
            Code = code,
            Headline = Headlines[code],
            OwnerName = ownerPerson?.Name ?? "the team",
            Period = period.Code,
            PeriodEnd = period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ObjectiveTitle = objective.Title,
            KeyResultTitle = keyResult?.Title,
            finding.Message,
            Numbers = finding.Numbers,
            ProposalText = keyResult is null ? proposal?.Text : offlineProposalText,
        };
        var aiRequest = new AiRequest<ExplainAnswer>
        {
            Feature = Feature,
            SubjectId = objective.Id.ToString(),
            SystemPrompt = SystemPrompt,
            UserPrompt = UserPrompt,
            Model = model,
            People = ownerPerson is null ? [] : [new AiPerson(ownerPerson.Name, ownerPerson.Email)],
            ResponseSchema = Schema,
            ResponseSchemaName = "okr_explanation",
            Offline = new OfflineDraft<ExplainAnswer>(OfflineTemplate, text => offlineRewrite is null
                ? new ExplainAnswer(text.Trim(), null, null, null, null, null)
                : new ExplainAnswer(text.Trim(), offlineRewrite.Title, offlineRewrite.Start, offlineRewrite.Target, offlineRewrite.Unit,
                    offlineRewrite.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            Validate = answer => Validate(answer, keyResult, period),
            FallBackToOffline = true,
            Temperature = 0.2f,
            MaxOutputTokens = 600,
        };
        var result = await gateway.GenerateAsync(aiRequest, ct);

        if (keyResult is not null)
            proposal = ProposalFor(ToRewrite(keyResult, result.Answer, period));
        var suggestion = new OkrAiSuggestion
        {
            ObjectiveId = objective.Id,
            KeyResultId = keyResult?.Id,
            Code = code,
            Explanation = Clip(result.Answer.Explanation),
            ProposalJson = proposal is null ? null : JsonSerializer.Serialize(proposal.Dto, JsonSerializerOptions.Web),
            ProposalText = proposal?.Text is { } t ? Clip(t) : null,
            Label = result.Label,
            Provider = result.Provider,
            RequestedByPersonId = me,
            CreatedAt = clock.GetUtcNow(),
        };
        db.AiSuggestions.Add(suggestion);
        await db.SaveChangesAsync(ct);
        return ToDto(suggestion);
    }

    /// <summary>A stored suggestion, for exactly those who may see the finding it explains (the goal's owner, their managers, HR).</summary>
    public async Task<SuggestionDto> GetAsync(Guid suggestionId, CancellationToken ct)
    {
        var suggestion = await db.AiSuggestions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == suggestionId, ct) ?? throw new NotFoundException("Suggestion", suggestionId);
        var objective = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == suggestion.ObjectiveId, ct);
        if (access.PersonId is null && !access.IsHrOrAdmin)
            throw new ForbiddenException("This action needs an account linked to a person.");
        if (objective?.OwnerPersonId is { } owner && !await access.CanSeeFindingsAboutAsync(owner, ct))
            throw new ForbiddenException("Alignment findings about a person, and the suggestions explaining them, are shown to that person, their managers and HR.");
        return ToDto(suggestion);
    }

    /// <summary>Applies exactly the stored proposal through the normal update path (same validation and access rules).</summary>
    public async Task<ObjectiveDto> AcceptAsync(Guid suggestionId, CancellationToken ct)
    {
        var suggestion = await PendingAsync(suggestionId, ct);
        if (suggestion.ProposalJson is null)
            throw new ConflictException("This suggestion only explains the finding; there is no change to apply. Dismiss it when you have read it.");
        var proposal = JsonSerializer.Deserialize<SuggestionProposalDto>(suggestion.ProposalJson, JsonSerializerOptions.Web)!;
        // The checks run again on what would be applied, whatever passed when it was drafted.
        var judgments = new[] { proposal.Title, proposal.Unit, suggestion.ProposalText, suggestion.Explanation }
            .SelectMany(JudgmentContentCheck.Find).ToList();
        if (judgments.Count > 0)
            throw new RuleViolationException("proposal",
                $"This suggestion cannot be applied: it contains {judgments[0]}. AI never rates, ranks or recommends decisions about people; dismiss it and write the goal yourself.");
        ObjectiveDto updated;
        if (proposal.Action == "rewrite_key_result")
        {
            var patch = new JsonObject
            {
                ["title"] = proposal.Title,
                ["kind"] = proposal.Kind,
                ["start"] = proposal.Start,
                ["target"] = proposal.Target,
                ["unit"] = proposal.Unit,
                ["dueDate"] = proposal.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            updated = await objectives.PatchKeyResultAsync(proposal.KeyResultId!.Value, JsonSerializer.SerializeToElement(patch), ct);
        }
        else
        {
            var current = await db.ParentLinks.AsNoTracking().Where(l => l.ObjectiveId == suggestion.ObjectiveId).ToListAsync(ct);
            var parents = current
                .Where(l => proposal.RemoveParentId is not { } removed || (l.ParentObjectiveId ?? l.StrategyObjectiveId) != removed)
                .Select(l => new JsonObject { ["okrObjectiveId"] = l.ParentObjectiveId?.ToString(), ["strategyObjectiveId"] = l.StrategyObjectiveId?.ToString(), ["weight"] = l.Weight })
                .ToList();
            if (!current.Any(l => (l.ParentObjectiveId ?? l.StrategyObjectiveId) == proposal.NewParentId))
                parents.Add(proposal.NewParentKind == "okr"
                    ? new JsonObject { ["okrObjectiveId"] = proposal.NewParentId?.ToString(), ["weight"] = 1.0 }
                    : new JsonObject { ["strategyObjectiveId"] = proposal.NewParentId?.ToString(), ["weight"] = 1.0 });
            var patch = new JsonObject { ["parents"] = new JsonArray([.. parents]) };
            updated = await objectives.PatchAsync(suggestion.ObjectiveId, JsonSerializer.SerializeToElement(patch), ct);
        }
        suggestion.Status = "accepted";
        suggestion.DecidedByPersonId = access.PersonId;
        suggestion.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("okr.suggestion.accepted", "okr.objective", suggestion.ObjectiveId.ToString(), access.PersonId,
            After: suggestion.ProposalText, DataJson: JsonSerializer.Serialize(new { suggestionId = suggestion.Id, suggestion.Code, suggestion.Provider, proposal = suggestion.ProposalJson })), ct);
        return updated;
    }

    public async Task<SuggestionDto> DismissAsync(Guid suggestionId, string? reason, CancellationToken ct)
    {
        var suggestion = await PendingAsync(suggestionId, ct);
        var objective = await db.Objectives.AsNoTracking().FirstAsync(o => o.Id == suggestion.ObjectiveId, ct);
        if (suggestion.RequestedByPersonId != access.PersonId && !await access.CanEditAsync(objective, ct))
            throw new ForbiddenException("Only the person who asked, or someone who may edit the goal, can dismiss this suggestion.");
        if (reason is { Length: > OkrCheckIn.CommentMaxLength }) throw new BadInputException("reason", "reason is too long.");
        suggestion.Status = "dismissed";
        suggestion.DecidedByPersonId = access.PersonId;
        suggestion.DecidedAt = clock.GetUtcNow();
        suggestion.DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("okr.suggestion.dismissed", "okr.objective", suggestion.ObjectiveId.ToString(), access.PersonId,
            Before: suggestion.ProposalText, Reason: suggestion.DecisionReason,
            DataJson: JsonSerializer.Serialize(new { suggestionId = suggestion.Id, suggestion.Code, suggestion.Provider })), ct);
        return ToDto(suggestion);
    }

    private async Task<OkrAiSuggestion> PendingAsync(Guid id, CancellationToken ct)
    {
        var suggestion = await db.AiSuggestions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Suggestion", id);
        if (suggestion.Status != "pending") throw new ConflictException($"This suggestion was already {suggestion.Status}.");
        return suggestion;
    }

    private static bool Matches(AlignmentFinding f, OkrObjective objective, Guid? keyResultId) => f.Subject.Kind switch
    {
        FindingSubjectKind.Objective => f.Subject.Id == objective.Id && keyResultId is null,
        FindingSubjectKind.KeyResult => objective.KeyResults.Any(k => k.Id == f.Subject.Id) && (keyResultId is null || keyResultId == f.Subject.Id),
        _ => f.Subject.Id == objective.OwnerPersonId,
    };

    private sealed record Proposal(SuggestionProposalDto Dto, string Text);

    private sealed record Rewrite(Guid KeyResultId, string Title, string Kind, double? Start, double? Target, string? Unit, DateOnly? DueDate);

    /// <summary>Better parents come from the deterministic ranking, never from the model.</summary>
    private async Task<Proposal?> DeterministicProposalAsync(OkrSnapshot snapshot, OkrObjective objective, AlignmentFinding finding, CancellationToken ct)
    {
        IReadOnlyList<ParentSuggestionDto> candidates;
        switch (finding.Code)
        {
            case AlignmentFindingCodes.Unaligned or AlignmentFindingCodes.WeakLink when finding.Suggestions.Count > 0:
                var best = finding.Suggestions[0];
                candidates = [new ParentSuggestionDto(best.Parent.Kind == ParentKind.OkrObjective ? "okr" : "strategy", best.Parent.Id, best.Title, best.Score, null)];
                break;
            case AlignmentFindingCodes.BrokenParent:
            case AlignmentFindingCodes.Unaligned:
                candidates = (await alignment.ParentSuggestionsAsync(objective.Id, ct)).Items.Where(c => c.Score > 0).ToList();
                break;
            default:
                return null;
        }
        if (candidates.Count == 0) return null;
        var pick = candidates[0];
        var removed = finding.Code is AlignmentFindingCodes.WeakLink or AlignmentFindingCodes.BrokenParent ? finding.Parent?.Id : null;
        var removedTitle = removed is { } r ? snapshot.ById.GetValueOrDefault(r)?.Title ?? snapshot.Strategy.GetValueOrDefault(r)?.Name ?? "the broken parent" : null;
        var dto = new SuggestionProposalDto(removed is null ? "add_parent" : "change_parent", null, null, null, null, null, null, null,
            removed, pick.Kind, pick.Id, pick.Title);
        var text = removed is null
            ? $"Support '{pick.Title}' (similarity {pick.Score.ToString("0.00", CultureInfo.InvariantCulture)})."
            : $"Support '{pick.Title}' (similarity {pick.Score.ToString("0.00", CultureInfo.InvariantCulture)}) instead of '{removedTitle}'.";
        return new Proposal(dto, text);
    }

    /// <summary>Without a model: make the key result a milestone due at the end of the period.</summary>
    private static Rewrite OfflineRewrite(OkrKeyResult k, OkrPeriod period)
    {
        var due = k.DueDate is { } d && period.Contains(d) ? d : period.End;
        var title = k.Title.Length > 170 ? k.Title[..170] : k.Title;
        return new Rewrite(k.Id, $"{title} (done by {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", "milestone", null, null, null, due);
    }

    private static Rewrite ToRewrite(OkrKeyResult k, ExplainAnswer answer, OkrPeriod period) => ModelRewrite(k, answer, period) ?? OfflineRewrite(k, period);

    /// <summary>The model's rewrite when it is complete (title plus start ≠ target, or a due date inside the period); else null.</summary>
    private static Rewrite? ModelRewrite(OkrKeyResult k, ExplainAnswer answer, OkrPeriod period)
    {
        if (string.IsNullOrWhiteSpace(answer.RewrittenTitle) || answer.RewrittenTitle.Trim().Length > OkrObjective.TitleMaxLength) return null;
        if (answer.Start is { } s && answer.Target is { } t && double.IsFinite(s) && double.IsFinite(t) && s != t)
            return new Rewrite(k.Id, answer.RewrittenTitle.Trim(), k.Kind is "percentage" && s is >= 0 and <= 100 && t is >= 0 and <= 100 ? "percentage" : "metric",
                s, t, string.IsNullOrWhiteSpace(answer.Unit) ? null : answer.Unit.Trim(), null);
        if (answer.DueDate is { } dd && DateOnly.TryParseExact(dd, "yyyy-MM-dd", out var due) && period.Contains(due))
            return new Rewrite(k.Id, answer.RewrittenTitle.Trim(), "milestone", null, null, null, due);
        return null;
    }

    private static AiValidation Validate(ExplainAnswer answer, OkrKeyResult? keyResult, OkrPeriod period)
    {
        if (string.IsNullOrWhiteSpace(answer.Explanation)) return AiValidation.Reject("The explanation is empty.");
        if (keyResult is null) return AiValidation.Ok;
        if (ModelRewrite(keyResult, answer, period) is not { } rewrite)
            return AiValidation.Reject("The proposed key result names no start and target, nor a due date inside the period.");
        var spec = new KeyResultSpec(keyResult.Id, rewrite.Title, KeyResultKindCodes.Parse(rewrite.Kind), rewrite.Start, rewrite.Target, DueDate: rewrite.DueDate);
        return KeyResultMeasurability.Problems(spec).Count == 0
            ? AiValidation.Ok
            : AiValidation.Reject("The proposed key result is still not measurable.");
    }

    private static Proposal ProposalFor(Rewrite r)
    {
        var dto = new SuggestionProposalDto("rewrite_key_result", r.KeyResultId, r.Title, r.Kind, r.Start, r.Target, r.Unit, r.DueDate, null, null, null, null);
        return new Proposal(dto, Describe(r));
    }

    private static string Describe(Rewrite r) => r.Kind == "milestone"
        ? $"Rewrite the key result as '{r.Title}', a milestone due {r.DueDate:yyyy-MM-dd}."
        : $"Rewrite the key result as '{r.Title}', from {r.Start?.ToString(CultureInfo.InvariantCulture)} to {r.Target?.ToString(CultureInfo.InvariantCulture)}{(r.Unit is null ? "" : " " + r.Unit)}.";

    private static string Clip(string text) => text.Length > OkrAiSuggestion.TextMaxLength ? text[..OkrAiSuggestion.TextMaxLength] : text;

    private static SuggestionDto ToDto(OkrAiSuggestion s) => new(
        s.Id, s.ObjectiveId, s.KeyResultId, s.Code, s.Explanation, s.ProposalText,
        s.ProposalJson is null ? null : JsonSerializer.Deserialize<SuggestionProposalDto>(s.ProposalJson, JsonSerializerOptions.Web),
        s.Label, s.Provider, s.Status);
}
