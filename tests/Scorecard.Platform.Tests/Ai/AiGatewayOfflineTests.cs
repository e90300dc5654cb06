using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scorecard.Platform.Ai;

namespace Scorecard.Platform.Tests.Ai;

public sealed class AiGatewayOfflineTests
{
    [Fact]
    public async Task Offline_is_the_default_and_drafts_from_the_evidence_without_a_model()
    {
        await using var harness = GatewayHarness.Create(new Dictionary<string, string?>());
        Assert.Equal(new AiProviderInfo("offline", "none", true), harness.Gateway.Provider);

        var result = await harness.Gateway.GenerateAsync(SampleFeature.Request("test.offline"));

        Assert.True(result.IsOfflineDraft);
        Assert.Equal("offline", result.Provider);
        Assert.Equal("none", result.Model);
        Assert.Equal("offline draft, no language model", result.Label);
        Assert.Equal(AiUsage.None, result.Usage);
        // Plain text for a person: no delimiters, no tokens.
        Assert.Equal("Anna Schmidt worked on Migrate billing for Björn Østergaard's team [evidence:g1].", result.Answer.Summary);
        Assert.Contains(result.InjectionSignals, s => s.Kind == PromptInjectionDetector.IgnoreInstructions);

        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Equal("ai.call", entry.Action);
        Assert.Equal("test.offline", entry.SubjectType);
        Assert.Equal(harness.PersonId, entry.ActorPersonId);
        var data = harness.Audit.SingleData();
        Assert.Equal("offline", data.GetProperty("provider").GetString());
        Assert.Equal("none", data.GetProperty("model").GetString());
        Assert.Equal("ok", data.GetProperty("outcome").GetString());
        Assert.Equal(0, data.GetProperty("inputTokens").GetInt64());

        // The IChatClient seam exists, and says no model is configured.
        var chat = harness.Services.GetRequiredService<IChatClient>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.GetResponseAsync("hi"));
        Assert.Contains("No language model is configured", error.Message);
    }

    [Fact]
    public async Task Offline_without_an_offline_template_is_a_clear_not_configured_error()
    {
        await using var harness = GatewayHarness.Create(new Dictionary<string, string?> { ["Ai:Provider"] = "offline" });

        var ex = await Assert.ThrowsAsync<AiGatewayException>(() =>
            harness.Gateway.GenerateAsync(SampleFeature.Request("test.no-offline") with { Offline = null }));

        Assert.Equal(AiFailureKind.NotConfigured, ex.Kind);
        Assert.Equal("No language model is configured (Ai:Provider is 'offline') and 'test.no-offline' has no offline draft.", ex.Message);
        Assert.Equal("error", harness.Audit.SingleData().GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Offline_drafts_are_validated_by_the_feature()
    {
        await using var harness = GatewayHarness.Create(new Dictionary<string, string?>());
        var request = SampleFeature.Request("test.offline-validate", validate: d => CitationCheck.Validate(d.EvidenceIds, ["other"]));

        var ex = await Assert.ThrowsAsync<AiGatewayException>(() => harness.Gateway.GenerateAsync(request));

        Assert.Equal(AiFailureKind.Rejected, ex.Kind);
        Assert.Equal("rejected", harness.Audit.SingleData().GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Offline_calls_emit_a_span_labelled_offline()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AiTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem(AiTelemetry.FeatureAttribute) as string == "test.offline-span") lock (spans) spans.Add(a);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = GatewayHarness.Create(new Dictionary<string, string?>());

        await harness.Gateway.DraftOfflineAsync(SampleFeature.Request("test.offline-span"));

        var span = Assert.Single(spans);
        Assert.Equal("chat none", span.DisplayName);
        Assert.Equal("offline", span.GetTagItem("gen_ai.provider.name"));
    }

    [Theory]
    [InlineData("openai-compatible", null, "m", "Ai:Endpoint is empty")]
    [InlineData("openai-compatible", "http://127.0.0.1:11434/v1", null, "Ai:Model is empty")]
    [InlineData("openai-compatible", "not a url", "m", "Ai:Endpoint 'not a url' is not an absolute http(s) URL")]
    [InlineData("claude-direct", null, null, "Ai:Provider 'claude-direct' is not supported")]
    public async Task Bad_configuration_fails_with_a_message_naming_the_key(string provider, string? endpoint, string? model, string expected)
    {
        await using var harness = GatewayHarness.Create(new Dictionary<string, string?>
        {
            ["Ai:Provider"] = provider,
            ["Ai:Endpoint"] = endpoint,
            ["Ai:Model"] = model,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => harness.Gateway);

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Options_have_sensible_defaults_and_bind_from_the_Ai_section()
    {
        var defaults = new AiOptions();
        Assert.True(defaults.IsOffline);
        Assert.Equal(30, defaults.TimeoutSeconds);
        Assert.Equal(2, defaults.MaxRetries);
        Assert.Empty(defaults.Validate());

        var configured = new AiOptions { Provider = "OpenAI-Compatible", Endpoint = "http://127.0.0.1:11434/v1", Model = "llama3.1:8b", ApiKey = "" };
        Assert.False(configured.IsOffline);
        Assert.Empty(configured.Validate());
        Assert.Contains(new AiOptions { TimeoutSeconds = 0, CircuitBreakerMinimumThroughput = 1 }.Validate(), e => e.StartsWith("Ai:TimeoutSeconds"));
        Assert.Contains(new AiOptions { CircuitBreakerMinimumThroughput = 1 }.Validate(), e => e.StartsWith("Ai:CircuitBreakerMinimumThroughput"));
    }

    [Fact]
    public async Task Settings_are_bound_from_configuration()
    {
        await using var harness = GatewayHarness.Create(new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "openai-compatible",
            ["Ai:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["Ai:Model"] = "llama3.1:8b",
            ["Ai:TimeoutSeconds"] = "12.5",
            ["Ai:MaxRetries"] = "4",
            ["Ai:CircuitBreakerBreakSeconds"] = "7",
        });

        var options = harness.Services.GetRequiredService<IOptions<AiOptions>>().Value;
        Assert.Equal(12.5, options.TimeoutSeconds);
        Assert.Equal(4, options.MaxRetries);
        Assert.Equal(7, options.CircuitBreakerBreakSeconds);
        Assert.Equal(new AiProviderInfo("openai-compatible", "llama3.1:8b", false), harness.Gateway.Provider);
        Assert.NotNull(harness.Services.GetRequiredService<IChatClient>().GetService<OpenAI.Chat.ChatClient>()); // Microsoft.Extensions.AI.OpenAI over the OpenAI client
    }
}
