namespace Scorecard.Strategy.Web.Charts.Layout;

/// <summary>A point of the map, in SVG user units (y grows downwards).</summary>
internal readonly record struct MapPoint(double X, double Y);

/// <summary>An objective's box: top-left corner, width and height; <see cref="Layer"/> is its perspective's row.</summary>
internal sealed record MapBox(Guid ObjectiveId, double X, double Y, double Width, double Height, int Layer)
{
    public MapPoint Centre => new(X + (Width / 2), Y + (Height / 2));

    /// <summary>Whether the open segment a–b passes through this box (touching its border counts).</summary>
    public bool IsCrossedBy(MapPoint a, MapPoint b, double margin = 0) =>
        SegmentHitsRectangle(a, b, X - margin, Y - margin, X + Width + margin, Y + Height + margin);

    private static bool SegmentHitsRectangle(MapPoint a, MapPoint b, double left, double top, double right, double bottom)
    {
        // Liang–Barsky clipping: the segment hits the rectangle when a non-empty parameter interval remains.
        double t0 = 0, t1 = 1;
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        foreach (var (p, q) in new[] { (-dx, a.X - left), (dx, right - a.X), (-dy, a.Y - top), (dy, bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }

                continue;
            }

            var t = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }

            if (t0 > t1)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// One arrow: its number (as in the hypothesis list), the polyline from the edge of the driver's box to the edge of
/// the outcome's box, and where its numbered label sits.
/// </summary>
internal sealed record MapEdge(int Number, Guid From, Guid To, IReadOnlyList<MapPoint> Points, MapPoint Label);

/// <summary>The laid-out map: boxes, arrows, the perspective rows and the canvas size.</summary>
internal sealed record MapLayoutResult(
    IReadOnlyList<MapBox> Boxes,
    IReadOnlyList<MapEdge> Edges,
    IReadOnlyList<(int Layer, double Top, double Bottom)> Rows,
    double Width,
    double Height);
