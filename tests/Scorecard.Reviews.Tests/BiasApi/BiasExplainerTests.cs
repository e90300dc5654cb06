using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Platform.Ai;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Application.Bias;

namespace Scorecard.Reviews.Tests.BiasApi;

/// <summary>Explanations of computed findings: the offline template by default; the model may only word them, with the numbers checked.</summary>
public sealed class BiasExplainerTests
{
    private static Finding Recency() => new("RECENCY", "warning",
        "The evidence for this review is concentrated at the end of the period: 6 of 6 items in the last 25 %.",
        "6 of 6 dated evidence items (100 %) fall on or after 2026-11-16, the last 25 % of the period; binomial p = 0.0002.",
        "Recency: one-sided binomial test.", "Look back over the whole period.",
        new Dictionary<string, double> { ["n"] = 6, ["k"] = 6, ["share"] = 1.0, ["q"] = 0.25, ["pValue"] = 0.000244140625 });

    private static ServiceProvider Services(IDictionary<string, string?> config, bool withCache = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAuditLog, ListAuditLog>();
        var user = Substitute.For<ICurrentUser>();
        user.PersonId.Returns(Guid.NewGuid());
        user.IsAuthenticated.Returns(true);
        services.AddSingleton(user);
        services.AddAiGateway(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddScoped<BiasExplainer>();
        if (withCache) services.AddSingleton<BiasExplanationCache>();
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> ModelConfig(FakeOpenAIServer server) => new()
    {
        ["Ai:Provider"] = "openai-compatible", ["Ai:Endpoint"] = server.Endpoint, ["Ai:Model"] = "test-model", ["Ai:ApiKey"] = "",
        ["Ai:TimeoutSeconds"] = "10", ["Ai:MaxRetries"] = "0", ["Ai:RetryBaseDelayMilliseconds"] = "10", ["Ai:CircuitBreakerMinimumThroughput"] = "100",
    };

    [Fact]
    public async Task Offline_by_default_the_explanation_is_the_template_over_the_computed_finding()
    {
        await using var sp = Services(new Dictionary<string, string?>());
        await using var scope = sp.CreateAsyncScope();
        var (text, source) = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        Assert.Equal("offline", source);
        Assert.StartsWith("The evidence for this review is concentrated at the end of the period: 6 of 6 items in the last 25 %.", text);
        Assert.Contains("Look back over the whole period.", text);
        Assert.Empty(((ListAuditLog)sp.GetRequiredService<IAuditLog>()).Entries); // no model call at all
    }

    private static object Answer(string explanation, string code = "RECENCY") => new { explanations = new[] { new { code, explanation } } };

    [Fact]
    public async Task With_a_model_the_explanation_is_its_wording_and_only_codes_and_numbers_leave_the_process()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        const string worded = "All 6 pieces of evidence you used are from the last 25 % of the period (p = 0.0002), so the first months may be missing from the review.";
        server.Enqueue(FakeOpenAIServer.Json(Answer(worded)));
        await using var sp = Services(ModelConfig(server));
        await using var scope = sp.CreateAsyncScope();
        var (text, source) = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        Assert.Equal(worded, text);
        Assert.Equal("test-model", source);
        var request = Assert.Single(server.RequestBodies);
        Assert.Contains("RECENCY", request);
        Assert.Contains("pValue", request); // the model gets the computed numbers
        Assert.DoesNotContain("concentrated", request); // and not the text code wrote
        Assert.DoesNotContain("2026-11-16", request);
    }

    [Fact]
    public async Task A_rating_mismatch_sends_neither_the_rating_nor_the_words_found()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeOpenAIServer.Json(Answer("The gap is 40 % of the scale.", "RATING_EVIDENCE_MISMATCH")));
        var mismatch = new Finding("RATING_EVIDENCE_MISMATCH", "warning", "The overall rating is 40 % of the scale above the outcomes.",
            "Overall rating 5 (Outstanding) sits at 100 % of the scale; the mean goal/KPI outcome is 60 % over 2 outcomes (Objective \"Secret goal\" 60 %).",
            "method", "suggestion", new Dictionary<string, double> { ["rating"] = 5, ["ratingPosition"] = 1, ["meanOutcome"] = 0.6, ["gap"] = 0.4, ["n"] = 2 });
        var abrasive = BiasService.LanguageFindings("She is abrasive.").Single();
        await using var sp = Services(ModelConfig(server));
        await using var scope = sp.CreateAsyncScope();
        var explained = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAllAsync([mismatch, abrasive], "r1", default);
        Assert.Equal("The gap is 40 % of the scale.", explained[0].Text);
        Assert.Equal("offline", explained[1].Source); // not explained by the model: the template
        var request = Assert.Single(server.RequestBodies);
        foreach (var secret in new[] { "\"rating\"", "ratingPosition", "Outstanding", "Secret goal", "abrasive" })
            Assert.DoesNotContain(secret, request);
    }

    [Theory]
    [InlineData("9 of 10 items are recent, which is 90 % of the evidence.")]
    [InlineData("Nine of ten items are recent.")]
    [InlineData("I would rate her four out of five.")]
    public async Task With_a_model_an_explanation_with_an_invented_number_or_a_judgment_falls_back_to_the_offline_template(string explanation)
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeOpenAIServer.Json(Answer(explanation)));
        await using var sp = Services(ModelConfig(server));
        await using var scope = sp.CreateAsyncScope();
        var (text, source) = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        Assert.Equal("offline", source);
        Assert.StartsWith("The evidence for this review is concentrated", text);
        Assert.Equal(1, server.Hits);
    }

    public static TheoryData<string> Faults => ["500", "garbage", "not-json", "huge", "hang"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task With_a_model_any_fault_falls_back_to_the_offline_template(string fault)
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Default = fault switch
        {
            "500" => FakeOpenAIServer.Status(500),
            "garbage" => FakeOpenAIServer.Garbage(),
            "not-json" => FakeOpenAIServer.Completion("Sure! Here is the explanation you asked for."),
            "hang" => FakeOpenAIServer.Delayed(TimeSpan.FromSeconds(30), FakeOpenAIServer.Json(Answer("late"))),
            _ => FakeOpenAIServer.Json(Answer(new string('x', 1_048_576))),
        };
        var config = ModelConfig(server);
        config["Ai:TimeoutSeconds"] = "0.5"; // a hanging server becomes a timeout
        await using var sp = Services(config);
        await using var scope = sp.CreateAsyncScope();
        var (text, source) = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        Assert.Equal("offline", source);
        Assert.Contains("How this was found", text);
    }

    [Fact]
    public async Task Model_explanations_are_cached_until_the_findings_change()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Default = FakeOpenAIServer.Json(Answer("All 6 items are in the last 25 % of the period."));
        await using var sp = Services(ModelConfig(server), withCache: true);
        for (var i = 0; i < 3; i++)
        {
            await using var scope = sp.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        }
        Assert.Equal(1, server.Hits);
        await using (var scope = sp.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency() with { Message = "Changed text: 6 of 6 items." }, "r1", default);
        Assert.Equal(2, server.Hits);
    }

    [Fact]
    public void Offline_explanations_always_pass_their_own_number_check()
    {
        var findings = BiasService.LanguageFindings(
            "She is abrasive and emotional. Great job, nice work. He tried hard and worked long hours. A dominant, aggressive leader; supportive and warm.")
            .Append(Recency()).ToList();
        Assert.True(findings.Count >= 4);
        var explainer = new BiasExplainer(Substitute.For<IAiGateway>());
        foreach (var f in findings)
            Assert.True(BiasExplainer.ValidateNumbers(explainer.Offline(f), BiasExplainer.AllowedNumbers(f)).IsValid, f.Code);
    }

    [Theory]
    [InlineData("6 of 6 items, 100 % of them, p = 0.0002.", true)]
    [InlineData("The share is 1.00 and the window is the last 25 %.", true)]
    [InlineData("About 7 items are recent.", false)]
    [InlineData("p = 0.03", false)]
    [InlineData("No numbers at all.", true)]
    [InlineData("Six of six items are recent.", true)]
    [InlineData("Seven items are recent.", false)]
    public void Every_number_in_an_explanation_must_be_a_computed_number(string text, bool valid)
    {
        Assert.Equal(valid, BiasExplainer.ValidateNumbers(text, BiasExplainer.AllowedNumbers(Recency())).IsValid);
    }

    private sealed class ListAuditLog : IAuditLog
    {
        public List<AuditEntry> Entries { get; } = [];

        public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
        {
            Entries.Add(entry);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditRecord>> ReadAsync(string? subjectType = null, string? subjectId = null, string? action = null, int limit = 100,
            CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditRecord>>([]);
    }
}
