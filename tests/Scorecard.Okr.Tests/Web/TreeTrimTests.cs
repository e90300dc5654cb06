using Scorecard.Okr.Web.Api.Models;
using Scorecard.Okr.Web.Pages;

namespace Scorecard.Okr.Tests.Web;

public sealed class TreeTrimTests
{
    private static TreeNodeDto Node(string title, params TreeNodeDto[] children) =>
        new(Guid.NewGuid(), title, "team", "2026-Q4", null, null, null, null, 0, 0, "no data", false, [], children);

    [Fact]
    public void A_tree_within_the_budget_is_drawn_whole()
    {
        var tree = new[] { Node("company", Node("team", Node("a"), Node("b"))) };
        Assert.Equal(4, TreeTrim.Drawn(tree, budget: 4).Count);
    }

    [Fact]
    public void A_larger_tree_is_drawn_breadth_first_up_to_the_budget()
    {
        var deep = Node("deep");
        var team = Node("team", deep);
        var wide = Enumerable.Range(0, 5).Select(i => Node($"sibling {i}")).ToArray();
        var company = Node("company", [team, .. wide]);
        var drawn = TreeTrim.Drawn([company], budget: 4);
        Assert.Equal(4, drawn.Count);
        Assert.Contains(company.Id, drawn);
        Assert.Contains(team.Id, drawn);                 // the top levels first
        Assert.DoesNotContain(deep.Id, drawn);           // a grandchild waits for every child
        Assert.Equal(2, wide.Count(w => drawn.Contains(w.Id)));
    }
}
