using Scorecard.Strategy.Web.Charts.Layout;
using Xunit.Abstractions;

namespace Scorecard.Strategy.Tests.Web;

public sealed class StrategyMapLayoutTests(ITestOutputHelper output)
{
    // The demo company map: rows 0 Financial, 1 Customer, 2 Internal Process, 3 Learning & Growth.
    private static readonly string[] Names =
    [
        "ARR", "Margin", "NPS", "Churn", "Onboarding", "Release", "Support", "Training", "Infra", "CSM",
    ];

    private static readonly int[] Rows = [0, 0, 1, 1, 2, 2, 2, 3, 3, 3];

    private static readonly (string From, string To)[] DemoLinks =
    [
        ("Training", "Release"), ("Infra", "Release"), ("Infra", "Margin"), ("CSM", "Onboarding"), ("Onboarding", "Churn"),
        ("Release", "NPS"), ("Support", "NPS"), ("NPS", "ARR"), ("Churn", "ARR"),
    ];

    private static void AssertReadable(MapLayoutResult layout, ITestOutputHelper output)
    {
        foreach (var edge in layout.Edges)
        {
            output.WriteLine($"{edge.Number}: {string.Join(" → ", edge.Points.Select(p => $"({p.X:0},{p.Y:0})"))}, label ({edge.Label.X:0},{edge.Label.Y:0})");
            for (var i = 0; i + 1 < edge.Points.Count; i++)
            {
                var (a, b) = (edge.Points[i], edge.Points[i + 1]);
                foreach (var box in layout.Boxes)
                {
                    // The arrow's own boxes are touched only at its two ends: shrink them by a hair for that check.
                    var own = box.ObjectiveId == edge.From || box.ObjectiveId == edge.To;
                    var crossed = own ? box.IsCrossedBy(a, b, margin: -0.5) && !(own && IsEndSegmentTouch(edge, i, box)) : box.IsCrossedBy(a, b);
                    Assert.False(crossed, $"arrow {edge.Number} segment {i} crosses box {box.ObjectiveId}");
                }
            }

            Assert.All(layout.Boxes, box => Assert.False(box.IsCrossedBy(edge.Label, edge.Label, StrategyMapLayout.LabelRadius),
                $"label {edge.Number} overlaps a box"));
            Assert.All(layout.Edges.Where(e => e.Number != edge.Number), other =>
                Assert.True(Math.Abs(other.Label.X - edge.Label.X) > StrategyMapLayout.LabelRadius || Math.Abs(other.Label.Y - edge.Label.Y) > StrategyMapLayout.LabelRadius,
                    $"labels {edge.Number} and {other.Number} overlap"));
            Assert.InRange(edge.Label.X, 0, layout.Width);
            Assert.InRange(edge.Label.Y, 0, layout.Height);
        }

        foreach (var a in layout.Boxes)
        {
            Assert.All(layout.Boxes.Where(b => b != a), b => Assert.False(
                a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, "boxes overlap"));
        }
    }

    /// <summary>The first segment starts on the driver's border and the last ends on the outcome's: that touch is the arrow's end.</summary>
    private static bool IsEndSegmentTouch(MapEdge edge, int segment, MapBox box)
    {
        var first = segment == 0 && box.ObjectiveId == edge.From;
        var last = segment == edge.Points.Count - 2 && box.ObjectiveId == edge.To;
        if (!first && !last)
        {
            return false;
        }

        // Only the end point may lie on the box: the rest of the segment must be outside it.
        var (inner, outer) = first ? (edge.Points[segment], edge.Points[segment + 1]) : (edge.Points[segment + 1], edge.Points[segment]);
        var nearEnd = new MapPoint(inner.X + ((outer.X - inner.X) * 0.02), inner.Y + ((outer.Y - inner.Y) * 0.02));
        return !box.IsCrossedBy(nearEnd, outer, margin: -0.5);
    }

    private static Guid Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static MapLayoutResult Demo()
    {
        var random = new Random(2026);
        var ids = Names.ToDictionary(n => n, _ => Id(random));
        var nodes = Names.Select((n, i) => new MapNode(ids[n], Rows[i])).ToList();
        return StrategyMapLayout.Compute(nodes, [.. DemoLinks.Select(l => (ids[l.From], ids[l.To]))]);
    }

    [Fact]
    public void On_the_demo_map_no_arrow_crosses_a_box_and_every_label_is_free()
    {
        var layout = Demo();

        Assert.Equal(9, layout.Edges.Count);
        AssertReadable(layout, output);
    }

    [Fact]
    public void Each_perspective_is_its_own_row_top_to_bottom()
    {
        var layout = Demo();

        Assert.All(layout.Rows, r => Assert.True(r.Top >= 0 && r.Bottom <= layout.Height, "a perspective band is cut off"));
        var rowTops = layout.Boxes.GroupBy(b => b.Layer).ToDictionary(g => g.Key, g => g.Select(b => b.Y).Distinct().ToList());
        Assert.All(rowTops.Values, tops => Assert.Single(tops));
        Assert.Equal([0, 1, 2, 3], rowTops.OrderBy(r => r.Value[0]).Select(r => r.Key));
    }

    [Fact]
    public void Random_maps_are_readable_too()
    {
        var random = new Random(14);
        var failures = new List<string>();
        for (var trial = 0; trial < 40; trial++)
        {
            var nodes = Enumerable.Range(0, random.Next(4, 14)).Select(_ => new MapNode(Id(random), random.Next(0, 4))).ToList();
            var links = new List<(Guid, Guid)>();
            for (var k = 0; k < nodes.Count * 1.2; k++)
            {
                var a = nodes[random.Next(nodes.Count)];
                var b = nodes[random.Next(nodes.Count)];
                if (a.Row > b.Row && !links.Contains((a.Id, b.Id)))
                {
                    links.Add((a.Id, b.Id));
                }
            }

            try
            {
                AssertReadable(StrategyMapLayout.Compute(nodes, links), output);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"trial {trial} ({nodes.Count} objectives, {links.Count} links): {e.Message}");
            }
        }

        failures.ForEach(output.WriteLine);
        Assert.Empty(failures);
    }
}
