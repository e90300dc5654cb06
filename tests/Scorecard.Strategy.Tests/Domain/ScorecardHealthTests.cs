using Scorecard.Strategy.Domain.Health;
using Scorecard.Strategy.Domain.Kpis;
using static Scorecard.Strategy.Tests.Domain.HealthFixture;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class ScorecardHealthTests
{
    private static HealthFinding Single(IReadOnlyList<HealthFinding> findings, string code, Guid subjectId) =>
        Assert.Single(findings, f => f.Code == code && f.Subject.Id == subjectId);

    [Fact]
    public void A_healthy_strategy_has_no_findings()
    {
        Assert.Empty(Check(Healthy));
    }

    [Fact]
    public void Too_many_kpis_fires_above_25_and_not_at_25()
    {
        // 5 perspectives × (2 + 2 + 1) KPIs = 25; one more objective with one KPI makes 26.
        var at25 = Department("Sales", [2, 2, 1], [2, 2, 1], [2, 2, 1], [2, 2, 1], [2, 2, 1]);
        var at26 = Department("Sales", [2, 2, 1], [2, 2, 1], [2, 2, 1], [2, 2, 1], [2, 2, 1, 1]);

        Assert.DoesNotContain(Check(WithDepartment(at25)), f => f.Code == HealthCodes.TooManyKpis);
        var finding = Single(Check(WithDepartment(at26)), HealthCodes.TooManyKpis, at26.Scorecard.Id);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(FindingSubjectKind.Scorecard, finding.Subject.Kind);
        Assert.Contains("26", finding.Message);
    }

    [Fact]
    public void Perspective_kpi_count_fires_outside_3_to_7()
    {
        var department = Department("Ops", [2, 1], [2, 2, 2, 1], [2, 2, 2, 2], [1, 1]);
        var perspectives = department.Scorecard.Perspectives;

        var findings = Check(WithDepartment(department)).Where(f => f.Code == HealthCodes.PerspectiveKpiCount).ToList();

        Assert.Equal([perspectives[2].Id, perspectives[3].Id], findings.Select(f => f.Subject.Id)); // 8 and 2 KPIs
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Fact]
    public void Objective_without_kpis_is_an_error_and_with_more_than_two_a_warning()
    {
        var none = Check(WithObjective(Resolve.Id, o => o with { Kpis = [] }));
        var three = Check(WithObjective(Onboard.Id, o => o with { Kpis = [.. o.Kpis, Kpi("Onboarding NPS")] }));

        Assert.Equal(FindingSeverity.Error, Single(none, HealthCodes.ObjectiveKpiCount, Resolve.Id).Severity);
        Assert.Equal(FindingSeverity.Warning, Single(three, HealthCodes.ObjectiveKpiCount, Onboard.Id).Severity);
        Assert.DoesNotContain(three, f => f.Code == HealthCodes.ObjectiveKpiCount && f.Subject.Id != Onboard.Id);
    }

    [Fact]
    public void Missing_owner_fires_for_objectives_and_kpis()
    {
        var objective = Check(WithObjective(KeepCustomers.Id, o => o with { OwnerId = null }));
        var kpi = Check(WithKpi(Nrr.Id, k => k with { OwnerId = null }));

        var onObjective = Single(objective, HealthCodes.MissingOwner, KeepCustomers.Id);
        var onKpi = Single(kpi, HealthCodes.MissingOwner, Nrr.Id);
        Assert.Equal(FindingSubjectKind.Objective, onObjective.Subject.Kind);
        Assert.Equal(FindingSubjectKind.Kpi, onKpi.Subject.Kind);
        Assert.Equal(Company.Id, onKpi.Subject.ScorecardId);
        Assert.Equal(FindingSeverity.Error, onKpi.Severity);
    }

    [Fact]
    public void Missing_target_is_an_error()
    {
        var finding = Single(Check(WithKpi(Churn.Id, k => k with { HasTarget = false })), HealthCodes.MissingTarget, Churn.Id);

        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Missing_data_source_is_a_warning(string? dataSource)
    {
        var findings = Check(WithKpi(Churn.Id, k => k with { DataSource = dataSource }));

        Assert.Equal(FindingSeverity.Warning, Single(findings, HealthCodes.MissingDataSource, Churn.Id).Severity);
        Assert.DoesNotContain(findings, f => f.Code == HealthCodes.MissingTarget);
    }

    [Fact]
    public void Objective_without_any_arrow_is_isolated()
    {
        var model = Healthy with { Links = Healthy.Links.Where(l => l.DriverObjectiveId != Resolve.Id).ToList() };

        var findings = Check(model);

        Assert.Equal(FindingSeverity.Warning, Single(findings, HealthCodes.IsolatedObjective, Resolve.Id).Severity);
        Assert.Single(findings, f => f.Code == HealthCodes.IsolatedObjective);
    }

    [Fact]
    public void An_arrow_in_or_out_is_enough_to_not_be_isolated()
    {
        // GrowRevenue only has an arrow in; Resolve only an arrow out.
        Assert.DoesNotContain(Check(Healthy), f => f.Code == HealthCodes.IsolatedObjective);
    }

    [Fact]
    public void Kpi_not_measured_within_interval_plus_grace_is_stale()
    {
        var fresh = Check(WithKpi(Arr.Id, k => k with { LastMeasuredOn = AsOf.AddDays(-38) }));
        var stale = Check(WithKpi(Arr.Id, k => k with { LastMeasuredOn = AsOf.AddDays(-39) }));
        var weeklyStale = Check(WithKpi(Arr.Id, k => k with { Interval = UpdateInterval.Weekly, LastMeasuredOn = AsOf.AddDays(-11) }));
        var neverMeasured = Check(WithKpi(Arr.Id, k => k with { LastMeasuredOn = null }));

        Assert.DoesNotContain(fresh, f => f.Code == HealthCodes.StaleKpi);
        Assert.Equal(FindingSeverity.Warning, Single(stale, HealthCodes.StaleKpi, Arr.Id).Severity);
        Assert.Contains("2026-05-22", Single(stale, HealthCodes.StaleKpi, Arr.Id).Message);
        Single(weeklyStale, HealthCodes.StaleKpi, Arr.Id);
        Assert.Contains("never", Single(neverMeasured, HealthCodes.StaleKpi, Arr.Id).Message);
    }

    [Fact]
    public void A_new_kpi_is_not_stale_before_its_first_interval_has_passed()
    {
        var findings = Check(WithKpi(Arr.Id, k => k with { LastMeasuredOn = null, TrackingSince = AsOf.AddDays(-20) }));

        Assert.DoesNotContain(findings, f => f.Code == HealthCodes.StaleKpi);
    }

    [Fact]
    public void Objective_without_initiative_is_info()
    {
        var finding = Single(Check(WithObjective(GrowRevenue.Id, o => o with { Initiatives = [] })), HealthCodes.NoInitiative, GrowRevenue.Id);

        Assert.Equal(FindingSeverity.Info, finding.Severity);
    }

    [Fact]
    public void Child_objective_copying_a_parent_objective_is_a_mini_me()
    {
        var findings = Check(WithObjective(Resolve.Id, o => o with { Name = "Keeping our customers longer" }));

        var finding = Single(findings, HealthCodes.MiniMe, Resolve.Id);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("Keep customers longer", finding.Message);
        Assert.Contains("Company", finding.Message);
    }

    [Fact]
    public void Child_kpi_copying_a_parent_kpi_is_a_mini_me()
    {
        var findings = Check(WithKpi(FirstContact.Id, k => k with { Name = "Logo churn rates" }));

        Assert.Contains("Logo churn rate", Single(findings, HealthCodes.MiniMe, FirstContact.Id).Message);
    }

    [Fact]
    public void A_translated_objective_is_not_a_mini_me_and_the_company_scorecard_is_never_one()
    {
        // 3 of 5 content words shared: Jaccard 0.6 < 0.8.
        var translated = Check(WithObjective(Resolve.Id, o => o with { Name = "Keep enterprise customers longer in EMEA" }));
        // Same names inside the company scorecard are not copies of a parent.
        var sameInCompany = Check(WithObjective(GrowRevenue.Id, o => o with { Name = "Keep customers longer" }));

        Assert.DoesNotContain(translated, f => f.Code == HealthCodes.MiniMe);
        Assert.DoesNotContain(sameInCompany, f => f.Code == HealthCodes.MiniMe);
    }

    [Fact]
    public void Mini_me_looks_past_the_direct_parent_to_the_company_scorecard()
    {
        var team = Objective("Grow the recurring revenue", Kpi("Team pipeline"), Kpi("Team win rate"), Kpi("Team deal size"));
        var teamCard = new ScorecardModel(
            Guid.NewGuid(), "Onboarding team", false, CustomerSuccess.Id, [new PerspectiveModel(Guid.NewGuid(), "Customer", [team])]);

        Single(Check(WithScorecard(teamCard)), HealthCodes.MiniMe, team.Id);
    }

    [Fact]
    public void Department_objective_without_a_path_to_the_company_is_a_broken_cascade()
    {
        var model = Healthy with { Contributions = Healthy.Contributions.Where(c => c.ChildObjectiveId != Resolve.Id).ToList() };

        var findings = Check(model);

        Assert.Equal(FindingSeverity.Warning, Single(findings, HealthCodes.BrokenCascade, Resolve.Id).Severity);
        Assert.Single(findings, f => f.Code == HealthCodes.BrokenCascade);
    }

    [Fact]
    public void A_team_objective_reaching_the_company_through_its_department_is_not_broken()
    {
        var team = Objective("Cut setup time with templates", Kpi("Setup hours"));
        var teamCard = new ScorecardModel(
            Guid.NewGuid(), "Onboarding team", false, CustomerSuccess.Id, [new PerspectiveModel(Guid.NewGuid(), "Process", [team])]);
        var linked = WithScorecard(teamCard) with { Contributions = [.. Healthy.Contributions, new(team.Id, Onboard.Id)] };
        var cut = linked with { Contributions = linked.Contributions.Where(c => c.ChildObjectiveId != Onboard.Id).ToList() };

        Assert.DoesNotContain(Check(linked), f => f.Code == HealthCodes.BrokenCascade);
        Assert.Equal(
            new HashSet<Guid> { Onboard.Id, team.Id },
            Check(cut).Where(f => f.Code == HealthCodes.BrokenCascade).Select(f => f.Subject.Id).ToHashSet());
    }

    [Fact]
    public void Company_objectives_never_need_a_cascade_path()
    {
        var model = Healthy with { Contributions = [] };

        var broken = Check(model).Where(f => f.Code == HealthCodes.BrokenCascade).Select(f => f.Subject.Id).ToHashSet();

        Assert.Equal(new HashSet<Guid> { Onboard.Id, Resolve.Id }, broken);
    }
}
