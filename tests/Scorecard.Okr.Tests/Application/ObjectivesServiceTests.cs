using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Okr.Application;
using Scorecard.Okr.Contracts;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Tests.Application;

public sealed class ObjectivesServiceTests : IAsyncLifetime
{
    private OkrHarness _h = null!;

    public async Task InitializeAsync() => _h = await OkrHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<T> As<T>(PersonSummary who, Func<ObjectivesService, Task<T>> action, params string[] roles) =>
        _h.AsAsync(who.Id, sp => action(sp.GetRequiredService<ObjectivesService>()), roles);

    private async Task<ObjectiveDto> CompanyAsync(string title = "Provide great customer service that builds trust")
    {
        return await As(_h.Org.Ceo, s => s.CreateAsync(new CreateObjectiveRequest(title, "company", "2026-Q4", null, null, null, [], null, null), default), Roles.Admin);
    }

    private Task<ObjectiveDto> PersonalAsync(PersonSummary owner, string title, params ParentLinkRequest[] parents) =>
        As(owner, s => s.CreateAsync(new CreateObjectiveRequest(title, "individual", "2026-Q4", null, null, null, parents, null, null), default));

    [Fact]
    public async Task Check_ins_move_progress_by_the_worked_numbers_and_keep_their_history()
    {
        var goal = await PersonalAsync(_h.Org.A, "Resolve complaints faster");
        goal = await As(_h.Org.A, s => s.AddKeyResultAsync(goal.Id, new("Cut resolution time from 48 h to 24 h", "metric", 48, 24, "h", 3, null, null, null, null), default));
        goal = await As(_h.Org.A, s => s.AddKeyResultAsync(goal.Id, new("Publish 10 articles", "metric", 0, 10, "articles", 1, null, null, null, null), default));
        var resolution = goal.KeyResults[0].Id;
        var articles = goal.KeyResults[1].Id;

        await As(_h.Org.A, s => s.CheckInAsync(resolution, new CheckInRequest(40, 6, "first week", null), default));
        _h.Clock.Now = _h.Clock.Now.AddMinutes(5);
        goal = await As(_h.Org.A, s => s.CheckInAsync(resolution, new CheckInRequest(36, 7, null, null), default));
        goal = await As(_h.Org.A, s => s.CheckInAsync(articles, new CheckInRequest(2, 8, null, null), default));

        // 48 → 24 at 36 h: (36 − 48) / (24 − 48) = 0.5; 0 → 10 at 2: 0.2; weights 3 and 1: (0.5·3 + 0.2·1) / 4 = 0.425.
        Assert.Equal(0.5, goal.KeyResults[0].Progress);
        Assert.Equal(0.2, goal.KeyResults[1].Progress);
        Assert.Equal(0.425, goal.Progress, 4);
        Assert.Equal(0.43, goal.Grade);
        Assert.Equal("yellow", goal.GradeBand);
        // 2026-11-15 is day 46 of the 92 days of 2026-Q4: expected 50 %, actual 42.5 %, gap 7.5 points → on track.
        Assert.Equal(0.5, goal.ExpectedProgress);
        Assert.Equal("on_track", goal.Status);
        Assert.Equal(2, goal.KeyResults[0].CheckIns.Count);
        Assert.Equal(36, goal.KeyResults[0].Current);
        Assert.Equal([36.0, 40.0], goal.KeyResults[0].CheckIns.Select(c => c.Value));
        await _h.Events.Received(3).PublishAsync(Arg.Any<OkrCheckInRecorded>(), Arg.Any<CancellationToken>());
        await _h.Events.Received(1).PublishAsync(
            Arg.Is<OkrCheckInRecorded>(e => e.KeyResultId == articles && e.ObjectiveId == goal.Id && e.OwnerPersonId == _h.Org.A.Id && e.Value == 2 && e.Confidence == 8),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_parent_objective_rolls_up_its_children_when_it_has_no_key_results()
    {
        var company = await CompanyAsync();
        var a = await PersonalAsync(_h.Org.A, "Resolve complaints", new ParentLinkRequest(company.Id, null, 3));
        var b = await PersonalAsync(_h.Org.B, "Renew customers", new ParentLinkRequest(company.Id, null, 1));
        var kr = (await As(_h.Org.A, s => s.AddKeyResultAsync(a.Id, new("Close 10 tickets", "metric", 0, 10, null, null, null, null, null, null), default))).KeyResults[0];
        await As(_h.Org.A, s => s.CheckInAsync(kr.Id, new CheckInRequest(8, 7, null, null), default));
        var milestone = (await As(_h.Org.B, s => s.AddKeyResultAsync(b.Id, new("Sign the renewal", "milestone", null, null, null, null, null, null, null, new DateOnly(2026, 12, 1)), default))).KeyResults[0];
        await As(_h.Org.B, s => s.CheckInAsync(milestone.Id, new CheckInRequest(0, 5, null, null), default));

        var rolled = await As(_h.Org.Ceo, s => s.GetAsync(company.Id, default));

        // (0.8·3 + 0·1) / 4 = 0.6
        Assert.Equal(0.6, rolled.Progress, 4);
    }

    [Theory]
    [InlineData(double.NaN, 5, "value")]
    [InlineData(double.PositiveInfinity, 5, "value")]
    [InlineData(5.0, 11, "confidence")]
    [InlineData(5.0, -1, "confidence")]
    public async Task Bad_check_ins_are_refused_naming_the_field_and_nothing_is_written(double value, int confidence, string field)
    {
        var goal = await PersonalAsync(_h.Org.A, "Resolve complaints faster");
        var kr = (await As(_h.Org.A, s => s.AddKeyResultAsync(goal.Id, new("Close 10 tickets", "metric", 0, 10, null, null, null, null, null, null), default))).KeyResults[0];

        var error = await Assert.ThrowsAsync<BadInputException>(() => As(_h.Org.A, s => s.CheckInAsync(kr.Id, new CheckInRequest(value, confidence, null, null), default)));

        Assert.Equal(field, error.Field);
        Assert.Equal(0, await CountAsync<OkrCheckIn>());
        await _h.Events.DidNotReceive().PublishAsync(Arg.Any<OkrCheckInRecorded>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_check_in_on_an_archived_objective_is_a_conflict()
    {
        var goal = await PersonalAsync(_h.Org.A, "Resolve complaints faster");
        var kr = (await As(_h.Org.A, s => s.AddKeyResultAsync(goal.Id, new("Close 10 tickets", "metric", 0, 10, null, null, null, null, null, null), default))).KeyResults[0];
        await As(_h.Org.A, async s => { await s.ArchiveAsync(goal.Id, default); return 0; });

        await Assert.ThrowsAsync<ConflictException>(() => As(_h.Org.A, s => s.CheckInAsync(kr.Id, new CheckInRequest(3, 5, null, null), default)));
        Assert.Equal(0, await CountAsync<OkrCheckIn>());
    }

    [Fact]
    public async Task A_key_result_whose_target_equals_its_start_is_refused()
    {
        var goal = await PersonalAsync(_h.Org.A, "Resolve complaints faster");
        var error = await Assert.ThrowsAsync<BadInputException>(() =>
            As(_h.Org.A, s => s.AddKeyResultAsync(goal.Id, new("Stay at 10", "metric", 10, 10, null, null, null, null, null, null), default)));
        Assert.Equal("target", error.Field);
        Assert.Equal(0, await CountAsync<OkrKeyResult>());
    }

    [Fact]
    public async Task An_unknown_parent_is_refused_and_nothing_is_written()
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => PersonalAsync(_h.Org.A, "Goal", new ParentLinkRequest(Guid.NewGuid(), null, 1)));
        Assert.Equal("parents", error.Field);
        var strategyError = await Assert.ThrowsAsync<RuleViolationException>(() => PersonalAsync(_h.Org.A, "Goal", new ParentLinkRequest(null, Guid.NewGuid(), 1)));
        Assert.Equal("parents", strategyError.Field);
        Assert.Equal(0, await CountAsync<OkrObjective>());
    }

    [Fact]
    public async Task A_parent_link_closing_a_cycle_is_refused_with_its_path()
    {
        var x = await PersonalAsync(_h.Org.A, "X");
        var y = await PersonalAsync(_h.Org.A, "Y", new ParentLinkRequest(x.Id, null, 1));
        var z = await PersonalAsync(_h.Org.A, "Z", new ParentLinkRequest(y.Id, null, 1));
        var patch = System.Text.Json.JsonSerializer.SerializeToElement(new { parents = new[] { new { okrObjectiveId = z.Id } } });

        var error = await Assert.ThrowsAsync<AlignmentCycleException>(() => As(_h.Org.A, s => s.PatchAsync(x.Id, patch, default)));

        Assert.Equal([x.Id, z.Id, y.Id, x.Id], error.CyclePath);
        var stored = await As(_h.Org.A, s => s.GetAsync(x.Id, default));
        Assert.Empty(stored.Parents);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var goal = await PersonalAsync(_h.Org.A, "Resolve complaints faster");
        var first = System.Text.Json.JsonSerializer.SerializeToElement(new { version = goal.Version, title = "Resolve complaints within a day" });
        await As(_h.Org.A, s => s.PatchAsync(goal.Id, first, default));
        var stale = System.Text.Json.JsonSerializer.SerializeToElement(new { version = goal.Version, title = "Something else" });

        await Assert.ThrowsAsync<ConflictException>(() => As(_h.Org.A, s => s.PatchAsync(goal.Id, stale, default)));
        Assert.Equal("Resolve complaints within a day", (await As(_h.Org.A, s => s.GetAsync(goal.Id, default))).Title);
    }

    [Fact]
    public async Task Editing_follows_ownership_the_manager_chain_unit_heads_and_admins()
    {
        var mine = await PersonalAsync(_h.Org.A, "Resolve complaints faster");
        var patch = System.Text.Json.JsonSerializer.SerializeToElement(new { description = "why" });

        await As(_h.Org.Manager, s => s.PatchAsync(mine.Id, patch, default));   // manager
        await As(_h.Org.Vp, s => s.PatchAsync(mine.Id, patch, default));        // manager's manager
        await Assert.ThrowsAsync<ForbiddenException>(() => As(_h.Org.B, s => s.PatchAsync(mine.Id, patch, default)));          // a peer
        await Assert.ThrowsAsync<ForbiddenException>(() => As(_h.Org.Hr, s => s.PatchAsync(mine.Id, patch, default), Roles.Hr)); // HR reads, does not edit
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            As(_h.Org.A, s => s.CreateAsync(new CreateObjectiveRequest("Someone else's", "individual", "2026-Q4", _h.Org.B.Id, null, null, [], null, null), default)));

        var team = await As(_h.Org.Manager, s => s.CreateAsync(new CreateObjectiveRequest("Team goal", "team", "2026-Q4", null, FakeDirectory.Team, null, [], null, null), default));
        await Assert.ThrowsAsync<ForbiddenException>(() => As(_h.Org.A, s => s.PatchAsync(team.Id, patch, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            As(_h.Org.Manager, s => s.CreateAsync(new CreateObjectiveRequest("Sales goal", "department", "2026-Q4", null, FakeDirectory.Sales, null, [], null, null), default)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            As(_h.Org.Vp, s => s.CreateAsync(new CreateObjectiveRequest("Company goal", "company", "2026-Q4", null, null, null, [], null, null), default)));
        await CompanyAsync();
    }

    [Fact]
    public async Task A_kpi_key_result_reads_the_KPI_and_refreshes_when_a_measurement_is_recorded()
    {
        var kpiId = Guid.NewGuid();
        _h.Strategy.GetKpiAsync(kpiId, Arg.Any<CancellationToken>()).Returns(
            new KpiSummary(kpiId, Guid.NewGuid(), "NPS", "NPS", null, "higher", 45, 65, 50, new DateOnly(2026, 11, 1), 0.25, 0.25, "amber"));
        var goal = await PersonalAsync(_h.Org.A, "Raise NPS");
        goal = await As(_h.Org.A, s => s.AddKeyResultAsync(goal.Id, new("NPS from the scorecard", "kpi", null, null, null, null, kpiId, null, null, null), default));
        Assert.Equal(45, goal.KeyResults[0].Start);
        Assert.Equal(65, goal.KeyResults[0].Target);
        Assert.Equal(0.25, goal.KeyResults[0].Progress);

        await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<Scorecard.Platform.Events.IIntegrationEventHandler<KpiMeasurementRecorded>>()
            .HandleAsync(new KpiMeasurementRecorded(kpiId, Guid.NewGuid(), new DateOnly(2026, 11, 14), 60, _h.Org.Vp.Id, DateTimeOffset.UtcNow), default));

        var refreshed = await As(_h.Org.A, s => s.GetAsync(goal.Id, default));
        Assert.Equal(60, refreshed.KeyResults[0].Current);
        Assert.Equal(0.75, refreshed.KeyResults[0].Progress);
        var history = Assert.Single(refreshed.KeyResults[0].CheckIns);
        Assert.Equal("kpi", history.Source);
        await Assert.ThrowsAsync<RuleViolationException>(() => As(_h.Org.A, s => s.CheckInAsync(goal.KeyResults[0].Id, new CheckInRequest(61, 5, null, null), default)));
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var scope = _h.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OkrDbContext>().Set<T>().CountAsync();
    }
}
