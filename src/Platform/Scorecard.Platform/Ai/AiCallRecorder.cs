using System.Diagnostics;
using System.Text.Json;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;

namespace Scorecard.Platform.Ai;

/// <summary>Opens the span of a call and, when it ends, records the GenAI metrics, the span tags and one audit record.</summary>
internal sealed class AiCallRecorder(AiMetrics metrics, IAuditLog auditLog, TimeProvider time, AiAuditRetention? retention = null, ICurrentUser? currentUser = null)
{
    public const string AuditAction = "ai.call";

    public static Activity? Start(AiCallRecord call, AiOptions o)
    {
        var activity = AiTelemetry.ActivitySource.StartActivity($"chat {call.Model}", ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag("gen_ai.operation.name", "chat");
        activity.SetTag("gen_ai.provider.name", call.GenAiProvider);
        activity.SetTag("gen_ai.system", call.GenAiProvider);
        activity.SetTag("gen_ai.request.model", call.Model);
        activity.SetTag("gen_ai.output.type", "json");
        activity.SetTag(AiTelemetry.FeatureAttribute, call.Feature);
        activity.SetTag("scorecard.ai.call_id", call.CallId.ToString());
        if (call.Provider != AiOptions.OfflineProvider && Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var endpoint))
        {
            activity.SetTag("server.address", endpoint.Host);
            activity.SetTag("server.port", endpoint.Port);
        }
        return activity;
    }

    public async Task CompleteAsync(AiCallRecord call, Activity? activity)
    {
        var seconds = time.GetElapsedTime(call.StartedAt).TotalSeconds;
        var tags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", call.GenAiProvider },
            { "gen_ai.request.model", call.Model },
        };
        if (call.ResponseModel is not null) tags.Add("gen_ai.response.model", call.ResponseModel);
        if (call.ErrorType is not null) tags.Add("error.type", call.ErrorType);
        metrics.OperationDuration.Record(seconds, tags);
        if (call.Usage is { } usage)
        {
            var input = tags;
            input.Add("gen_ai.token.type", "input");
            metrics.TokenUsage.Record(usage.InputTokens, input);
            var output = tags;
            output.Add("gen_ai.token.type", "output");
            metrics.TokenUsage.Record(usage.OutputTokens, output);
        }

        if (activity is not null)
        {
            if (call.ResponseModel is not null) activity.SetTag("gen_ai.response.model", call.ResponseModel);
            if (call.ResponseId is not null) activity.SetTag("gen_ai.response.id", call.ResponseId);
            if (call.FinishReason is not null) activity.SetTag("gen_ai.response.finish_reasons", new[] { call.FinishReason });
            if (call.Usage is { } u)
            {
                activity.SetTag("gen_ai.usage.input_tokens", u.InputTokens);
                activity.SetTag("gen_ai.usage.output_tokens", u.OutputTokens);
            }
            activity.SetTag("scorecard.ai.outcome", call.Outcome);
            if (call.InjectionSignalKinds.Count > 0)
                activity.SetTag("scorecard.ai.injection_signals", call.InjectionSignalKinds.ToArray());
            if (call.ErrorType is not null)
            {
                activity.SetTag("error.type", call.ErrorType);
                activity.SetStatus(ActivityStatusCode.Error, call.Outcome);
            }
        }

        var data = new AiCallAuditData(
            call.CallId, call.Provider, call.Model, call.ResponseModel,
            call.Usage?.InputTokens ?? 0, call.Usage?.OutputTokens ?? 0, call.Usage?.TotalTokens ?? 0, call.CountedPromptTokens,
            call.Outcome, call.FailureKind is { } kind ? AiFailures.FailureName(kind) : null, call.ErrorType,
            (long)Math.Round(seconds * 1000),
            [.. call.Signals.Select(s => new AiAuditSignal(s.Kind, call.Pseudonymize(s.Source)))],
            [.. call.Reasons.Select(call.Pseudonymize)],
            [.. call.Warnings.Select(call.Pseudonymize)],
            call.People, call.UntrustedBlocks, call.Templates, call.Fallback,
            call.FallbackReason is null ? null : call.Pseudonymize(call.FallbackReason),
            call.RejectedAnswer);
        await auditLog.WriteAsync(new AuditEntry(
            AuditAction, call.Feature, call.SubjectId ?? call.CallId.ToString(), currentUser?.PersonId,
            DataJson: JsonSerializer.Serialize(data, AiJson.DefaultOptions)), CancellationToken.None);
        if (call.RejectedAnswer is not null && retention is not null)
            await retention.PurgeExpiredAsync(CancellationToken.None);
    }
}
