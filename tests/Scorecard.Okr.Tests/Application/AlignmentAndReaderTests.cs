using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Okr.Application;
using Scorecard.Okr.Contracts;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Tests.Application;

public sealed class AlignmentAndReaderTests
{
    private static readonly Guid CustomerObjective = Guid.NewGuid();
    private static readonly Guid GrowthObjective = Guid.NewGuid();

    private static async Task<OkrHarness> HarnessAsync(Action<IServiceCollection>? configure = null)
    {
        var h = await OkrHarness.CreateAsync(configure);
        var scorecard = new[]
        {
            Summary(CustomerObjective, "Customer", "Keep customers", "Reduce customer churn and raise retention."),
            Summary(GrowthObjective, "Learning & Growth", "Upgrade developer infrastructure", "Modern build and deploy pipelines."),
        };
        h.Strategy.ListObjectivesAsync(Arg.Any<DateOnly?>(), Arg.Any<CancellationToken>()).Returns(scorecard);
        h.Strategy.GetObjectiveAsync(Arg.Any<Guid>(), Arg.Any<CancellationToken>())
            .Returns(ci => scorecard.FirstOrDefault(s => s.Id == ci.Arg<Guid>()));
        h.Strategy.GetCompanyPerspectiveWeightsAsync(Arg.Any<DateOnly>(), Arg.Any<CancellationToken>())
            .Returns([new PerspectiveWeight(Guid.NewGuid(), "Customer", 0.5), new PerspectiveWeight(Guid.NewGuid(), "Learning & Growth", 0.5)]);
        return h;
    }

    private static StrategyObjectiveSummary Summary(Guid id, string perspective, string name, string description) =>
        new(id, Guid.NewGuid(), "Acme 2026", true, Guid.NewGuid(), perspective, name, description, null, null, "green", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private static Task<ObjectiveDto> CreateAsync(OkrHarness h, PersonSummary owner, string title, params ParentLinkRequest[] parents) =>
        h.AsAsync(owner.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .CreateAsync(new CreateObjectiveRequest(title, "individual", "2026-Q4", null, null, null, parents, null, null), default));

    [Fact]
    public async Task Findings_about_a_person_are_shown_to_them_their_manager_chain_and_HR_only()
    {
        await using var h = await HarnessAsync();
        var org = h.Org;
        await CreateAsync(h, org.A, "Organise the summer party");   // UNALIGNED

        async Task<IReadOnlyList<FindingDto>> FindingsFor(PersonSummary viewer, params string[] roles) =>
            (await h.AsAsync(viewer.Id, sp => sp.GetRequiredService<AlignmentService>().AnalyzeAsync("2026-Q4", null, null, default), roles)).Findings;

        Assert.Contains(await FindingsFor(org.A), f => f.Code == AlignmentFindingCodes.Unaligned && f.PersonId == org.A.Id);
        Assert.Contains(await FindingsFor(org.Manager), f => f.PersonId == org.A.Id);
        Assert.Contains(await FindingsFor(org.Ceo), f => f.PersonId == org.A.Id);
        Assert.Contains(await FindingsFor(org.Outsider, Roles.Hr), f => f.PersonId == org.A.Id);
        Assert.DoesNotContain(await FindingsFor(org.B), f => f.PersonId == org.A.Id);
        Assert.DoesNotContain(await FindingsFor(org.Outsider), f => f.PersonId == org.A.Id);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            h.AsAsync(org.B.Id, sp => sp.GetRequiredService<AlignmentService>().AnalyzeAsync("2026-Q4", null, org.A.Id, default)));
    }

    [Fact]
    public async Task Parent_suggestions_are_ranked_by_TF_IDF_similarity_by_default()
    {
        await using var h = await HarnessAsync();
        var goal = await CreateAsync(h, h.Org.A, "Raise customer retention and cut churn for enterprise customers");

        var suggestions = await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<AlignmentService>().ParentSuggestionsAsync(goal.Id, default));

        Assert.Equal("lexical", suggestions.Method);
        Assert.Equal(CustomerObjective, suggestions.Items[0].Id);
        Assert.Equal("Customer", suggestions.Items[0].Perspective);
        Assert.True(suggestions.Items[0].Score > suggestions.Items[1].Score);
    }

    [Fact]
    public async Task A_registered_embedding_generator_replaces_TF_IDF()
    {
        await using var h = await HarnessAsync(s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new KeywordEmbeddingGenerator()));
        // Lexically this goal shares nothing with either parent; the keyword embedder maps "pipeline" to infrastructure.
        var goal = await CreateAsync(h, h.Org.A, "Speed up the pipeline");

        var suggestions = await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<AlignmentService>().ParentSuggestionsAsync(goal.Id, default));

        Assert.Equal("embedding", suggestions.Method);
        Assert.Equal(GrowthObjective, suggestions.Items[0].Id);
        Assert.Equal(1.0, suggestions.Items[0].Score, 4);
        Assert.Equal(0.0, suggestions.Items[1].Score, 4);
    }

    [Fact]
    public async Task The_reader_gives_other_modules_objectives_check_ins_and_findings()
    {
        await using var h = await HarnessAsync();
        var goal = await CreateAsync(h, h.Org.A, "Keep enterprise customers", new ParentLinkRequest(null, CustomerObjective, 1));
        var vague = await CreateAsync(h, h.Org.A, "Be nicer");
        var service = (IServiceProvider sp) => sp.GetRequiredService<ObjectivesService>();
        goal = await h.AsAsync(h.Org.A.Id, sp => service(sp).AddKeyResultAsync(goal.Id, new("Renew 10 customers", "metric", 0, 10, "customers", null, null, null, null, null), default));
        await h.AsAsync(h.Org.A.Id, sp => service(sp).CheckInAsync(goal.KeyResults[0].Id, new CheckInRequest(4, 6, "on the way", null), default));

        await using var scope = h.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<IOkrReader>();
        var objectives = await reader.GetPersonObjectivesAsync(h.Org.A.Id, new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31));
        var findings = await reader.GetAlignmentFindingsAsync(h.Org.A.Id, new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31));

        Assert.Equal(2, objectives.Count);
        var summary = objectives.Single(o => o.Id == goal.Id);
        Assert.Equal("individual", summary.Level);
        Assert.Equal("2026-Q4", summary.Period);
        Assert.Equal(0.4, summary.Progress, 4);
        var checkIn = Assert.Single(Assert.Single(summary.KeyResults).CheckIns);
        Assert.Equal((4.0, 6, "on the way", h.Org.A.Id), (checkIn.Value, checkIn.Confidence, checkIn.Comment, checkIn.ByPersonId));
        Assert.Contains(findings, f => f.ObjectiveId == vague.Id && f.Code == AlignmentFindingCodes.Unaligned && f.Severity == "medium");
        Assert.DoesNotContain(findings, f => f.ObjectiveId == goal.Id && f.Code == AlignmentFindingCodes.Unaligned);
        Assert.Empty(await reader.GetPersonObjectivesAsync(h.Org.A.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal(goal.Id, (await reader.GetObjectiveAsync(goal.Id))!.Id);
    }

    [Fact]
    public async Task Explain_and_suggest_proposes_a_better_parent_and_only_accepting_applies_it()
    {
        await using var h = await HarnessAsync();
        var goal = await CreateAsync(h, h.Org.A, "Raise customer retention and reduce churn");
        var explain = (IServiceProvider sp) => sp.GetRequiredService<ExplainAndSuggestService>();

        var suggestion = await h.AsAsync(h.Org.A.Id, sp => explain(sp).ExplainAsync(goal.Id, new ExplainRequest("UNALIGNED", null), default));

        Assert.Equal("offline", suggestion.Provider);
        Assert.Equal("offline draft, no language model", suggestion.Label);
        Assert.Contains("does not connect", suggestion.Explanation);
        Assert.Equal(CustomerObjective, suggestion.Proposal!.NewParentId);
        Assert.Empty((await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>().GetAsync(goal.Id, default))).Parents);

        await Assert.ThrowsAsync<ForbiddenException>(() => h.AsAsync(h.Org.B.Id, sp => explain(sp).AcceptAsync(suggestion.Id, default)));
        var updated = await h.AsAsync(h.Org.A.Id, sp => explain(sp).AcceptAsync(suggestion.Id, default));

        Assert.Equal(CustomerObjective, Assert.Single(updated.Parents).Id);
        Assert.Contains(h.Audit.Entries, e => e.Action == "okr.suggestion.accepted" && e.SubjectId == goal.Id.ToString() && e.ActorPersonId == h.Org.A.Id);
        await Assert.ThrowsAsync<ConflictException>(() => h.AsAsync(h.Org.A.Id, sp => explain(sp).AcceptAsync(suggestion.Id, default)));
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.AsAsync(h.Org.A.Id, sp => explain(sp).ExplainAsync(goal.Id, new ExplainRequest("UNALIGNED", null), default)));
    }
}

/// <summary>A deterministic embedding model for tests: one dimension per keyword group.</summary>
internal sealed class KeywordEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly string[][] Groups =
    [
        ["customer", "customers", "churn", "retention"],
        ["pipeline", "infrastructure", "build", "deploy"],
        ["party", "lunch"],
    ];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            var words = text.ToLowerInvariant().Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries);
            var vector = Groups.Select(g => (float)words.Count(g.Contains)).Append(0.001f).ToArray();
            result.Add(new Embedding<float>(vector));
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
