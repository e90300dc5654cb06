using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Switch → render → spotlight → pseudonymize (the request's people and the whole directory) → count tokens →
/// (timeout, retry, circuit breaker) → size, shape, judgment and placeholder checks while names are still
/// placeholders → restore → feature validation, with one span, the GenAI metrics and one audit record per call.
/// </summary>
internal sealed class AiGateway(
    IOptions<AiOptions> options,
    SemanticKernelRuntime runtime,
    AiResilience resilience,
    PromptRenderer renderer,
    AiCallRecorder recorder,
    TimeProvider time,
    IEnumerable<IAiPeopleSource> peopleSources,
    IEnumerable<IAiSwitch> switches,
    ILogger<AiGateway>? logger = null) : IAiGateway
{
    public const string AuditAction = AiCallRecorder.AuditAction;
    internal const string OfflineModel = "none";

    /// <summary>Answers longer than this (characters) are refused unread, whatever the token cap said.</summary>
    public const int MaxAnswerCharacters = 64_000;

    public const string SwitchedOffMessage = "AI is turned off for this organization by an administrator; this is the offline version.";

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
            return await DraftOfflineCoreAsync(request, [], null, cancellationToken);
        if (!await ModelCallsAllowedAsync(cancellationToken))
            return await DraftOfflineCoreAsync(request, [], "switched-off", cancellationToken);

        try
        {
            return await CallModelAsync(request, o, cancellationToken);
        }
        catch (AiGatewayException ex) when (request.FallBackToOffline && request.Offline is not null)
        {
            return await DraftOfflineCoreAsync(request, [$"{ex.Message} This is an offline draft instead."], AiFailures.FailureName(ex.Kind), cancellationToken);
        }
    }

    public Task<AiResult<T>> DraftOfflineAsync<T>(AiRequest<T> request, CancellationToken cancellationToken = default)
    {
        Check(request);
        return DraftOfflineCoreAsync(request, [], null, cancellationToken);
    }

    private async Task<bool> ModelCallsAllowedAsync(CancellationToken ct)
    {
        foreach (var s in switches)
            if (!await s.ModelCallsAllowedAsync(ct)) return false;
        return true;
    }

    private async Task<IReadOnlyList<AiPerson>> PeopleAsync(IReadOnlyList<AiPerson> requested, CancellationToken ct)
    {
        var all = new List<AiPerson>(requested);
        foreach (var source in peopleSources) all.AddRange(await source.PeopleAsync(ct));
        return all;
    }

    private async Task<AiResult<T>> CallModelAsync<T>(AiRequest<T> request, AiOptions o, CancellationToken cancellationToken)
    {
        var call = new AiCallRecord(request.Feature, AiOptions.OpenAICompatibleProvider, o.EffectiveModel, time.GetTimestamp())
        {
            SubjectId = request.SubjectId,
        };
        var pseudonymizer = new Pseudonymizer(await PeopleAsync(request.People, cancellationToken));
        call.Pseudonymizer = pseudonymizer;
        call.People = request.People.Count;
        call.UntrustedBlocks = request.Untrusted.Count;
        call.Templates = [request.SystemPrompt.Name, request.UserPrompt.Name];
        foreach (var block in request.Untrusted)
            call.AddSignals(PromptInjectionDetector.Detect(block.Text, block.Key));

        using var activity = AiCallRecorder.Start(call, o);
        try
        {
            var jsonOptions = request.JsonOptions ?? AiJson.DefaultOptions;
            var schema = SchemaCaps.Apply(request.ResponseSchema ?? AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: jsonOptions));

            var chatOptions = new ChatOptions
            {
                ModelId = o.EffectiveModel,
                Temperature = request.Temperature ?? o.Temperature,
                MaxOutputTokens = request.MaxOutputTokens ?? o.MaxOutputTokens,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, SchemaName(request.ResponseSchemaName)),
                // The schema exactly as written (string caps included): the OpenAI adapter would otherwise rewrite it for strict mode.
                RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions
                {
                    ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(SchemaName(request.ResponseSchemaName), BinaryData.FromString(schema.GetRawText())),
                },
            };
            // The job is a Semantic Kernel function over Scriban templates: rendered (preamble, spotlighting, pseudonymization)
            // by the Kernel's prompt-template factory, sent by the Kernel through the configured chat client.
            var scope = new RenderScope(RenderMode.Model, Spotlighting.NewBoundary(), request.Untrusted);
            var job = new AiJob(request.Feature, request.SystemPrompt, request.UserPrompt, request.Model, scope, pseudonymizer, chatOptions);
            activity?.SetTag("gen_ai.request.temperature", chatOptions.Temperature);
            activity?.SetTag("gen_ai.request.max_tokens", chatOptions.MaxOutputTokens);

            ChatResponse response;
            try
            {
                response = await resilience.ExecuteAsync(async token => await runtime.InvokeAsync(job, token), cancellationToken);
            }
            finally
            {
                call.AddSignals(scope.Signals);
                call.CountedPromptTokens = job.CountedPromptTokens;
            }
            call.ResponseModel = response.ModelId;
            call.ResponseId = response.ResponseId;
            call.FinishReason = response.FinishReason?.Value;
            call.Usage = response.Usage is { } u
                ? new AiUsage(u.InputTokenCount ?? call.CountedPromptTokens, u.OutputTokenCount ?? 0,
                    u.TotalTokenCount ?? (u.InputTokenCount ?? call.CountedPromptTokens) + (u.OutputTokenCount ?? 0))
                : new AiUsage(call.CountedPromptTokens, 0, call.CountedPromptTokens);

            var answer = ReadAnswer(request, response, schema, jsonOptions, pseudonymizer, call);
            call.Outcome = "ok";
            return new AiResult<T>(answer, call.Provider, call.ResponseModel ?? call.Model, call.Usage ?? AiUsage.None,
                call.Warnings, call.Signals, call.CallId) { PromptTokens = call.CountedPromptTokens };
        }
        catch (AiGatewayException ex)
        {
            call.Fail(ex.Kind, AiFailures.OutcomeOf(ex.Kind), call.ErrorType ?? AiFailures.ErrorTypeOf(ex.Kind), ex.Reasons);
            logger.LogWarning("AI call {CallId} for {Feature} failed: {Kind} ({ErrorType}).", call.CallId, request.Feature, ex.Kind, call.ErrorType);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.Outcome = "cancelled";
            call.ErrorType = typeof(OperationCanceledException).FullName;
            throw;
        }
        catch (Exception ex)
        {
            var translated = AiFailures.Translate(ex, request.Feature, o);
            call.Fail(translated.Kind, AiFailures.OutcomeOf(translated.Kind), AiFailures.ErrorTypeOf(ex), translated.Reasons);
            logger.LogWarning("AI call {CallId} for {Feature} failed: {Kind} ({ErrorType}).", call.CallId, request.Feature, translated.Kind, call.ErrorType);
            throw translated;
        }
        finally
        {
            await recorder.CompleteAsync(call, activity);
        }
    }

    /// <summary>
    /// Everything that can refuse an answer, in order: refusal, size, JSON, shape (string caps included), judgment
    /// content and invented placeholders — all while names are placeholders — then names restored and the
    /// feature's own validation. A refused answer is kept (pseudonymized) in the audit record for 30 days.
    /// </summary>
    private static T ReadAnswer<T>(AiRequest<T> request, ChatResponse response, JsonElement schema,
        JsonSerializerOptions jsonOptions, Pseudonymizer pseudonymizer, AiCallRecord call)
    {
        var text = response.Text;
        try
        {
            if (response.AdditionalProperties?.TryGetValue("refusal", out var refusal) == true && refusal is string refused)
                throw AiFailures.Malformed(request.Feature, "the model refused to answer", call, "refusal", refused);
            if (text.Length > MaxAnswerCharacters)
                throw AiFailures.Malformed(request.Feature, $"the answer is too large ({text.Length:N0} characters; at most {MaxAnswerCharacters:N0})", call, "oversized_output");
            if (!AiJson.TryParse(text, out var node, out var parseError))
                throw AiFailures.Malformed(request.Feature, parseError, call, "malformed_output");

            var pseudonymized = JsonSerializer.SerializeToElement(node, AiJson.DefaultOptions);
            var shape = AiJson.CheckShape(schema, pseudonymized);
            if (shape.Count > 0)
                throw AiFailures.Malformed(request.Feature, "it does not have the expected shape (" + string.Join("; ", shape.Take(3)) + ")", call, "malformed_output", [.. shape]);

            if (request.RejectJudgmentContent)
            {
                var findings = JudgmentContentCheck.FindInJson(pseudonymized);
                if (findings.Count > 0) throw AiFailures.Rejected(request.Feature, [.. findings.Select(JudgmentContentCheck.Describe)], call);
            }
            var invented = Strings(pseudonymized).SelectMany(pseudonymizer.FindInventedPlaceholders).Distinct(StringComparer.Ordinal).ToList();
            if (invented.Count > 0)
                throw AiFailures.Rejected(request.Feature, [$"the answer uses placeholders that were never sent: {string.Join(", ", invented.Take(5))}"], call);

            var element = AiNames.RestoreNames(pseudonymized, pseudonymizer);
            T answer;
            try
            {
                answer = element.Deserialize<T>(jsonOptions) ?? throw new JsonException("null");
            }
            catch (JsonException ex)
            {
                throw AiFailures.Malformed(request.Feature, $"it does not have the expected shape ({ex.Path ?? "$"} has the wrong type)", call, "malformed_output");
            }

            var validation = request.Validate?.Invoke(answer) ?? AiValidation.Ok;
            if (!validation.IsValid) throw AiFailures.Rejected(request.Feature, validation.Errors, call);
            call.Warnings.AddRange(validation.Warnings);
            if (call.FinishReason == ChatFinishReason.Length.Value)
                call.Warnings.Add("The answer reached the token limit and may be cut short.");
            return answer;
        }
        catch (AiGatewayException)
        {
            call.KeepRejectedAnswer(text);
            throw;
        }
    }

    /// <summary>OpenAI requires ^[a-zA-Z0-9_-]{1,64}$.</summary>
    internal static string SchemaName(string? name)
    {
        var cleaned = new string((name ?? "").Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').Take(64).ToArray());
        return cleaned.Length == 0 ? "answer" : cleaned;
    }

    private static IEnumerable<string> Strings(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                yield return e.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var s in e.EnumerateArray().SelectMany(Strings)) yield return s;
                break;
            case JsonValueKind.Object:
                foreach (var s in e.EnumerateObject().SelectMany(p => Strings(p.Value))) yield return s;
                break;
        }
    }

    private async Task<AiResult<T>> DraftOfflineCoreAsync<T>(AiRequest<T> request, IReadOnlyList<string> warnings, string? fallbackReason,
        CancellationToken cancellationToken)
    {
        var call = new AiCallRecord(request.Feature, AiOptions.OfflineProvider, OfflineModel, time.GetTimestamp())
        {
            SubjectId = request.SubjectId,
            Pseudonymizer = new Pseudonymizer(request.People),
            People = request.People.Count,
            UntrustedBlocks = request.Untrusted.Count,
            Fallback = fallbackReason is not null,
            FallbackReason = fallbackReason,
        };
        call.Warnings.AddRange(warnings);
        foreach (var block in request.Untrusted)
            call.AddSignals(PromptInjectionDetector.Detect(block.Text, block.Key));

        using var activity = AiCallRecorder.Start(call, options.Value);
        try
        {
            if (request.Offline is null)
                throw new AiGatewayException(AiFailureKind.NotConfigured, request.Feature, fallbackReason == "switched-off"
                    ? $"AI is turned off for this organization and '{request.Feature}' has no offline version."
                    : options.Value.IsOffline
                        ? $"No language model is configured (Ai:Provider is 'offline') and '{request.Feature}' has no offline draft."
                        : $"'{request.Feature}' has no offline draft.");
            call.Templates = [request.Offline.Template.Name];
            var scope = new RenderScope(RenderMode.Offline, "", request.Untrusted);
            var text = renderer.Render(request.Offline.Template, request.Model, scope);
            call.AddSignals(scope.Signals);
            var answer = request.Offline.ToAnswer(text);
            var validation = request.Validate?.Invoke(answer) ?? AiValidation.Ok;
            if (!validation.IsValid) throw AiFailures.Rejected(request.Feature, validation.Errors, call);
            call.Warnings.AddRange(validation.Warnings);
            call.Outcome = "ok";
            call.ResponseModel = OfflineModel;
            return new AiResult<T>(answer, AiOptions.OfflineProvider, OfflineModel, AiUsage.None, call.Warnings, call.Signals, call.CallId);
        }
        catch (AiGatewayException ex)
        {
            call.Fail(ex.Kind, ex.Kind == AiFailureKind.Rejected ? "rejected" : "error", call.ErrorType ?? AiFailures.ErrorTypeOf(ex.Kind), ex.Reasons);
            throw;
        }
        finally
        {
            await recorder.CompleteAsync(call, activity);
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
}
