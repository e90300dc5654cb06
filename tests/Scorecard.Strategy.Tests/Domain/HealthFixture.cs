using Scorecard.Strategy.Domain.Graph;
using Scorecard.Strategy.Domain.Health;
using Scorecard.Strategy.Domain.Kpis;

namespace Scorecard.Strategy.Tests.Domain;

/// <summary>
/// A small strategy with no health findings: a company scorecard and a customer-success scorecard cascading from
/// it, each with one perspective of two objectives and three KPIs. Tests break one thing at a time.
/// </summary>
internal static class HealthFixture
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    public static readonly KpiModel Arr = Kpi("Annual recurring revenue");
    public static readonly KpiModel Nrr = Kpi("Net revenue retention");
    public static readonly KpiModel Churn = Kpi("Logo churn rate");
    public static readonly ObjectiveModel GrowRevenue = Objective("Grow recurring revenue", Arr, Nrr);
    public static readonly ObjectiveModel KeepCustomers = Objective("Keep customers longer", Churn);

    public static readonly KpiModel OnboardingDays = Kpi("Median onboarding days");
    public static readonly KpiModel LiveIn14 = Kpi("Accounts live within 14 days");
    public static readonly KpiModel FirstContact = Kpi("First contact resolution rate");
    public static readonly ObjectiveModel Onboard = Objective("Onboard new accounts within two weeks", OnboardingDays, LiveIn14);
    public static readonly ObjectiveModel Resolve = Objective("Resolve support tickets on first contact", FirstContact);

    public static readonly ScorecardModel Company = new(
        Guid.NewGuid(), "Company", IsCompany: true, ParentScorecardId: null,
        [new PerspectiveModel(Guid.NewGuid(), "Financial", [GrowRevenue, KeepCustomers])]);

    public static readonly ScorecardModel CustomerSuccess = new(
        Guid.NewGuid(), "Customer Success", IsCompany: false, ParentScorecardId: Company.Id,
        [new PerspectiveModel(Guid.NewGuid(), "Customer", [Onboard, Resolve])]);

    public static readonly StrategyModel Healthy = new(
        [Company, CustomerSuccess],
        [new(KeepCustomers.Id, GrowRevenue.Id), new(Onboard.Id, KeepCustomers.Id), new(Resolve.Id, Onboard.Id)],
        [new(Onboard.Id, KeepCustomers.Id, 0.7), new(Resolve.Id, KeepCustomers.Id, 0.3)]);

    public static KpiModel Kpi(string name) =>
        new(Guid.NewGuid(), name, Guid.NewGuid(), HasTarget: true, "CRM", UpdateInterval.Monthly, AsOf.AddDays(-5));

    public static ObjectiveModel Objective(string name, params KpiModel[] kpis) =>
        new(Guid.NewGuid(), name, Guid.NewGuid(), kpis, [new InitiativeModel(Guid.NewGuid(), $"Project for {name}")]);

    public static IReadOnlyList<HealthFinding> Check(StrategyModel model) => ScorecardHealth.Check(model, AsOf);

    public static StrategyModel WithObjective(Guid objectiveId, Func<ObjectiveModel, ObjectiveModel> change) =>
        Healthy with
        {
            Scorecards = Healthy.Scorecards
                .Select(s => s with
                {
                    Perspectives = s.Perspectives
                        .Select(p => p with { Objectives = p.Objectives.Select(o => o.Id == objectiveId ? change(o) : o).ToList() })
                        .ToList(),
                })
                .ToList(),
        };

    public static StrategyModel WithKpi(Guid kpiId, Func<KpiModel, KpiModel> change) =>
        Healthy.Scorecards
            .SelectMany(s => s.Perspectives.SelectMany(p => p.Objectives))
            .Where(o => o.Kpis.Any(k => k.Id == kpiId))
            .Select(o => WithObjective(o.Id, x => x with { Kpis = x.Kpis.Select(k => k.Id == kpiId ? change(k) : k).ToList() }))
            .Single();

    public static StrategyModel WithScorecard(ScorecardModel scorecard) =>
        Healthy with { Scorecards = [.. Healthy.Scorecards, scorecard] };

    /// <summary>A scorecard cascading from the company one, with the given KPI count per objective, all linked up.</summary>
    public static (ScorecardModel Scorecard, IReadOnlyList<StrategyMapLink> Links, IReadOnlyList<ContributesTo> Contributions) Department(
        string name, params int[][] kpisPerObjectivePerPerspective)
    {
        var perspectives = kpisPerObjectivePerPerspective
            .Select((objectives, p) => new PerspectiveModel(
                Guid.NewGuid(),
                $"Perspective {p}",
                objectives.Select((count, o) => Objective(
                        $"{name} objective {p}-{o}",
                        Enumerable.Range(0, count).Select(k => Kpi($"{name} measure {p}-{o}-{k}")).ToArray()))
                    .ToList()))
            .ToList();
        var scorecard = new ScorecardModel(Guid.NewGuid(), name, false, Company.Id, perspectives);
        var objectives = perspectives.SelectMany(p => p.Objectives).ToList();
        var links = objectives.Select(o => new StrategyMapLink(o.Id, GrowRevenue.Id)).ToList();
        var contributions = objectives.Select(o => new ContributesTo(o.Id, GrowRevenue.Id)).ToList();
        return (scorecard, links, contributions);
    }

    public static StrategyModel WithDepartment(
        (ScorecardModel Scorecard, IReadOnlyList<StrategyMapLink> Links, IReadOnlyList<ContributesTo> Contributions) department) =>
        new(
            [.. Healthy.Scorecards, department.Scorecard],
            [.. Healthy.Links, .. department.Links],
            [.. Healthy.Contributions, .. department.Contributions]);
}
