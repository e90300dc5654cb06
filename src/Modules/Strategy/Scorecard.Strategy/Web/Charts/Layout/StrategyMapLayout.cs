using GraphShape;
using GraphShape.Algorithms.Layout;
using QuikGraph;

namespace Scorecard.Strategy.Web.Charts.Layout;

/// <summary>A vertex of the layout graph; its hash is its index, so layouts do not vary between processes.</summary>
internal sealed class MapVertex(int index) : IEquatable<MapVertex>
{
    public int Index { get; } = index;

    public bool Equals(MapVertex? other) => other is not null && other.Index == Index;

    public override bool Equals(object? obj) => Equals(obj as MapVertex);

    public override int GetHashCode() => Index;
}

/// <summary>An edge of the layout graph with a stable hash (QuikGraph's <c>Edge</c> hashes by reference).</summary>
internal sealed class MapLink(MapVertex source, MapVertex target) : IEdge<MapVertex>
{
    public MapVertex Source { get; } = source;

    public MapVertex Target { get; } = target;

    public override int GetHashCode() => HashCode.Combine(Source.Index, Target.Index);

    public override bool Equals(object? obj) => obj is MapLink other && other.Source.Equals(Source) && other.Target.Equals(Target);
}

/// <summary>An objective to place: its perspective's row (0 = top, the outcomes) and its box size.</summary>
internal sealed record MapNode(Guid Id, int Row);

/// <summary>
/// Lays out a strategy map with GraphShape's Sugiyama (layered-graph) algorithm over a QuikGraph graph: layering,
/// crossing minimisation, coordinates and edge routes all come from the library. Perspective rows are kept by
/// threading one invisible spacer vertex between each pair of adjacent rows (every objective of the lower row →
/// spacer → every objective of the row above), so each perspective is its own layer and every arrow spans at least
/// one spacer layer; the library then routes long arrows through dummy vertices between the boxes instead of
/// through them. This class only converts coordinates (flipping the layout so drivers sit below outcomes), clips
/// arrows to box borders and places each arrow's number on its route.
/// </summary>
internal static class StrategyMapLayout
{
    public const double BoxWidth = 180;
    public const double BoxHeight = 58;
    public const double LabelRadius = 10;
    private const double Margin = 36; // more than half the layer gap, so the first and last perspective bands fit
    private const double LeftGutter = 170;

    /// <summary>
    /// GraphShape's crossing minimisation visits its internal vertices in an order that varies from run to run (it
    /// hashes its own objects by reference), and now and then places two boxes too close or bends an arrow over a box
    /// corner. Each result is checked (<see cref="Problems"/>) and the layout is recomputed, keeping the first clean
    /// one or else the one with the fewest problems.
    /// </summary>
    public const int Attempts = 8;

    public static MapLayoutResult Compute(IReadOnlyList<MapNode> nodes, IReadOnlyList<(Guid From, Guid To)> links)
    {
        MapLayoutResult? best = null;
        var fewest = int.MaxValue;
        for (var attempt = 0; attempt < Attempts && fewest > 0; attempt++)
        {
            var result = ComputeOnce(nodes, links);
            var problems = Problems(result);
            if (problems < fewest)
            {
                (best, fewest) = (result, problems);
            }
        }

        return best!;
    }

    /// <summary>Overlapping boxes, arrow segments through a box other than at the arrow's own ends, labels on a box or on each other.</summary>
    public static int Problems(MapLayoutResult layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var problems = 0;
        foreach (var a in layout.Boxes)
        {
            problems += layout.Boxes.Count(b => b != a && a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height);
        }

        foreach (var edge in layout.Edges)
        {
            for (var i = 0; i + 1 < edge.Points.Count; i++)
            {
                var (a, b) = Shorten(edge.Points[i], edge.Points[i + 1], i == 0, i + 2 == edge.Points.Count);
                problems += layout.Boxes.Count(box => box.IsCrossedBy(a, b));
            }

            problems += layout.Boxes.Count(box => box.IsCrossedBy(edge.Label, edge.Label, LabelRadius));
            problems += layout.Edges.Count(o => o != edge && Distance(o.Label, edge.Label) < 2 * LabelRadius);
        }

        return problems;
    }

    /// <summary>Trims 2 units off a segment's ends that touch the arrow's own boxes.</summary>
    private static (MapPoint A, MapPoint B) Shorten(MapPoint a, MapPoint b, bool trimStart, bool trimEnd)
    {
        var length = Distance(a, b);
        if (length < 5)
        {
            return (a, b);
        }

        var (ux, uy) = ((b.X - a.X) / length, (b.Y - a.Y) / length);
        return (trimStart ? new MapPoint(a.X + (2 * ux), a.Y + (2 * uy)) : a, trimEnd ? new MapPoint(b.X - (2 * ux), b.Y - (2 * uy)) : b);
    }

    private static MapLayoutResult ComputeOnce(IReadOnlyList<MapNode> nodes, IReadOnlyList<(Guid From, Guid To)> links)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        // Integer vertices: their hash codes are stable across processes (strings' are randomised), so the same map
        // is always laid out the same way.
        var index = nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var vertices = Enumerable.Range(0, nodes.Count + 4 + nodes.Select(n => n.Row).Distinct().Count()).Select(i => new MapVertex(i)).ToList();
        MapVertex Key(Guid id) => vertices[index[id]];
        var graph = new BidirectionalGraph<MapVertex, MapLink>(allowParallelEdges: false);
        var sizes = new Dictionary<MapVertex, Size>();
        foreach (var node in nodes)
        {
            graph.AddVertex(Key(node.Id));
            sizes[Key(node.Id)] = new Size(BoxWidth, BoxHeight);
        }

        // Spacers between adjacent non-empty rows, bottom row upwards: edges point from driver to outcome.
        var rows = nodes.Select(n => n.Row).Distinct().OrderByDescending(r => r).ToList();
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            var spacer = vertices[nodes.Count + i];
            graph.AddVertex(spacer);
            sizes[spacer] = new Size(1, 1);
            foreach (var lower in nodes.Where(n => n.Row == rows[i]))
            {
                graph.AddEdge(new MapLink(Key(lower.Id), spacer));
            }

            foreach (var upper in nodes.Where(n => n.Row == rows[i + 1]))
            {
                graph.AddEdge(new MapLink(spacer, Key(upper.Id)));
            }
        }

        var real = new List<(int Number, Guid From, Guid To, MapLink Edge)>();
        var known = nodes.Select(n => n.Id).ToHashSet();
        for (var i = 0; i < links.Count; i++)
        {
            var (from, to) = links[i];
            if (!known.Contains(from) || !known.Contains(to) || from == to)
            {
                continue;
            }

            var edge = new MapLink(Key(from), Key(to));
            graph.AddEdge(edge);
            real.Add((i + 1, from, to, edge));
        }

        var parameters = new SugiyamaLayoutParameters
        {
            Direction = LayoutDirection.TopToBottom,
            LayerGap = 60,
            SliceGap = 40,
            EdgeRouting = SugiyamaEdgeRouting.Traditional,
            MinimizeEdgeLength = true,
            OptimizeWidth = false,
        };
        var algorithm = new SugiyamaLayoutAlgorithm<MapVertex, MapLink, BidirectionalGraph<MapVertex, MapLink>>(graph, sizes, parameters);
        algorithm.Compute();
        var positions = algorithm.VerticesPositions;

        // GraphShape positions are vertex centres. Drivers (the bottom perspective) come out on top: flip vertically.
        var all = positions.Values.ToList();
        var minX = all.Min(p => p.X) - (BoxWidth / 2);
        var maxY = all.Max(p => p.Y) + (BoxHeight / 2);
        var minY = all.Min(p => p.Y) - (BoxHeight / 2);
        MapPoint Map(Point p) => new(p.X - minX + LeftGutter + Margin, maxY - p.Y + Margin);

        var boxes = nodes.Select(n =>
        {
            var c = Map(positions[Key(n.Id)]);
            return new MapBox(n.Id, c.X - (BoxWidth / 2), c.Y - (BoxHeight / 2), BoxWidth, BoxHeight, n.Row);
        }).ToList();
        var byId = boxes.ToDictionary(b => b.ObjectiveId);
        var routes = algorithm.EdgeRoutes;
        var rowSpans = boxes.GroupBy(b => b.Layer).Select(g => (Top: g.Min(b => b.Y), Bottom: g.Max(b => b.Y + b.Height))).ToList();

        var edges = new List<MapEdge>();
        var labels = new List<MapPoint>();
        foreach (var (number, from, to, edge) in real)
        {
            var via = routes.TryGetValue(edge, out var points) && points is not null ? points.Select(Map).ToList() : [];
            var a = byId[from];
            var b = byId[to];
            // The library lists a long arrow's bend points per dummy vertex; order them from the driver to the outcome.
            var (ax, ay, bx, by) = (a.Centre.X, a.Centre.Y, b.Centre.X, b.Centre.Y);
            var ordered = via.OrderBy(p => ((p.X - ax) * (bx - ax)) + ((p.Y - ay) * (by - ay))).ToList();
            var clipped = Route(a, b, ordered, rowSpans);
            var label = PlaceLabel(clipped, boxes, labels);
            labels.Add(label);
            edges.Add(new MapEdge(number, from, to, clipped, label));
        }

        var rowBands = boxes.GroupBy(b => b.Layer)
            .Select(g => (g.Key, g.Min(b => b.Y) - (parameters.LayerGap / 2), g.Max(b => b.Y + b.Height) + (parameters.LayerGap / 2)))
            .OrderBy(r => r.Item2)
            .ToList();
        var right = boxes.Select(b => b.X + b.Width).Concat(edges.SelectMany(e => e.Points.Select(p => p.X).Append(e.Label.X + LabelRadius)));
        var width = boxes.Count == 0 ? 400 : right.Max() + Margin;
        var height = (maxY - minY) + (2 * Margin);
        return new MapLayoutResult(boxes, edges, rowBands, Math.Max(width, 400), Math.Max(height, 100));
    }

    /// <summary>
    /// The drawn route: out of the driver's box through its top or bottom edge, through the library's bend points, into
    /// the outcome's box through its bottom or top edge. A bend point that lies in a row of boxes (a dummy vertex the
    /// library put in a slot of that row) becomes a vertical pass through the row at that slot, so every slanted
    /// segment lies in the gaps between rows, where there are no boxes.
    /// </summary>
    private static List<MapPoint> Route(MapBox from, MapBox to, List<MapPoint> via, List<(double Top, double Bottom)> rows)
    {
        var inner = new List<MapPoint>();
        var upwards = to.Centre.Y < from.Centre.Y;
        foreach (var p in via)
        {
            var row = rows.FirstOrDefault(r => p.Y >= r.Top - 0.5 && p.Y <= r.Bottom + 0.5);
            if (row == default)
            {
                inner.Add(p);
                continue;
            }

            var (enter, leave) = upwards ? (row.Bottom + 1, row.Top - 1) : (row.Top - 1, row.Bottom + 1);
            inner.Add(new MapPoint(p.X, enter));
            inner.Add(new MapPoint(p.X, leave));
        }

        var first = inner.Count > 0 ? inner[0] : to.Centre;
        var last = inner.Count > 0 ? inner[^1] : from.Centre;
        var start = Math.Abs(first.Y - from.Centre.Y) < from.Height / 2
            ? Exit(from, first)
            : new MapPoint(from.Centre.X, first.Y < from.Centre.Y ? from.Y : from.Y + from.Height);
        var end = Math.Abs(last.Y - to.Centre.Y) < to.Height / 2
            ? Exit(to, last)
            : new MapPoint(to.Centre.X, last.Y < to.Centre.Y ? to.Y : to.Y + to.Height);
        return [start, .. inner, end];
    }

    /// <summary>Where the ray from the box centre towards <paramref name="towards"/> crosses the box border.</summary>
    private static MapPoint Exit(MapBox box, MapPoint towards)
    {
        var c = box.Centre;
        var dx = towards.X - c.X;
        var dy = towards.Y - c.Y;
        if (dx == 0 && dy == 0)
        {
            return c;
        }

        var sx = dx == 0 ? double.PositiveInfinity : (box.Width / 2) / Math.Abs(dx);
        var sy = dy == 0 ? double.PositiveInfinity : (box.Height / 2) / Math.Abs(dy);
        var s = Math.Min(sx, sy);
        return new MapPoint(c.X + (dx * s), c.Y + (dy * s));
    }

    /// <summary>
    /// The label goes on the route where its circle touches no box and no earlier label: candidates along every
    /// segment, the middle of the longest segment first.
    /// </summary>
    private static MapPoint PlaceLabel(List<MapPoint> path, IReadOnlyList<MapBox> boxes, List<MapPoint> placed)
    {
        var candidates = new List<MapPoint>();
        var segments = Enumerable.Range(0, path.Count - 1)
            .OrderByDescending(i => Distance(path[i], path[i + 1]))
            .ToList();
        foreach (var i in segments)
        {
            foreach (var t in new[] { 0.5, 0.35, 0.65, 0.2, 0.8 })
            {
                candidates.Add(new MapPoint(path[i].X + ((path[i + 1].X - path[i].X) * t), path[i].Y + ((path[i + 1].Y - path[i].Y) * t)));
            }
        }

        bool Free(MapPoint p) =>
            boxes.All(b => !b.IsCrossedBy(p, p, LabelRadius + 2)) && placed.All(q => Distance(p, q) > (2 * LabelRadius) + 2);
        return candidates.FirstOrDefault(Free, candidates[0]);
    }

    private static double Distance(MapPoint a, MapPoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
