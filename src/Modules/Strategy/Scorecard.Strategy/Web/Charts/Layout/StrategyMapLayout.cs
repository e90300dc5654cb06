using GraphShape;
using GraphShape.Algorithms.Layout;
using QuikGraph;

namespace Scorecard.Strategy.Web.Charts.Layout;

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
    private const double Margin = 24;
    private const double LeftGutter = 130;

    public static MapLayoutResult Compute(IReadOnlyList<MapNode> nodes, IReadOnlyList<(Guid From, Guid To)> links)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        var sizes = new Dictionary<string, Size>();
        foreach (var node in nodes)
        {
            graph.AddVertex(Key(node.Id));
            sizes[Key(node.Id)] = new Size(BoxWidth, BoxHeight);
        }

        // Spacers between adjacent non-empty rows, bottom row upwards: edges point from driver to outcome.
        var rows = nodes.Select(n => n.Row).Distinct().OrderByDescending(r => r).ToList();
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            var spacer = $"spacer:{rows[i]}";
            graph.AddVertex(spacer);
            sizes[spacer] = new Size(1, 1);
            foreach (var lower in nodes.Where(n => n.Row == rows[i]))
            {
                graph.AddEdge(new Edge<string>(Key(lower.Id), spacer));
            }

            foreach (var upper in nodes.Where(n => n.Row == rows[i + 1]))
            {
                graph.AddEdge(new Edge<string>(spacer, Key(upper.Id)));
            }
        }

        var real = new List<(int Number, Guid From, Guid To, Edge<string> Edge)>();
        var known = nodes.Select(n => n.Id).ToHashSet();
        for (var i = 0; i < links.Count; i++)
        {
            var (from, to) = links[i];
            if (!known.Contains(from) || !known.Contains(to) || from == to)
            {
                continue;
            }

            var edge = new Edge<string>(Key(from), Key(to));
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
        var algorithm = new SugiyamaLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(graph, sizes, parameters);
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

        var edges = new List<MapEdge>();
        var labels = new List<MapPoint>();
        foreach (var (number, from, to, edge) in real)
        {
            var via = routes.TryGetValue(edge, out var points) && points is not null ? points.Select(Map).ToList() : [];
            var a = byId[from];
            var b = byId[to];
            // The library lists a long arrow's bend points per dummy vertex; order them from the driver to the outcome.
            var (ax, ay, bx, by) = (a.Centre.X, a.Centre.Y, b.Centre.X, b.Centre.Y);
            var path = new List<MapPoint> { a.Centre };
            path.AddRange(via.OrderBy(p => ((p.X - ax) * (bx - ax)) + ((p.Y - ay) * (by - ay))));
            path.Add(b.Centre);
            var clipped = Clip(path, a, b);
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

    private static string Key(Guid id) => $"objective:{id:N}";

    /// <summary>Replaces the first and last point by where the polyline leaves the driver's box and enters the outcome's.</summary>
    private static List<MapPoint> Clip(List<MapPoint> path, MapBox from, MapBox to)
    {
        var start = Exit(from, path[1]);
        var end = Exit(to, path[^2]);
        return [start, .. path.Skip(1).Take(path.Count - 2), end];
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
