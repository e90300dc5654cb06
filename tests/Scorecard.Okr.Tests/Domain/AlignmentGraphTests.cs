using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class AlignmentGraphTests
{
    private static readonly OkrPeriod Q4 = OkrPeriod.Parse("2026-Q4");

    private static ObjectiveNode Node(string title, OkrLevel level, OkrPeriod? period = null, bool archived = false) =>
        new(Guid.NewGuid(), title, level, period ?? Q4, IsArchived: archived);

    [Fact]
    public void Chain_to_a_company_objective_is_aligned_and_shows_the_line_of_sight()
    {
        var graph = new AlignmentGraph();
        var company = Node("Delight enterprise customers", OkrLevel.Company, OkrPeriod.Parse("2026"));
        var team = Node("Faster support", OkrLevel.Team);
        var me = Node("Cut resolution time", OkrLevel.Individual);
        graph.AddObjective(company);
        graph.AddObjective(team);
        graph.AddObjective(me);
        graph.AddParent(team.Id, ParentRef.Okr(company.Id));
        graph.AddParent(me.Id, ParentRef.Okr(team.Id));

        Assert.True(graph.IsAligned(me.Id));
        Assert.Equal([ParentRef.Okr(me.Id), ParentRef.Okr(team.Id), ParentRef.Okr(company.Id)], graph.LineOfSight(me.Id));
        Assert.True(graph.IsAligned(company.Id)); // company objectives are roots
    }

    [Fact]
    public void Scorecard_objective_parent_aligns()
    {
        var graph = new AlignmentGraph();
        var scorecard = new ScorecardObjectiveNode(Guid.NewGuid(), "Improve customer retention", "Customer");
        var team = Node("Reduce churn", OkrLevel.Team);
        graph.AddScorecardObjective(scorecard);
        graph.AddObjective(team);
        graph.AddParent(team.Id, ParentRef.Scorecard(scorecard.Id), 0.5);

        Assert.True(graph.IsAligned(team.Id));
        Assert.Equal(["Customer"], graph.PerspectivesReached(team.Id));
    }

    [Fact]
    public void Chain_that_stops_below_company_level_is_unaligned()
    {
        var graph = new AlignmentGraph();
        var department = Node("Engineering excellence", OkrLevel.Department);
        var team = Node("Faster CI", OkrLevel.Team);
        graph.AddObjective(department);
        graph.AddObjective(team);
        graph.AddParent(team.Id, ParentRef.Okr(department.Id));

        Assert.False(graph.IsAligned(team.Id));
        Assert.Null(graph.LineOfSight(team.Id));
        Assert.False(graph.IsAligned(department.Id));
    }

    [Fact]
    public void Adding_a_parent_that_closes_a_cycle_is_rejected_with_the_path()
    {
        var graph = new AlignmentGraph();
        var a = Node("A", OkrLevel.Team);
        var b = Node("B", OkrLevel.Team);
        var c = Node("C", OkrLevel.Team);
        graph.AddObjective(a);
        graph.AddObjective(b);
        graph.AddObjective(c);
        graph.AddParent(a.Id, ParentRef.Okr(b.Id));
        graph.AddParent(b.Id, ParentRef.Okr(c.Id));

        var ex = Assert.Throws<AlignmentCycleException>(() => graph.AddParent(c.Id, ParentRef.Okr(a.Id)));

        Assert.Equal([c.Id, a.Id, b.Id, c.Id], ex.CyclePath);
        Assert.Contains("'C' → 'A' → 'B' → 'C'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(422, ex.StatusCode);
        Assert.Empty(graph.ParentsOf(c.Id));
    }

    [Fact]
    public void Self_parent_is_a_cycle_and_a_diamond_is_not()
    {
        var graph = new AlignmentGraph();
        var top = Node("Top", OkrLevel.Company);
        var left = Node("Left", OkrLevel.Department);
        var right = Node("Right", OkrLevel.Department);
        var bottom = Node("Bottom", OkrLevel.Team);
        foreach (var n in new[] { top, left, right, bottom })
        {
            graph.AddObjective(n);
        }

        graph.AddParent(left.Id, ParentRef.Okr(top.Id));
        graph.AddParent(right.Id, ParentRef.Okr(top.Id));
        graph.AddParent(bottom.Id, ParentRef.Okr(left.Id));
        graph.AddParent(bottom.Id, ParentRef.Okr(right.Id)); // two routes to the top: fine

        Assert.False(graph.TryAddParent(top.Id, ParentRef.Okr(top.Id), 1, out _, out var self));
        Assert.Equal([top.Id, top.Id], self);
        Assert.False(graph.TryAddParent(top.Id, ParentRef.Okr(bottom.Id), 1, out _, out var longer));
        Assert.Equal(4, longer!.Count);
        Assert.Equal(top.Id, longer[0]);
        Assert.Equal(bottom.Id, longer[1]);
        Assert.Equal(top.Id, longer[^1]);
    }

    [Fact]
    public void Archived_parent_is_broken_and_breaks_alignment()
    {
        var graph = new AlignmentGraph();
        var company = Node("Old company goal", OkrLevel.Company, archived: true);
        var team = Node("Team goal", OkrLevel.Team);
        graph.AddObjective(company);
        graph.AddObjective(team);
        graph.AddParent(team.Id, ParentRef.Okr(company.Id));

        var broken = Assert.Single(graph.BrokenParentsOf(team.Id));
        Assert.Equal(BrokenLinkReason.ParentArchived, broken.Reason);
        Assert.False(graph.IsAligned(team.Id));
    }

    [Fact]
    public void Parent_in_another_period_is_broken_but_an_enclosing_period_is_fine()
    {
        var graph = new AlignmentGraph();
        var lastQuarter = Node("Q3 company goal", OkrLevel.Company, OkrPeriod.Parse("2026-Q3"));
        var wholeYear = Node("2026 company goal", OkrLevel.Company, OkrPeriod.Parse("2026"));
        var team = Node("Team goal", OkrLevel.Team);
        graph.AddObjective(lastQuarter);
        graph.AddObjective(wholeYear);
        graph.AddObjective(team);
        graph.AddParent(team.Id, ParentRef.Okr(lastQuarter.Id));
        graph.AddParent(team.Id, ParentRef.Okr(wholeYear.Id));

        var broken = Assert.Single(graph.BrokenParentsOf(team.Id));
        Assert.Equal(BrokenLinkReason.PeriodMismatch, broken.Reason);
        Assert.Equal(lastQuarter.Id, broken.Link.Parent.Id);
        Assert.True(graph.IsAligned(team.Id)); // through the yearly objective
    }

    [Fact]
    public void Missing_and_archived_scorecard_parents_are_broken()
    {
        var graph = new AlignmentGraph();
        var archived = new ScorecardObjectiveNode(Guid.NewGuid(), "Retired objective", "Financial", IsArchived: true);
        var team = Node("Team goal", OkrLevel.Team);
        graph.AddScorecardObjective(archived);
        graph.AddObjective(team);
        graph.AddParent(team.Id, ParentRef.Scorecard(archived.Id));
        graph.AddParent(team.Id, ParentRef.Scorecard(Guid.NewGuid()));

        Assert.Equal(
            [BrokenLinkReason.ParentArchived, BrokenLinkReason.MissingParent],
            graph.BrokenParentsOf(team.Id).Select(b => b.Reason));
        Assert.False(graph.IsAligned(team.Id));
    }

    [Fact]
    public void Candidates_are_more_senior_current_objectives_and_scorecard_objectives_never_descendants()
    {
        var graph = new AlignmentGraph();
        var company = Node("Company", OkrLevel.Company, OkrPeriod.Parse("2026"));
        var archivedDept = Node("Archived dept", OkrLevel.Department, archived: true);
        var otherPeriod = Node("Q1 dept", OkrLevel.Department, OkrPeriod.Parse("2026-Q1"));
        var dept = Node("Dept", OkrLevel.Department);
        var team = Node("Team", OkrLevel.Team);
        var peerTeam = Node("Peer team", OkrLevel.Team);
        var scorecard = new ScorecardObjectiveNode(Guid.NewGuid(), "Scorecard objective", "Customer");
        foreach (var n in new[] { company, archivedDept, otherPeriod, dept, team, peerTeam })
        {
            graph.AddObjective(n);
        }

        graph.AddScorecardObjective(scorecard);
        graph.AddParent(company.Id, ParentRef.Scorecard(scorecard.Id));

        var forTeam = graph.CandidateParentsFor(team.Id).Select(c => c.Title).Order(StringComparer.Ordinal);
        Assert.Equal(["Company", "Dept", "Scorecard objective"], forTeam);

        Assert.Throws<Scorecard.Platform.BadInputException>(() => graph.AddParent(team.Id, ParentRef.Okr(dept.Id), 0));
        // Once Dept supports Team (odd but legal), Dept is a descendant of Team: suggesting it would close a cycle.
        graph.AddParent(dept.Id, ParentRef.Okr(team.Id));
        Assert.DoesNotContain(graph.CandidateParentsFor(team.Id), c => c.Ref == ParentRef.Okr(dept.Id));
    }

    [Fact]
    public void Duplicate_links_are_rejected()
    {
        var graph = new AlignmentGraph();
        var company = Node("Company", OkrLevel.Company);
        var team = Node("Team", OkrLevel.Team);
        graph.AddObjective(company);
        graph.AddObjective(team);
        graph.AddParent(team.Id, ParentRef.Okr(company.Id));

        Assert.Throws<Scorecard.Platform.RuleViolationException>(() => graph.AddParent(team.Id, ParentRef.Okr(company.Id)));
    }
}
