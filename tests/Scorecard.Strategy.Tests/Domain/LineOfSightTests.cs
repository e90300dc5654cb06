using Scorecard.Strategy.Domain.Graph;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class LineOfSightTests
{
    // Company objectives X and Y; department D1 → X and Y; D2 → nothing; team T1 → D1 and D2;
    // an individual goal G → T1; T2 stands alone; L1 ⇄ L2 loop without reaching the company.
    private static readonly Guid X = Guid.NewGuid();
    private static readonly Guid Y = Guid.NewGuid();
    private static readonly Guid D1 = Guid.NewGuid();
    private static readonly Guid D2 = Guid.NewGuid();
    private static readonly Guid T1 = Guid.NewGuid();
    private static readonly Guid T2 = Guid.NewGuid();
    private static readonly Guid G = Guid.NewGuid();
    private static readonly Guid L1 = Guid.NewGuid();
    private static readonly Guid L2 = Guid.NewGuid();

    private static readonly HashSet<Guid> Company = [X, Y];

    private static readonly ContributesTo[] Cascade =
    [
        new(D1, X, 0.6), new(D1, Y, 0.4), new(T1, D1), new(T1, D2), new(G, T1), new(L1, L2), new(L2, L1),
    ];

    [Fact]
    public void Every_unbroken_path_from_a_goal_to_the_company_is_listed()
    {
        var sight = LineOfSight.Trace(G, Cascade, Company);

        Assert.False(sight.IsBroken);
        Assert.Equal(2, sight.Paths.Count);
        Assert.Contains(sight.Paths, p => p.SequenceEqual([G, T1, D1, X]));
        Assert.Contains(sight.Paths, p => p.SequenceEqual([G, T1, D1, Y]));
        Assert.False(sight.Truncated);
    }

    [Fact]
    public void A_company_objective_has_line_of_sight_by_itself()
    {
        var sight = LineOfSight.Trace(X, Cascade, Company);

        Assert.Equal([X], Assert.Single(sight.Paths));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void An_objective_without_a_path_is_a_broken_cascade(Guid objective)
    {
        var sight = LineOfSight.Trace(objective, Cascade, Company);

        Assert.True(sight.IsBroken);
        Assert.Empty(sight.Paths);
    }

    public static TheoryData<Guid> Broken => [D2, T2, L1];

    [Fact]
    public void Objectives_with_a_path_are_found_in_one_pass()
    {
        var reaching = LineOfSight.ObjectivesWithPath(Cascade, Company);

        Assert.Equal(new HashSet<Guid> { X, Y, D1, T1, G }, reaching.ToHashSet());
    }

    [Fact]
    public void A_loop_on_the_way_up_is_walked_once()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        ContributesTo[] loop = [new(a, b), new(b, a), new(b, X)];

        var sight = LineOfSight.Trace(a, loop, Company);

        Assert.Equal([a, b, X], Assert.Single(sight.Paths));
    }

    [Fact]
    public void Path_listing_stops_at_the_cap_and_says_so()
    {
        var sight = LineOfSight.Trace(G, Cascade, Company, maxPaths: 1);

        Assert.Single(sight.Paths);
        Assert.True(sight.Truncated);
    }
}
