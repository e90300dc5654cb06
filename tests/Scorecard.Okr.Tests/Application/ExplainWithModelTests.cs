using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Application;
using Scorecard.Okr.Web.Api.Models;

namespace Scorecard.Okr.Tests.Application;

/// <summary>"Explain and suggest" against a real OpenAI-compatible endpoint on loopback.</summary>
public sealed class ExplainWithModelTests : IAsyncLifetime
{
    private LoopbackChatServer _server = null!;
    private OkrHarness _h = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackChatServer.StartAsync();
        _h = await OkrHarness.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "openai-compatible",
            ["Ai:Endpoint"] = _server.Endpoint,
            ["Ai:Model"] = "test-model",
            ["Ai:ApiKey"] = "",
            ["Ai:MaxRetries"] = "0",
            ["Ai:CircuitBreakerMinimumThroughput"] = "100",
        });
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<(ObjectiveDto Goal, Guid KeyResult)> VagueGoalAsync()
    {
        var goal = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .CreateAsync(new CreateObjectiveRequest("Faster builds for Anna Able's team", "individual", "2026-Q4", null, null, null, [], null, null), default));
        goal = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .AddKeyResultAsync(goal.Id, new CreateKeyResultRequest("Make the builds nicer", "metric", null, null, null, null, null, null, null, null), default));
        return (goal, goal.KeyResults[0].Id);
    }

    [Fact]
    public async Task The_model_rewrites_a_vague_key_result_without_seeing_names_and_accepting_applies_exactly_that()
    {
        var (goal, kr) = await VagueGoalAsync();
        _server.Enqueue(new
        {
            explanation = "The key result names no number, so nobody can tell whether it was met.",
            rewrittenTitle = "Cut build time from 30 to 10 minutes",
            start = 30, target = 10, unit = "min", dueDate = (string?)null,
        });

        var suggestion = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ExplainAndSuggestService>()
            .ExplainAsync(goal.Id, new ExplainRequest("NOT_MEASURABLE", kr), default));

        Assert.Equal("openai-compatible", suggestion.Provider);
        Assert.StartsWith("AI draft by test-model", suggestion.Label);
        Assert.Equal(("metric", 30.0, 10.0, "min"), (suggestion.Proposal!.Kind, suggestion.Proposal.Start!.Value, suggestion.Proposal.Target!.Value, suggestion.Proposal.Unit));
        var request = Assert.Single(_server.Requests);
        Assert.DoesNotContain("Anna Able", request);                 // pseudonymized
        Assert.DoesNotContain(_h.Org.A.Email, request);
        Assert.Contains("Make the builds nicer", request);          // the goal text travels as labelled data
        Assert.Contains("key-result-title", request);
        // Nothing changed until a person accepts.
        Assert.Equal("Make the builds nicer", (await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>().GetAsync(goal.Id, default))).KeyResults[0].Title);

        var updated = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ExplainAndSuggestService>().AcceptAsync(suggestion.Id, default));

        var applied = updated.KeyResults[0];
        Assert.Equal(("Cut build time from 30 to 10 minutes", "metric", 30.0, 10.0, "min"), (applied.Title, applied.Kind, applied.Start!.Value, applied.Target!.Value, applied.Unit));
    }

    [Fact]
    public async Task An_answer_that_is_still_not_measurable_is_rejected_and_the_offline_draft_is_used()
    {
        var (goal, kr) = await VagueGoalAsync();
        _server.Enqueue(new { explanation = "Try harder.", rewrittenTitle = "Make the builds much nicer", start = (double?)null, target = (double?)null, unit = (string?)null, dueDate = (string?)null });

        var suggestion = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ExplainAndSuggestService>()
            .ExplainAsync(goal.Id, new ExplainRequest("NOT_MEASURABLE", kr), default));

        Assert.Equal("offline", suggestion.Provider);
        Assert.Equal("milestone", suggestion.Proposal!.Kind);
        Assert.Equal(new DateOnly(2026, 12, 31), suggestion.Proposal.DueDate);
    }
}
