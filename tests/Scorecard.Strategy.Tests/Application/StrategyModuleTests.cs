using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform;
using Scorecard.Platform.Inbox;
using Scorecard.Strategy.Application;
using Scorecard.Strategy.Contracts;
using Scorecard.Strategy.Domain.Health;
using Scorecard.Strategy.Domain.Hypotheses;
using Scorecard.Strategy.Persistence;
using Scorecard.Strategy.Seeding;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Tests.Application;

public sealed class StrategyModuleTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private readonly StrategyModuleFixture _m = new(Today);

    public async Task InitializeAsync() => await _m.InitializeAsync();

    public async Task DisposeAsync() => await _m.DisposeAsync();

    private Task<T> Commands<T>(Func<StrategyCommands, Task<T>> work) => _m.RunAsync(sp => work(sp.GetRequiredService<StrategyCommands>()));

    private async Task<(Guid Scorecard, Guid Objective, Guid Kpi)> CompanyKpiAsync(string interval = "monthly")
    {
        _m.ActAs("maya.lindqvist", admin: true);
        var scorecard = await Commands(c => c.CreateScorecardAsync(new CreateScorecardRequest(
            StrategyModuleFixture.RootUnit, "Company 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, null), default));
        var tree = await _m.RunAsync(sp => sp.GetRequiredService<StrategyQueries>().GetAsync(scorecard, default));
        var objective = await Commands(c => c.AddObjectiveAsync(scorecard,
            new CreateObjectiveRequest(tree.Perspectives.Single(p => p.Name == "Customer").Id, "Delight customers", null, _m.Id("elena.petrova"), 1), default));
        var kpi = await Commands(c => c.AddKpiAsync(objective, new CreateKpiRequest("Net Promoter Score", "points", _m.Id("elena.petrova"), "survey",
            "increase", 32, 50, -100, 100, null, null, null, interval, false, 1, null, null), default));
        return (scorecard, objective, kpi);
    }

    [Fact]
    public async Task A_new_scorecard_gets_the_four_default_perspectives_in_order()
    {
        var (scorecard, _, _) = await CompanyKpiAsync();
        var tree = await _m.RunAsync(sp => sp.GetRequiredService<StrategyQueries>().GetAsync(scorecard, default));
        Assert.Equal(["Financial", "Customer", "Internal Process", "Learning & Growth"], tree.Perspectives.Select(p => p.Name));
        Assert.True(tree.IsCompany);
    }

    [Fact]
    public async Task Reminders_reach_the_owner_once_per_due_date_however_often_the_job_runs()
    {
        var (_, _, kpi) = await CompanyKpiAsync();
        _m.ActAs("elena.petrova");
        await Commands(c => c.AddMeasurementAsync(kpi, new CreateMeasurementRequest(new DateOnly(2026, 9, 30), 40, null), default));

        // Monthly: due 31 days after 30 September = 31 October.
        var first = await _m.RunAsync(sp => sp.GetRequiredService<KpiReminders>().RunAsync(new DateOnly(2026, 11, 2), default));
        var again = await _m.RunAsync(sp => sp.GetRequiredService<KpiReminders>().RunAsync(new DateOnly(2026, 11, 3), default));
        var notDueYet = await _m.RunAsync(sp => sp.GetRequiredService<KpiReminders>().RunAsync(new DateOnly(2026, 10, 20), default));
        Assert.Equal(1, first);
        Assert.Equal(0, again);
        Assert.Equal(0, notDueYet);
        var inbox = await _m.RunAsync(sp => sp.GetRequiredService<IInbox>().ForPersonAsync(_m.Id("elena.petrova")));
        var note = Assert.Single(inbox);
        Assert.Contains("Net Promoter Score", note.Text);
        Assert.Equal($"/kpis/{kpi}", note.Link);

        // A new measurement moves the due date: the next one is a new reminder.
        _m.Clock.Now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        await Commands(c => c.AddMeasurementAsync(kpi, new CreateMeasurementRequest(new DateOnly(2026, 11, 25), 44, null), default));
        Assert.Equal(0, await _m.RunAsync(sp => sp.GetRequiredService<KpiReminders>().RunAsync(new DateOnly(2026, 11, 26), default)));
        Assert.Equal(1, await _m.RunAsync(sp => sp.GetRequiredService<KpiReminders>().RunAsync(new DateOnly(2026, 12, 27), default)));
    }

    [Fact]
    public async Task A_stored_measurement_publishes_KpiMeasurementRecorded_and_the_reader_sees_the_new_value()
    {
        var (_, objective, kpi) = await CompanyKpiAsync();
        _m.ActAs("elena.petrova");
        await Commands(c => c.AddMeasurementAsync(kpi, new CreateMeasurementRequest(new DateOnly(2026, 10, 31), 41, "October survey"), default));

        var e = Assert.Single(_m.Recorded.Events);
        Assert.Equal((kpi, objective, new DateOnly(2026, 10, 31), 41.0, _m.Id("elena.petrova")), (e.KpiId, e.ObjectiveId, e.Date, e.Value, e.RecordedByPersonId));
        var summary = await _m.RunAsync(sp => sp.GetRequiredService<IStrategyReader>().GetKpiAsync(kpi));
        Assert.Equal(41.0, summary!.CurrentValue);
        Assert.Equal(0.5, summary.Progress!.Value, 6); // (41 − 32) / (50 − 32)
        Assert.Equal("red", summary.Status);
    }

    [Fact]
    public async Task A_rejected_measurement_publishes_nothing_and_stores_nothing()
    {
        var (_, _, kpi) = await CompanyKpiAsync();
        _m.ActAs("elena.petrova");
        var outside = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Commands(c => c.AddMeasurementAsync(kpi, new CreateMeasurementRequest(new DateOnly(2025, 12, 31), 40, null), default)));
        Assert.Equal("date", outside.Field);
        var infinite = await Assert.ThrowsAsync<BadInputException>(() =>
            Commands(c => c.AddMeasurementAsync(kpi, new CreateMeasurementRequest(new DateOnly(2026, 5, 31), double.PositiveInfinity, null), default)));
        Assert.Equal("value", infinite.Field);
        _m.ActAs("leo.moreau");
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Commands(c => c.AddMeasurementAsync(kpi, new CreateMeasurementRequest(new DateOnly(2026, 5, 31), 40, null), default)));
        Assert.Empty(_m.Recorded.Events);
        Assert.Equal(0, await _m.RunAsync(sp => sp.GetRequiredService<StrategyDbContext>().Measurements.CountAsync()));
    }

    [Fact]
    public async Task The_unit_manager_is_the_member_whose_manager_is_outside_the_unit()
    {
        await CompanyKpiAsync();
        var managers = await _m.RunAsync(sp => sp.GetRequiredService<StrategyAccess>().UnitManagersAsync(StrategyModuleFixture.MarketingUnit, default));
        Assert.Equal([_m.Id("julia.fischer")], managers);

        _m.ActAs("julia.fischer");
        var marketing = await Commands(c => c.CreateScorecardAsync(new CreateScorecardRequest(
            StrategyModuleFixture.MarketingUnit, "Marketing 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, null), default));
        var record = await _m.RunAsync(sp => sp.GetRequiredService<StrategyDbContext>().Scorecards.SingleAsync(s => s.Id == marketing));
        Assert.False(record.IsCompany);
        Assert.NotNull(record.ParentScorecardId); // cascades from the company scorecard of the same period

        _m.ActAs("leo.moreau");
        await Assert.ThrowsAsync<ForbiddenException>(() => Commands(c => c.CreateScorecardAsync(new CreateScorecardRequest(
            StrategyModuleFixture.MarketingUnit, "Leo's scorecard", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, null), default)));
    }

    [Fact]
    public async Task Measurement_import_is_all_or_nothing_with_line_and_column_errors()
    {
        var (_, _, kpi) = await CompanyKpiAsync();
        _m.ActAs("elena.petrova");
        var bad = $"kpiId,date,value,note\n{kpi},2026-03-31,35,\"March, after survey\"\n{kpi},2026-04-31,36,\n{kpi},2026-05-31,abc,\n{Guid.NewGuid()},2026-05-31,1,\n";
        var (result, errors) = await Commands(c => c.ImportMeasurementsAsync(bad, default));
        Assert.Null(result);
        Assert.Equal([(3, "date"), (4, "value"), (5, "kpiId")], errors!.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal(0, await _m.RunAsync(sp => sp.GetRequiredService<StrategyDbContext>().Measurements.CountAsync()));

        var good = $"kpiId,date,value,note\n{kpi},2026-03-31,35,\"March, after survey\"\n{kpi},2026-04-30,36,\n";
        (result, errors) = await Commands(c => c.ImportMeasurementsAsync(good, default));
        Assert.Null(errors);
        Assert.Equal(2, result!.Imported);
        var points = await _m.RunAsync(sp => sp.GetRequiredService<IStrategyReader>().GetMeasurementsAsync(kpi, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(["March, after survey", null], points.Select(p => p.Note));
        Assert.Equal(2, _m.Recorded.Events.Count);
    }

    [Fact]
    public async Task A_KPI_with_target_equal_to_baseline_is_refused_naming_the_target()
    {
        var (_, objective, _) = await CompanyKpiAsync();
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Commands(c => c.AddKpiAsync(objective,
            new CreateKpiRequest("Flat", null, null, null, "increase", 10, 10, null, null, null, null, null, null, null, null, null, null), default)));
        Assert.Equal("target", e.Field);
        var owner = await Assert.ThrowsAsync<RuleViolationException>(() => Commands(c => c.AddKpiAsync(objective,
            new CreateKpiRequest("Unknown owner", null, Guid.NewGuid(), null, "increase", 0, 10, null, null, null, null, null, null, null, null, null, null), default)));
        Assert.Equal("ownerId", owner.Field);
    }

    [Fact]
    public async Task Sub_KPIs_feed_a_cascaded_KPI_through_its_aggregation()
    {
        var (_, objective, _) = await CompanyKpiAsync();
        var parent = await Commands(c => c.AddKpiAsync(objective, new CreateKpiRequest("Articles published", null, _m.Id("elena.petrova"), null,
            "increase", 0, 40, null, null, null, null, null, "monthly", true, 1, "sum", null), default));
        foreach (var (name, value) in new[] { ("Blog", 12.0), ("Docs", 8.0) })
        {
            var sub = await Commands(c => c.AddKpiAsync(objective, new CreateKpiRequest(name, null, _m.Id("elena.petrova"), null,
                "increase", 0, 20, null, null, null, null, null, "monthly", true, 1, null, parent), default));
            await Commands(c => c.AddMeasurementAsync(sub, new CreateMeasurementRequest(new DateOnly(2026, 10, 31), value, null), default));
        }

        var kpi = await _m.RunAsync(sp => sp.GetRequiredService<IStrategyReader>().GetKpiAsync(parent));
        Assert.Equal(20.0, kpi!.CurrentValue);   // 12 + 8
        Assert.Equal(0.5, kpi.Progress!.Value, 6); // 20 / 40
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            Commands(c => c.AddMeasurementAsync(parent, new CreateMeasurementRequest(new DateOnly(2026, 10, 31), 5, null), default)));
    }

    [Fact]
    public async Task A_strategy_map_link_that_closes_a_cycle_names_the_path()
    {
        var (scorecard, nps, _) = await CompanyKpiAsync();
        var tree = await _m.RunAsync(sp => sp.GetRequiredService<StrategyQueries>().GetAsync(scorecard, default));
        var arr = await Commands(c => c.AddObjectiveAsync(scorecard,
            new CreateObjectiveRequest(tree.Perspectives.Single(p => p.Name == "Financial").Id, "Grow ARR", null, null, 1), default));
        await Commands(c => c.AddLinkAsync(scorecard, new CreateLinkRequest(nps, arr, "Promoters expand."), default));
        var cycle = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Commands(c => c.AddLinkAsync(scorecard, new CreateLinkRequest(arr, nps, "Revenue delights?"), default)));
        Assert.Contains("Grow ARR → Delight customers → Grow ARR", cycle.Message);
        var self = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Commands(c => c.AddLinkAsync(scorecard, new CreateLinkRequest(arr, arr, "Itself"), default)));
        Assert.Equal("toObjectiveId", self.Field);
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            Commands(c => c.AddLinkAsync(scorecard, new CreateLinkRequest(nps, arr, "Again"), default)));
        Assert.Equal(1, await _m.RunAsync(sp => sp.GetRequiredService<StrategyDbContext>().Links.CountAsync()));
    }

    [Fact]
    public async Task The_health_of_each_scorecard_read_on_its_own_equals_its_findings_in_the_whole_strategy()
    {
        await SeedDemoAsync();
        var (company, _, _) = await CompanyKpiAsync(); // a second company scorecard: mini-me compares with every company scorecard
        var ids = await _m.RunAsync(sp => sp.GetRequiredService<StrategyDbContext>().Scorecards.Select(s => s.Id).ToListAsync());
        Assert.True(ids.Count >= 3);
        Assert.Contains(company, ids);
        var codes = new HashSet<string>();
        foreach (var id in ids)
        {
            var scoped = await _m.RunAsync(sp => sp.GetRequiredService<StrategyQueries>().HealthAsync(id, default));
            var whole = await _m.RunAsync(async sp =>
            {
                var queries = sp.GetRequiredService<StrategyQueries>();
                await queries.GraphAsync(default);
                return await queries.HealthAsync(id, default);
            });
            Assert.Equal(Describe(whole), Describe(scoped));
            codes.UnionWith(scoped.Findings.Select(f => f.Code));
        }

        Assert.Superset(new HashSet<string> { "BROKEN_CASCADE", "ISOLATED_OBJECTIVE", "NO_INITIATIVE" }, codes); // the rules that read beyond one scorecard ran

        static string[] Describe(HealthDto health) =>
            health.Findings.Select(f => $"{f.Code} {f.Severity} {f.SubjectKind} {f.SubjectId} {f.Message}").Order().ToArray();
    }

    private async Task SeedDemoAsync()
    {
        await _m.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<StrategyDbContext>();
            DemoStrategy.Build(db, StrategyModuleFixture.RootUnit, StrategyModuleFixture.MarketingUnit,
                _m.People.ToDictionary(p => p.Key, p => p.Value.Id), Today);
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_demo_data_shows_one_stale_KPI_and_one_hypothesis_the_data_does_not_support()
    {
        await SeedDemoAsync();
        var (graph, findings) = await _m.RunAsync(async sp =>
        {
            var g = await StrategyGraph.LoadAsync(sp.GetRequiredService<StrategyDbContext>(), default);
            return (g, ScorecardHealth.Check(g.HealthModel(), Today));
        });
        var stale = Assert.Single(findings, f => f.Code == HealthCodes.StaleKpi);
        Assert.Equal("Product managers trained on AI tooling", stale.Subject.Name);

        var verdicts = graph.Links.Where(l => graph.ScorecardById[l.ScorecardId].IsCompany).ToDictionary(
            l => $"{graph.ObjectiveById[l.FromObjectiveId].Name} → {graph.ObjectiveById[l.ToObjectiveId].Name}",
            l => graph.CheckHypothesis(l).Verdict.Label());
        // Tested on month-on-month changes, the demo shows every verdict (see DemoStrategy for what was built in).
        Assert.Equal("supported", verdicts["Ship faster → Delight customers"]);
        Assert.Equal("supported", verdicts["Upgrade developer infrastructure → Ship faster"]);
        Assert.Equal("contradicted", verdicts["Upgrade developer infrastructure → Lift gross margin"]);
        Assert.Equal("not yet supported", verdicts["Onboard customers fast → Keep customers"]);
        Assert.Equal("not enough data", verdicts["Hire senior customer success managers → Onboard customers fast"]);
        Assert.Equal(2, verdicts.Values.Count(v => v == "supported"));
        Assert.Equal(5, verdicts.Values.Count(v => v == "not yet supported"));
        var ship = graph.Links.Single(l => graph.ObjectiveById[l.FromObjectiveId].Name == "Ship faster");
        Assert.Equal(2, graph.CheckHypothesis(ship).BestLag);
        var marketing = graph.Links.Where(l => !graph.ScorecardById[l.ScorecardId].IsCompany).Select(l => graph.CheckHypothesis(l).Verdict.Label());
        Assert.All(marketing, v => Assert.Equal("not yet supported", v));

        // 13 monthly readings, November 2025 to November 2026, for a monthly KPI that is kept up to date.
        var nps = graph.Kpis.Single(k => k.Name == "Net Promoter Score");
        var series = graph.MeasurementsOf(nps.Id);
        Assert.Equal(13, series.Count);
        Assert.Equal((new DateOnly(2025, 11, 15), new DateOnly(2026, 11, 15)), (series[0].Date, series[^1].Date));
        Assert.Equal("Customer", graph.PerspectiveById[graph.ObjectiveById[nps.ObjectiveId].PerspectiveId].Name);
        Assert.DoesNotContain(findings, f => f.Code == HealthCodes.IsolatedObjective);
        Assert.Single(findings, f => f.Code == HealthCodes.BrokenCascade);
    }

    [Fact]
    public async Task The_reader_exposes_line_of_sight_perspective_weights_and_owned_KPIs()
    {
        await SeedDemoAsync();
        var reader = (Func<IServiceProvider, IStrategyReader>)(sp => sp.GetRequiredService<IStrategyReader>());
        var objectives = await _m.RunAsync(sp => reader(sp).ListObjectivesAsync(new DateOnly(2026, 6, 1)));
        Assert.Equal(18, objectives.Count);
        Assert.Empty(await _m.RunAsync(sp => reader(sp).ListObjectivesAsync(new DateOnly(2027, 6, 1))));

        var pipeline = objectives.Single(o => o.Name == "Grow pipeline contribution");
        Assert.False(pipeline.IsCompanyScorecard);
        var sight = await _m.RunAsync(sp => reader(sp).GetLineOfSightAsync(pipeline.Id));
        var path = Assert.Single(sight!.Paths);
        Assert.Equal(["Grow pipeline contribution", "Grow annual recurring revenue"], path.Select(s => s.Name));
        Assert.True(path[^1].IsCompany);
        var martech = objectives.Single(o => o.Name == "Improve MarTech adoption");
        Assert.True((await _m.RunAsync(sp => reader(sp).GetLineOfSightAsync(martech.Id)))!.IsBroken);

        var weights = await _m.RunAsync(sp => reader(sp).GetCompanyPerspectiveWeightsAsync(new DateOnly(2026, 6, 1)));
        Assert.Equal(["Financial", "Customer", "Internal Process", "Learning & Growth"], weights.Select(w => w.Perspective));
        Assert.Equal(1.0, weights.Sum(w => w.Weight), 9);
        Assert.Equal(0.3, weights[1].Weight, 9);

        var owned = await _m.RunAsync(sp => reader(sp).GetKpisOwnedByAsync(_m.Id("elena.petrova")));
        Assert.Equal(["Monthly logo churn", "Net Promoter Score", "Senior CSMs hired"], owned.Select(k => k.Name).Order());
        Assert.All(owned, k => Assert.InRange(k.Progress!.Value, 0, 1));
    }
}
