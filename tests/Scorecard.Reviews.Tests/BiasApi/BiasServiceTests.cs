using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Ai;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Application.Bias;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Tests.Workflow;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Reviews.Tests.BiasApi;

/// <summary>BiasService on a real SQLite file: rating vs outcomes from the OKR and Strategy contracts, and disparity suppression.</summary>
public sealed class BiasServiceTests : IAsyncDisposable
{
    private readonly IHrAttributes hr = Substitute.For<IHrAttributes>();
    private readonly IAiGateway gateway = Substitute.For<IAiGateway>();
    private readonly ModuleHarness h;
    private readonly Guid me = Guid.NewGuid();

    public BiasServiceTests()
    {
        gateway.Provider.Returns(new AiProviderInfo("offline", "none", true));
        h = new ModuleHarness(extra: s =>
        {
            s.AddSingleton(hr);
            s.AddSingleton(gateway);
            s.AddSingleton<IAuditLog>(Substitute.For<IAuditLog>());
            s.AddScoped<BiasExplainer>();
            s.AddScoped<BiasService>();
        });
        h.User.PersonId.Returns(me);
        h.User.IsAuthenticated.Returns(true);
        h.Strategy.GetKpisOwnedByAsync(Arg.Any<Guid>(), Arg.Any<CancellationToken>()).Returns(Array.Empty<KpiSummary>());
        h.Okr.GetPersonObjectivesAsync(Arg.Any<Guid>(), Arg.Any<DateOnly>(), Arg.Any<DateOnly>(), Arg.Any<CancellationToken>()).Returns(Array.Empty<OkrObjectiveSummary>());
    }

    public ValueTask DisposeAsync() => h.DisposeAsync();

    private async Task<(Guid Cycle, List<Guid> Reviews)> SeedAsync(params (Guid Person, Guid Manager, int Overall, string? Narrative)[] reviews)
    {
        using var scope = h.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
        var template = new ReviewTemplate { Name = "t", Definition = TemplateDefinition.Create(1, 5, null, [new SectionInput(SectionKind.Competencies, "C", 1, ["A", "B"], null)]) };
        var cycle = new ReviewCycle { Name = "c", PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 6, 30), TemplateId = template.Id, Phase = ReviewPhase.Manager };
        db.Templates.Add(template);
        db.Cycles.Add(cycle);
        var ids = new List<Guid>();
        foreach (var (person, manager, overall, narrative) in reviews)
        {
            var r = new Review
            {
                CycleId = cycle.Id, PersonId = person, ManagerId = manager, OverallRating = overall, SubmittedOverallRating = overall, Narrative = narrative,
                ManagerStatus = ManagerReviewStatus.Submitted, SubmittedAt = DateTimeOffset.UnixEpoch,
            };
            db.Reviews.Add(r);
            ids.Add(r.Id);
        }
        await db.SaveChangesAsync();
        return (cycle.Id, ids);
    }

    private static OkrObjectiveSummary Objective(string title, double progress) =>
        new(Guid.NewGuid(), title, "individual", "2026-Q1", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), null, null, "committed", progress, progress, "on_track", false, []);

    [Fact]
    public async Task Rating_far_above_the_goal_and_KPI_outcomes_is_a_mismatch_with_its_numbers()
    {
        var person = Guid.NewGuid();
        var (_, reviews) = await SeedAsync((person, me, 5, "Delivered the migration."));
        h.Okr.GetPersonObjectivesAsync(person, Arg.Any<DateOnly>(), Arg.Any<DateOnly>(), Arg.Any<CancellationToken>())
            .Returns([Objective("Cut churn", 0.2), Objective("Ship v2", 0.3)]);
        h.Strategy.GetKpisOwnedByAsync(person, Arg.Any<CancellationToken>())
            .Returns([new KpiSummary(Guid.NewGuid(), Guid.NewGuid(), "NPS", null, person, "up", 10, 50, 20, null, 0.25, 0.4, "red")]);
        using var scope = h.Services.CreateScope();
        var check = await scope.ServiceProvider.GetRequiredService<BiasService>().CheckReviewAsync(reviews[0], default);
        var f = Assert.Single(check.Findings, x => x.Code == "RATING_EVIDENCE_MISMATCH");
        // position (5 − 1)/4 = 1.0; mean outcome (0.2 + 0.3 + 0.25)/3 = 0.25; gap 0.75 > 0.4.
        Assert.Equal(1.0, f.Numbers["ratingPosition"], 9);
        Assert.Equal(0.25, f.Numbers["meanOutcome"], 9);
        Assert.Equal(0.75, f.Numbers["gap"], 9);
        Assert.Equal(3, f.Numbers["n"]);
        Assert.Contains("OKR \"Cut churn\" 20 %", f.Evidence);
        Assert.Contains("KPI \"NPS\" 25 %", f.Evidence);
        Assert.Contains("above", f.Message);
    }

    [Fact]
    public async Task Rating_in_line_with_outcomes_is_no_mismatch_and_a_non_manager_gets_403()
    {
        var person = Guid.NewGuid();
        var (_, reviews) = await SeedAsync((person, me, 4, "Delivered the migration."), (Guid.NewGuid(), Guid.NewGuid(), 3, null));
        h.Okr.GetPersonObjectivesAsync(person, Arg.Any<DateOnly>(), Arg.Any<DateOnly>(), Arg.Any<CancellationToken>())
            .Returns([Objective("Cut churn", 0.7), Objective("Ship v2", 0.8)]);
        using var scope = h.Services.CreateScope();
        var bias = scope.ServiceProvider.GetRequiredService<BiasService>();
        Assert.DoesNotContain((await bias.CheckReviewAsync(reviews[0], default)).Findings, x => x.Code == "RATING_EVIDENCE_MISMATCH");
        h.Directory.GetAllReportsAsync(me, Arg.Any<CancellationToken>()).Returns(Array.Empty<PersonSummary>());
        await Assert.ThrowsAsync<ForbiddenException>(() => bias.CheckReviewAsync(reviews[1], default));
    }

    [Fact]
    public async Task Disparity_suppresses_a_small_group_and_its_complement_without_numbers_and_checks_HR_before_reading_attributes()
    {
        var rows = new List<(Guid, Guid, int, string?)>();
        var attrs = new Dictionary<Guid, HrAttributes>();
        void Add(string gender, int overall)
        {
            var id = Guid.NewGuid();
            rows.Add((id, me, overall, null));
            attrs[id] = new HrAttributes(gender, 1990);
        }
        for (var i = 0; i < 20; i++) Add("female", i < 10 ? 4 : 3);   // 10/20 top band
        for (var i = 0; i < 12; i++) Add("male", i < 3 ? 5 : 2);       // 3/12
        for (var i = 0; i < 3; i++) Add("non-binary", 4);               // small
        var (cycle, _) = await SeedAsync([.. rows]);
        hr.GetAsync(Arg.Any<IEnumerable<Guid>>(), Arg.Any<CancellationToken>()).Returns(attrs);

        using var scope = h.Services.CreateScope();
        var bias = scope.ServiceProvider.GetRequiredService<BiasService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => bias.DisparityAsync(cycle, "gender", default));
        await hr.DidNotReceiveWithAnyArgs().GetAsync(default!, default);

        h.User.IsInRole(Scorecard.Platform.Security.Roles.Hr).Returns(true);
        var report = await bias.DisparityAsync(cycle, "gender", default);
        var byGroup = report.Groups.ToDictionary(g => g.Group);
        Assert.Equal("SUPPRESSED", byGroup["non-binary"].Verdict);
        Assert.Equal("SUPPRESSED", byGroup["male"].Verdict); // the complementary (next-smallest) cell
        foreach (var g in new[] { byGroup["non-binary"], byGroup["male"] })
            Assert.True(g.N is null && g.TopBandRate is null && g.ImpactRatio is null && g.PValue is null && g.Test is null);
        Assert.Equal(20, byGroup["female"].N);
        Assert.Equal(0.5, byGroup["female"].TopBandRate);
        await Assert.ThrowsAsync<BadInputException>(() => bias.DisparityAsync(cycle, "shoeSize", default));
    }
}
