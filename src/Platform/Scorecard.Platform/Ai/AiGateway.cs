using System.Buffers;
using System.ClientModel;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Render → spotlight → pseudonymize → (timeout, retry, circuit breaker) → restore → validate, with one span,
/// the GenAI metrics and one audit record per call.
/// </summary>
internal sealed class AiGateway(
    IOptions<AiOptions> options,
    IChatClient chatClient,
    AiResilience resilience,
    PromptRenderer renderer,
    AiMetrics metrics,
    IAuditLog auditLog,
    TimeProvider time,
    ICurrentUser? currentUser = null,
    ILogger<AiGateway>? logger = null) : IAiGateway
{
    public const string AuditAction = "ai.call";
    internal const string OfflineModel = "none";

    private static readonly Lazy<PromptTemplate> Preamble = new(() => PromptTemplate.Platform("gateway.system.hbs"));
    private readonly ILogger logger = logger ?? NullLogger<AiGateway>.Instance;

    public AiProviderInfo Provider
    {
        get
        {
            var o = options.Value;
            return new AiProviderInfo(o.NormalizedProvider, o.EffectiveModel, o.IsOffline);
        }
    }

    public async Task<AiResult<T>> GenerateAsync<T>(AiRequest<T> request, CancellationToken cancellationToken = default)
    {
        Check(request);
        var o = options.Value;
        if (o.IsOffline)
            return await DraftOfflineCoreAsync(request, [], cancellationToken);

        try
        {
            return await CallModelAsync(request, o, cancellationToken);
        }
        catch (AiGatewayException ex) when (request.FallBackToOffline && request.Offline is not null)
        {
            return await DraftOfflineCoreAsync(request, [$"{ex.Message} This is an offline draft instead."], cancellationToken);
        }
    }

    public Task<AiResult<T>> DraftOfflineAsync<T>(AiRequest<T> request, CancellationToken cancellationToken = default)
    {
        Check(request);
        return DraftOfflineCoreAsync(request, [], cancellationToken);
    }

    private async Task<AiResult<T>> CallModelAsync<T>(AiRequest<T> request, AiOptions o, CancellationToken cancellationToken)
    {
        var call = new CallRecord(request.Feature, AiOptions.OpenAICompatibleProvider, o.EffectiveModel, time.GetTimestamp())
        {
            SubjectId = request.SubjectId,
        };
        var pseudonymizer = new Pseudonymizer(request.People);
        call.Pseudonymizer = pseudonymizer;
        call.People = request.People.Count;
        call.UntrustedBlocks = request.Untrusted.Count;
        call.Templates = [request.SystemPrompt.Name, request.UserPrompt.Name];
        foreach (var block in request.Untrusted)
            call.AddSignals(PromptInjectionDetector.Detect(block.Text, block.Key));

        using var activity = StartActivity(call, o);
        try
        {
            var jsonOptions = request.JsonOptions ?? AiJson.DefaultOptions;
            var schema = request.ResponseSchema ?? AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: jsonOptions);

            // Render: the gateway's preamble, the feature's prompts, and any untrusted block the template did not place.
            var scope = new RenderScope(RenderMode.Model, Spotlighting.NewBoundary(), request.Untrusted);
            var system = renderer.Render(Preamble.Value, new { scope.Boundary, Schema = schema.GetRawText() }, scope)
                + "\n\n" + renderer.Render(request.SystemPrompt, request.Model, scope);
            var user = renderer.Render(request.UserPrompt, request.Model, scope);
            foreach (var block in request.Untrusted.Where(b => !scope.PlacedBlocks.Contains(b.Key)))
                user += "\n\n" + scope.Block(block.Key);
            call.AddSignals(scope.Signals);

            ChatMessage[] messages =
            [
                new(ChatRole.System, PseudonymizeAroundDelimiters(system, scope.Boundary, pseudonymizer)),
                new(ChatRole.User, PseudonymizeAroundDelimiters(user, scope.Boundary, pseudonymizer)),
            ];
            var chatOptions = new ChatOptions
            {
                ModelId = o.EffectiveModel,
                Temperature = request.Temperature ?? o.Temperature,
                MaxOutputTokens = request.MaxOutputTokens ?? o.MaxOutputTokens,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, request.ResponseSchemaName),
            };
            activity?.SetTag("gen_ai.request.temperature", chatOptions.Temperature);
            activity?.SetTag("gen_ai.request.max_tokens", chatOptions.MaxOutputTokens);

            var response = await resilience.Pipeline.ExecuteAsync(
                async token => await chatClient.GetResponseAsync(messages, chatOptions, token), cancellationToken);
            call.ResponseModel = response.ModelId;
            call.ResponseId = response.ResponseId;
            call.FinishReason = response.FinishReason?.Value;
            call.Usage = response.Usage is { } u
                ? new AiUsage(u.InputTokenCount ?? 0, u.OutputTokenCount ?? 0, u.TotalTokenCount ?? (u.InputTokenCount ?? 0) + (u.OutputTokenCount ?? 0))
                : null;

            var answer = ReadAnswer(request, response, schema, jsonOptions, pseudonymizer, call);
            call.Outcome = "ok";
            return new AiResult<T>(answer, call.Provider, call.ResponseModel ?? call.Model, call.Usage ?? AiUsage.None,
                call.Warnings, call.Signals, call.CallId);
        }
        catch (AiGatewayException ex)
        {
            call.Fail(ex.Kind, ex.Kind switch
            {
                AiFailureKind.Rejected => "rejected",
                AiFailureKind.TimedOut => "timeout",
                AiFailureKind.CircuitOpen => "circuit-open",
                _ => "error",
            }, call.ErrorType ?? ErrorTypeOf(ex.Kind), ex.Reasons);
            logger.LogWarning("AI call {CallId} for {Feature} failed: {Kind} ({ErrorType}).", call.CallId, request.Feature, ex.Kind, call.ErrorType);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.Outcome = "cancelled";
            call.ErrorType = typeof(OperationCanceledException).FullName;
            throw;
        }
        catch (Exception ex) when (Translate(ex, request.Feature, o) is { } translated)
        {
            call.Fail(translated.Kind, translated.Kind switch
            {
                AiFailureKind.TimedOut => "timeout",
                AiFailureKind.CircuitOpen => "circuit-open",
                _ => "error",
            }, ErrorTypeOf(ex), translated.Reasons);
            logger.LogWarning("AI call {CallId} for {Feature} failed: {Kind} ({ErrorType}).", call.CallId, request.Feature, translated.Kind, call.ErrorType);
            throw translated;
        }
        finally
        {
            await CompleteAsync(call, activity);
        }
    }

    private static T ReadAnswer<T>(AiRequest<T> request, ChatResponse response, JsonElement schema,
        JsonSerializerOptions jsonOptions, Pseudonymizer pseudonymizer, CallRecord call)
    {
        if (response.AdditionalProperties?.TryGetValue("refusal", out var refusal) == true && refusal is string refused)
            throw Malformed(request.Feature, "the model refused to answer", call, "refusal", pseudonymizer.Restore(refused));
        if (!AiJson.TryParse(response.Text, out var node, out var parseError))
            throw Malformed(request.Feature, parseError, call, "malformed_output");

        var element = RestoreNames(JsonSerializer.SerializeToElement(node, AiJson.DefaultOptions), pseudonymizer);
        var shape = AiJson.CheckShape(schema, element);
        if (shape.Count > 0)
            throw Malformed(request.Feature, "it does not have the expected shape (" + string.Join("; ", shape.Take(3)) + ")", call, "malformed_output", [.. shape]);

        if (request.RejectJudgmentContent)
        {
            var findings = JudgmentContentCheck.FindInJson(element);
            if (findings.Count > 0) throw Rejected(request.Feature, [.. findings.Select(JudgmentContentCheck.Describe)], call);
        }

        T answer;
        try
        {
            answer = element.Deserialize<T>(jsonOptions) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw Malformed(request.Feature, $"it does not have the expected shape ({ex.Path ?? "$"} has the wrong type)", call, "malformed_output");
        }

        var validation = request.Validate?.Invoke(answer) ?? AiValidation.Ok;
        if (!validation.IsValid) throw Rejected(request.Feature, validation.Errors, call);
        call.Warnings.AddRange(validation.Warnings);
        if (call.FinishReason == ChatFinishReason.Length.Value)
            call.Warnings.Add("The answer reached the token limit and may be cut short.");
        return answer;
    }

    private async Task<AiResult<T>> DraftOfflineCoreAsync<T>(AiRequest<T> request, IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        var call = new CallRecord(request.Feature, AiOptions.OfflineProvider, OfflineModel, time.GetTimestamp())
        {
            SubjectId = request.SubjectId,
            Pseudonymizer = new Pseudonymizer(request.People),
            People = request.People.Count,
            UntrustedBlocks = request.Untrusted.Count,
            Fallback = warnings.Count > 0,
        };
        call.Warnings.AddRange(warnings);
        foreach (var block in request.Untrusted)
            call.AddSignals(PromptInjectionDetector.Detect(block.Text, block.Key));

        using var activity = StartActivity(call, options.Value);
        try
        {
            if (request.Offline is null)
                throw new AiGatewayException(AiFailureKind.NotConfigured, request.Feature, options.Value.IsOffline
                    ? $"No language model is configured (Ai:Provider is 'offline') and '{request.Feature}' has no offline draft."
                    : $"'{request.Feature}' has no offline draft.");
            call.Templates = [request.Offline.Template.Name];
            var scope = new RenderScope(RenderMode.Offline, "", request.Untrusted);
            var text = renderer.Render(request.Offline.Template, request.Model, scope);
            call.AddSignals(scope.Signals);
            var answer = request.Offline.ToAnswer(text);
            var validation = request.Validate?.Invoke(answer) ?? AiValidation.Ok;
            if (!validation.IsValid) throw Rejected(request.Feature, validation.Errors, call);
            call.Warnings.AddRange(validation.Warnings);
            call.Outcome = "ok";
            call.ResponseModel = OfflineModel;
            return new AiResult<T>(answer, AiOptions.OfflineProvider, OfflineModel, AiUsage.None, call.Warnings, call.Signals, call.CallId);
        }
        catch (AiGatewayException ex)
        {
            call.Fail(ex.Kind, ex.Kind == AiFailureKind.Rejected ? "rejected" : "error", call.ErrorType ?? ErrorTypeOf(ex.Kind), ex.Reasons);
            throw;
        }
        finally
        {
            await CompleteAsync(call, activity);
        }
    }

    private static Activity? StartActivity(CallRecord call, AiOptions o)
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

    private async Task CompleteAsync(CallRecord call, Activity? activity)
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

        var data = new AuditData(
            call.CallId, call.Provider, call.Model, call.ResponseModel,
            call.Usage?.InputTokens ?? 0, call.Usage?.OutputTokens ?? 0, call.Usage?.TotalTokens ?? 0,
            call.Outcome, call.FailureKind is { } kind ? FailureName(kind) : null, call.ErrorType,
            (long)Math.Round(seconds * 1000),
            [.. call.Signals.Select(s => new AuditSignal(s.Kind, call.Pseudonymize(s.Source)))],
            [.. call.Reasons.Select(call.Pseudonymize)],
            [.. call.Warnings.Select(call.Pseudonymize)],
            call.People, call.UntrustedBlocks, call.Templates, call.Fallback);
        await auditLog.WriteAsync(new AuditEntry(
            AuditAction, call.Feature, call.SubjectId ?? call.CallId.ToString(), currentUser?.PersonId,
            DataJson: JsonSerializer.Serialize(data, AiJson.DefaultOptions)), CancellationToken.None);
    }

    private static AiGatewayException? Translate(Exception ex, string feature, AiOptions o)
    {
        const string KeepWorking = " You can keep working; the offline draft is still available.";
        var retries = o.MaxRetries > 0 ? $", after {o.MaxRetries} {(o.MaxRetries == 1 ? "retry" : "retries")}" : "";
        return ex switch
        {
            TimeoutRejectedException => new AiGatewayException(AiFailureKind.TimedOut, feature,
                $"The AI model timed out: no answer within {o.TimeoutSeconds:0.##} second{(o.TimeoutSeconds == 1 ? "" : "s")}.{KeepWorking}"),
            BrokenCircuitException broken => new AiGatewayException(AiFailureKind.CircuitOpen, feature,
                "AI temporarily unavailable: recent calls to the model failed, so AI calls are paused"
                + (broken.RetryAfter is { } after ? $" for about {Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))} seconds." : ".") + KeepWorking),
            ClientResultException { Status: 0 } => new AiGatewayException(AiFailureKind.Unavailable, feature,
                $"The AI model is unavailable: the model server could not be reached{retries}.{KeepWorking}", [ex.GetType().Name]),
            ClientResultException cre => new AiGatewayException(AiFailureKind.Unavailable, feature, cre.Status switch
            {
                401 or 403 => $"The AI model is unavailable: the model server refused the credentials (HTTP {cre.Status}); check Ai:ApiKey.{KeepWorking}",
                404 => $"The AI model is unavailable: the model server does not know model '{o.Model}' or the endpoint is wrong (HTTP 404); check Ai:Endpoint and Ai:Model.{KeepWorking}",
                429 => $"The AI model is unavailable: the model server is limiting requests (HTTP 429{retries}).{KeepWorking}",
                >= 500 => $"The AI model is unavailable: the model server failed (HTTP {cre.Status}{retries}).{KeepWorking}",
                _ => $"The AI model is unavailable: the model server rejected the request (HTTP {cre.Status}).{KeepWorking}",
            }, [$"HTTP {cre.Status}"]),
            HttpRequestException or IOException or SocketException => new AiGatewayException(AiFailureKind.Unavailable, feature,
                $"The AI model is unavailable: the model server could not be reached{retries}.{KeepWorking}", [ex.GetType().Name]),
            JsonException or FormatException or ArgumentException or InvalidOperationException => new AiGatewayException(AiFailureKind.MalformedOutput, feature,
                $"The AI model returned malformed output: the server's reply is not a chat completion.{KeepWorking}", [ex.GetType().Name]),
            OperationCanceledException => new AiGatewayException(AiFailureKind.TimedOut, feature,
                $"The AI model timed out: the connection to the model server was cancelled.{KeepWorking}", [ex.GetType().Name]),
            _ => new AiGatewayException(AiFailureKind.Unavailable, feature,
                $"The AI model is unavailable: the call failed ({ex.GetType().Name}).{KeepWorking}", [ex.GetType().Name]),
        };
    }

    private static AiGatewayException Malformed(string feature, string why, CallRecord call, string errorType, params string[] reasons)
    {
        call.ErrorType = errorType;
        return new AiGatewayException(AiFailureKind.MalformedOutput, feature,
            $"The AI model returned malformed output: {why}. Try again, or use the offline draft.", reasons.Length == 0 ? [why] : reasons);
    }

    private static AiGatewayException Rejected(string feature, IReadOnlyList<string> errors, CallRecord call)
    {
        call.ErrorType = "rejected";
        return new AiGatewayException(AiFailureKind.Rejected, feature,
            $"The AI draft was rejected by validation: {string.Join("; ", errors.Take(3))}. Nothing was changed; write the text yourself or use the offline draft.",
            errors);
    }

    /// <summary>
    /// Pseudonymizes everything except the delimiters themselves (a person called "Data" must not break
    /// <c>untrusted-data</c>); a delimiter's source label is pseudonymized on its own.
    /// </summary>
    internal static string PseudonymizeAroundDelimiters(string text, string boundary, Pseudonymizer pseudonymizer)
    {
        var delimiter = new System.Text.RegularExpressions.Regex(
            $@"<</?{Spotlighting.Tag} id={boundary}(?: source=""(?<source>[^""]*)"")?>>", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var result = new System.Text.StringBuilder(text.Length);
        var last = 0;
        foreach (System.Text.RegularExpressions.Match m in delimiter.Matches(text))
        {
            result.Append(pseudonymizer.Pseudonymize(text[last..m.Index]));
            var source = m.Groups["source"];
            result.Append(source.Success
                ? m.Value[..(source.Index - m.Index)] + pseudonymizer.Pseudonymize(source.Value) + m.Value[(source.Index - m.Index + source.Length)..]
                : m.Value);
            last = m.Index + m.Length;
        }
        result.Append(pseudonymizer.Pseudonymize(text[last..]));
        return result.ToString();
    }

    /// <summary>Rewrites every string in the answer with the names put back.</summary>
    private static JsonElement RestoreNames(JsonElement element, Pseudonymizer pseudonymizer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(element, writer, pseudonymizer);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();

        static void Write(JsonElement e, Utf8JsonWriter w, Pseudonymizer p)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    w.WriteStartObject();
                    foreach (var property in e.EnumerateObject())
                    {
                        w.WritePropertyName(property.Name);
                        Write(property.Value, w, p);
                    }
                    w.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    w.WriteStartArray();
                    foreach (var item in e.EnumerateArray()) Write(item, w, p);
                    w.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    w.WriteStringValue(p.Restore(e.GetString()!));
                    break;
                default:
                    e.WriteTo(w);
                    break;
            }
        }
    }

    private static void Check<T>(AiRequest<T> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Feature, nameof(request.Feature));
        ArgumentNullException.ThrowIfNull(request.SystemPrompt, nameof(request.SystemPrompt));
        ArgumentNullException.ThrowIfNull(request.UserPrompt, nameof(request.UserPrompt));
        var duplicate = request.Untrusted.GroupBy(b => b.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Untrusted block key '{duplicate.Key}' is used twice.", nameof(request));
    }

    private static string ErrorTypeOf(Exception ex) => ex switch
    {
        TimeoutRejectedException => "timeout",
        BrokenCircuitException => "circuit_open",
        ClientResultException { Status: > 0 } cre => cre.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => ex.GetType().FullName ?? "_OTHER",
    };

    private static string ErrorTypeOf(AiFailureKind kind) => kind switch
    {
        AiFailureKind.TimedOut => "timeout",
        AiFailureKind.CircuitOpen => "circuit_open",
        AiFailureKind.MalformedOutput => "malformed_output",
        AiFailureKind.Rejected => "rejected",
        AiFailureKind.NotConfigured => "not_configured",
        _ => "_OTHER",
    };

    private static string FailureName(AiFailureKind kind) => kind switch
    {
        AiFailureKind.NotConfigured => "not-configured",
        AiFailureKind.Unavailable => "unavailable",
        AiFailureKind.TimedOut => "timed-out",
        AiFailureKind.MalformedOutput => "malformed-output",
        AiFailureKind.Rejected => "rejected",
        AiFailureKind.CircuitOpen => "circuit-open",
        _ => kind.ToString(),
    };

    /// <summary>What one call did, for the span, the metrics and the audit record.</summary>
    private sealed class CallRecord(string feature, string provider, string model, long startedAt)
    {
        public Guid CallId { get; } = Guid.NewGuid();
        public string Feature { get; } = feature;
        public string? SubjectId { get; init; }
        public string Provider { get; } = provider;
        public string GenAiProvider => Provider == AiOptions.OpenAICompatibleProvider ? "openai" : Provider;
        public string Model { get; } = model;
        public long StartedAt { get; } = startedAt;
        public Pseudonymizer? Pseudonymizer { get; set; }
        public string? ResponseModel { get; set; }
        public string? ResponseId { get; set; }
        public string? FinishReason { get; set; }
        public AiUsage? Usage { get; set; }
        public string Outcome { get; set; } = "error";
        public AiFailureKind? FailureKind { get; private set; }
        public string? ErrorType { get; set; }
        public List<string> Warnings { get; } = [];
        public List<string> Reasons { get; } = [];
        public List<InjectionSignal> Signals { get; } = [];
        public IReadOnlyList<string> InjectionSignalKinds => [.. Signals.Select(s => s.Kind).Distinct()];
        public int People { get; set; }
        public int UntrustedBlocks { get; set; }
        public IReadOnlyList<string> Templates { get; set; } = [];
        public bool Fallback { get; init; }

        public void AddSignals(IEnumerable<InjectionSignal> signals)
        {
            foreach (var signal in signals)
                if (!Signals.Contains(signal)) Signals.Add(signal);
        }

        public void Fail(AiFailureKind kind, string outcome, string errorType, IEnumerable<string> reasons)
        {
            FailureKind = kind;
            Outcome = outcome;
            ErrorType = errorType;
            Reasons.AddRange(reasons);
        }

        public string Pseudonymize(string text) => Pseudonymizer?.Pseudonymize(text) ?? text;
    }

    private sealed record AuditSignal(string Kind, string Source);

    private sealed record AuditData(
        Guid CallId, string Provider, string Model, string? ResponseModel,
        long InputTokens, long OutputTokens, long TotalTokens,
        string Outcome, string? Failure, string? ErrorType, long DurationMs,
        IReadOnlyList<AuditSignal> InjectionSignals, IReadOnlyList<string> Reasons, IReadOnlyList<string> Warnings,
        int People, int UntrustedBlocks, IReadOnlyList<string> PromptTemplates, bool Fallback);
}
