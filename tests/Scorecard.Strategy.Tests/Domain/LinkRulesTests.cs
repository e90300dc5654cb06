using Scorecard.Platform;
using Scorecard.Strategy.Domain.Graph;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class LinkRulesTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();
    private static readonly Guid D = Guid.NewGuid();

    private static readonly StrategyMapLink[] Chain = [new(A, B), new(B, C)];

    [Fact]
    public void A_new_arrow_that_closes_no_cycle_is_accepted()
    {
        var check = LinkRules.CheckNewLink(Chain, new StrategyMapLink(A, C));

        Assert.True(check.IsAccepted);
        Assert.Null(check.BrokenRule);
        Assert.Empty(check.CyclePath);
    }

    [Fact]
    public void Self_link_is_rejected()
    {
        var check = LinkRules.CheckNewLink(Chain, new StrategyMapLink(B, B));

        Assert.Equal(LinkRule.SelfLink, check.BrokenRule);
    }

    [Fact]
    public void Duplicate_is_rejected()
    {
        var check = LinkRules.CheckNewLink(Chain, new StrategyMapLink(A, B));

        Assert.Equal(LinkRule.Duplicate, check.BrokenRule);
    }

    [Fact]
    public void Reverse_arrow_is_a_two_step_cycle_not_a_duplicate()
    {
        var check = LinkRules.CheckNewLink(Chain, new StrategyMapLink(B, A));

        Assert.Equal(LinkRule.Cycle, check.BrokenRule);
        Assert.Equal([B, A, B], check.CyclePath);
    }

    [Fact]
    public void Closing_a_cycle_is_rejected_with_the_cycle_path()
    {
        var check = LinkRules.CheckNewLink(Chain, new StrategyMapLink(C, A));

        Assert.Equal(LinkRule.Cycle, check.BrokenRule);
        Assert.Equal([C, A, B, C], check.CyclePath);
        Assert.Contains($"{C} → {A} → {B} → {C}", check.Message);
    }

    [Fact]
    public void The_cycle_path_is_the_shortest_one()
    {
        StrategyMapLink[] links = [new(A, B), new(B, C), new(C, D), new(A, D)];

        var check = LinkRules.CheckNewLink(links, new StrategyMapLink(D, A));

        Assert.Equal([D, A, D], check.CyclePath);
    }

    [Fact]
    public void A_diamond_is_not_a_cycle()
    {
        StrategyMapLink[] links = [new(A, B), new(A, C), new(B, D)];

        Assert.True(LinkRules.CheckNewLink(links, new StrategyMapLink(C, D)).IsAccepted);
    }

    [Fact]
    public void Contributes_to_links_follow_the_same_rules()
    {
        ContributesTo[] cascade = [new(A, B, 0.5), new(B, C)];

        Assert.Equal(LinkRule.Cycle, LinkRules.CheckNewLink(cascade, new ContributesTo(C, A)).BrokenRule);
        Assert.Equal(LinkRule.Duplicate, LinkRules.CheckNewLink(cascade, new ContributesTo(A, B, 0.9)).BrokenRule);
    }

    [Fact]
    public void A_rejected_link_becomes_a_rule_violation_for_the_api()
    {
        var check = LinkRules.CheckNewLink(Chain, new StrategyMapLink(C, A));

        var error = Assert.Throws<RuleViolationException>(check.EnsureAccepted);
        Assert.Equal("Cycle", error.Field);
        LinkRules.CheckNewLink(Chain, new StrategyMapLink(A, C)).EnsureAccepted();
    }
}
