using System.Text.Json;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// The AI audit trail for administrators: every AI call (feature, who asked, when, provider, model, tokens, outcome,
/// why it fell back) and the AI-related decisions people made (drafts created, inserted, discarded, confirmed,
/// OKR suggestions accepted or dismissed, the switch). Rejected model answers are shown as kept — pseudonymized,
/// for 30 days — from the call's own audit record.
/// </summary>
internal sealed class AiAuditService(IAuditLog audit, IOrganizationDirectory directory, ICurrentUser user)
{
    public const int MaxLimit = 500;

    private static readonly string[] DecisionActions =
    [
        "reviews.ai.draft_created", "reviews.ai.draft_used", "reviews.ai.draft_discarded", "reviews.ai.reviewed_confirmed",
        "reviews.ai.submitted_with_ai_text", "reviews.ai.injection_suspected", "reviews.ai.settings_changed",
        "okr.suggestion.accepted", "okr.suggestion.dismissed", "reviews.bias_finding_dismissed",
    ];

    public async Task<AiAuditDto> ListAsync(int? limit, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) throw new ForbiddenException("The AI audit trail is for administrators.");
        var take = Math.Clamp(limit ?? 100, 1, MaxLimit);
        var calls = await audit.ReadAsync(action: "ai.call", limit: take, cancellationToken: ct);
        var decisions = new List<AuditRecord>();
        foreach (var action in DecisionActions)
            decisions.AddRange(await audit.ReadAsync(action: action, limit: take, cancellationToken: ct));
        decisions = [.. decisions.OrderByDescending(d => d.Id).Take(take)];

        var actors = calls.Concat(decisions).Select(r => r.ActorPersonId).OfType<Guid>().Distinct().ToList();
        var names = (await directory.GetPeopleAsync(actors, ct)).ToDictionary(p => p.Id, p => p.Name);
        string? Who(Guid? id) => id is { } g ? names.GetValueOrDefault(g, "unknown person") : null;

        return new AiAuditDto(
            [.. calls.Select(c => ToCall(c, Who(c.ActorPersonId)))],
            [.. decisions.Select(d => new AiDecisionDto(d.Id, d.At, d.Action, d.SubjectType, d.SubjectId, Who(d.ActorPersonId), d.Reason))],
            AiAuditRetentionDays: 30);
    }

    private static AiCallDto ToCall(AuditRecord r, string? who)
    {
        JsonElement data = default;
        try
        {
            data = JsonDocument.Parse(r.DataJson ?? "{}").RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        string? S(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        long N(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;
        bool B(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        return new AiCallDto(r.Id, r.At, r.SubjectType, r.SubjectId, who, S("provider") ?? "", S("responseModel") ?? S("model") ?? "",
            N("inputTokens"), N("outputTokens"), N("countedPromptTokens"), S("outcome") ?? "", S("failure"), S("errorType"),
            B("fallback"), S("fallbackReason"), N("durationMs"), S("rejectedAnswer"));
    }
}
