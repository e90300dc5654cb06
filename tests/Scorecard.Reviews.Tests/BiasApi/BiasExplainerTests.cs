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

    private static ServiceProvider Services(IDictionary<string, string?> config)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAuditLog, ListAuditLog>();
        var user = Substitute.For<ICurrentUser>();
        user.PersonId.Returns(Guid.NewGuid());
        user.IsAuthenticated.Returns(true);
        services.AddSingleton(user);
        services.AddAiGateway(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddScoped<BiasExplainer>();
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

    [Fact]
    public async Task With_a_model_the_explanation_is_its_wording_when_every_number_is_a_computed_one()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        const string worded = "All 6 pieces of evidence you used are from the last 25 % of the period (p = 0.0002), so the first months may be missing from the review.";
        server.Enqueue(FakeOpenAIServer.Json(new { explanation = worded }));
        await using var sp = Services(ModelConfig(server));
        await using var scope = sp.CreateAsyncScope();
        var (text, source) = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        Assert.Equal(worded, text);
        Assert.Equal("test-model", source);
        var request = Assert.Single(server.RequestBodies);
        Assert.Contains("RECENCY", request);
        Assert.Contains("pValue", request); // the model gets the computed numbers
    }

    [Fact]
    public async Task With_a_model_an_explanation_with_an_invented_number_falls_back_to_the_offline_template()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeOpenAIServer.Json(new { explanation = "9 of 10 items are recent, which is 90 % of the evidence." }));
        await using var sp = Services(ModelConfig(server));
        await using var scope = sp.CreateAsyncScope();
        var (text, source) = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        Assert.Equal("offline", source);
        Assert.StartsWith("The evidence for this review is concentrated", text);
        Assert.Equal(1, server.Hits);
    }

    [Fact]
    public async Task With_a_model_a_server_error_falls_back_to_the_offline_template()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Default = FakeOpenAIServer.Status(500);
        await using var sp = Services(ModelConfig(server));
        await using var scope = sp.CreateAsyncScope();
        var (text, source) = await scope.ServiceProvider.GetRequiredService<BiasExplainer>().ExplainAsync(Recency(), "r1", default);
        Assert.Equal("offline", source);
        Assert.Contains("How this was found", text);
    }

    [Theory]
    [InlineData("6 of 6 items, 100 % of them, p = 0.0002.", true)]
    [InlineData("The share is 1.00 and the window is the last 25 %.", true)]
    [InlineData("About 7 items are recent.", false)]
    [InlineData("p = 0.03", false)]
    [InlineData("No numbers at all.", true)]
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
