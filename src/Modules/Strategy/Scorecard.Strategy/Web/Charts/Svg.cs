using System.Globalization;
using System.Net;
using System.Text;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Web.Charts;

/// <summary>Server-rendered SVG: sparklines, KPI trend charts, the strategy map and line of sight. No script.</summary>
internal static class Svg
{
    public static string Colour(string status) => status switch
    {
        "green" => "#1f8a4c",
        "amber" => "#d69e2e",
        "red" => "#c53030",
        _ => "#8a94a6",
    };

    public static string Fill(string status) => status switch
    {
        "green" => "#e3f4ea",
        "amber" => "#fcf1d9",
        "red" => "#fbe4e4",
        _ => "#eef0f4",
    };

    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A 120×28 line of the last values, with the last point marked in the status colour.</summary>
    public static string Sparkline(IReadOnlyList<double> values, string status, string label)
    {
        const double w = 120, h = 28, pad = 3;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"sparkline\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{E(label)}\">");
        if (values.Count == 0)
        {
            sb.Append("<text x=\"4\" y=\"18\" font-size=\"11\" fill=\"#8a94a6\">no data</text></svg>");
            return sb.ToString();
        }

        var (min, max) = (values.Min(), values.Max());
        if (max == min)
        {
            (min, max) = (min - 1, max + 1);
        }

        double X(int i) => values.Count == 1 ? w / 2 : pad + (i * (w - (2 * pad)) / (values.Count - 1));
        double Y(double v) => h - pad - ((v - min) / (max - min) * (h - (2 * pad)));
        var points = string.Join(" ", values.Select((v, i) => $"{N(X(i))},{N(Y(v))}"));
        sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#2452a8\" stroke-width=\"1.5\" points=\"{points}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(values.Count - 1))}\" cy=\"{N(Y(values[^1]))}\" r=\"3\" fill=\"{Colour(status)}\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// The KPI's history as a line chart with baseline, target (or band) lines, axes and labelled points. The y axis
    /// has round ticks (<see cref="NiceTicks"/>); x labels are monthly, thinned to fit, and the first and last are
    /// anchored inside the plot so none is clipped.
    /// </summary>
    public static string TrendChart(KpiDto kpi, IReadOnlyList<MeasurementDto> history)
    {
        const double w = 720, h = 280, left = 64, right = 24, top = 16, bottom = 40;
        var points = history.OrderBy(m => m.Date).ThenBy(m => m.EnteredAt).ToList();
        var sb = new StringBuilder();
        var alt = points.Count == 0 ? $"Trend of {kpi.Name}: no measurements yet."
            : string.Create(CultureInfo.InvariantCulture,
                $"Trend of {kpi.Name}: {points.Count} measurements from {points[0].Date:MMM yyyy} ({N(points[0].Value)}) to {points[^1].Date:MMM yyyy} ({N(points[^1].Value)}){(kpi.Target is { } t ? $"; target {N(t)}" : "")}{(kpi.Baseline is { } b ? $", baseline {N(b)}" : "")}.");
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"trend-chart\" class=\"trend\" width=\"100%\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{E(alt)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{top}\" width=\"{w - left - right}\" height=\"{h - top - bottom}\" fill=\"#fff\" stroke=\"#d9dee7\"/>");
        if (points.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w / 2}\" y=\"{h / 2}\" text-anchor=\"middle\" fill=\"#5b6577\">No measurements yet</text></svg>");
            return sb.ToString();
        }

        var refs = new[] { kpi.Baseline, kpi.Target, kpi.BandLow, kpi.BandHigh }.OfType<double>();
        var all = points.Select(p => p.Value).Concat(refs).ToList();
        var (min, max, step) = NiceTicks.Scale(all.Min(), all.Max());
        var first = points[0].Date.DayNumber;
        var days = Math.Max(1, points[^1].Date.DayNumber - first);
        double X(DateOnly d) => points.Count == 1 ? left + ((w - left - right) / 2) : left + ((d.DayNumber - first) * (w - left - right) / days);
        double Y(double v) => top + ((max - v) / (max - min) * (h - top - bottom));

        foreach (var v in NiceTicks.Values(min, max, step))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"y-grid\" x1=\"{left}\" x2=\"{w - right}\" y1=\"{N(Y(v))}\" y2=\"{N(Y(v))}\" stroke=\"#eef0f4\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"y-tick\" x=\"{left - 6}\" y=\"{N(Y(v) + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6577\">{N(v)}</text>");
        }

        if (kpi is { BandLow: { } lo, BandHigh: { } hi })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"band\" x=\"{left}\" y=\"{N(Y(hi))}\" width=\"{w - left - right}\" height=\"{N(Y(lo) - Y(hi))}\" fill=\"#e3f4ea\" opacity=\"0.7\"/>");
        }

        void RefLine(double? v, string name, string colour)
        {
            if (v is { } value)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line class=\"ref-{name}\" x1=\"{left}\" x2=\"{w - right}\" y1=\"{N(Y(value))}\" y2=\"{N(Y(value))}\" stroke=\"{colour}\" stroke-dasharray=\"5 4\"/>");
                var labelY = Y(value) - 4 < top + 10 ? Y(value) + 13 : Y(value) - 4;
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w - right - 4}\" y=\"{N(labelY)}\" text-anchor=\"end\" font-size=\"11\" fill=\"{colour}\">{name} {N(value)}</text>");
            }
        }

        RefLine(kpi.Baseline, "baseline", "#8a94a6");
        RefLine(kpi.Target, "target", "#1f8a4c");

        var line = string.Join(" ", points.Select(p => $"{N(X(p.Date))},{N(Y(p.Value))}"));
        sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#2452a8\" stroke-width=\"2\" points=\"{line}\"/>");
        foreach (var p in points)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"point\" data-date=\"{p.Date:yyyy-MM-dd}\" data-value=\"{N(p.Value)}\" cx=\"{N(X(p.Date))}\" cy=\"{N(Y(p.Value))}\" r=\"3.5\" fill=\"#2452a8\"><title>{p.Date:yyyy-MM-dd}: {N(p.Value)}</title></circle>");
        }

        // One label per distinct month, thinned to at most 8; the first starts at and the last ends at its point.
        var months = points.GroupBy(p => (p.Date.Year, p.Date.Month)).Select(g => g.First()).ToList();
        var every = Math.Max(1, (int)Math.Ceiling(months.Count / 8.0));
        var shown = months.Where((_, i) => i % every == 0).ToList();
        if (shown[^1] != months[^1] && months.Count > 1)
        {
            shown[^1] = months[^1];
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var anchor = shown.Count == 1 ? "middle" : i == 0 ? "start" : i == shown.Count - 1 ? "end" : "middle";
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"x-tick\" x=\"{N(X(shown[i].Date))}\" y=\"{h - bottom + 16}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"#5b6577\">{shown[i].Date:MMM yy}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The strategy map, laid out by <see cref="Layout.StrategyMapLayout"/> (see <see cref="StrategyMapSvg"/>).</summary>
    public static string StrategyMap(ScorecardDto scorecard, StrategyMapDto map) => StrategyMapSvg.Render(scorecard, map);

    /// <summary>Line of sight: each path drawn left to right from the objective up to the company objective.</summary>
    public static string LineOfSight(LineOfSightDto sight, string objectiveName)
    {
        const double boxW = 200, boxH = 64, gap = 50, rowH = 90, pad = 10;
        var rows = Math.Max(1, sight.Paths.Count);
        var cols = Math.Max(1, sight.Paths.Count == 0 ? 1 : sight.Paths.Max(p => p.Count));
        var w = pad + (cols * (boxW + gap));
        var h = pad + (rows * rowH);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"line-of-sight\" width=\"100%\" viewBox=\"0 0 {N(w)} {N(h)}\" role=\"img\" aria-label=\"Line of sight of {E(objectiveName)}\" font-family=\"system-ui, sans-serif\">");
        sb.Append("<defs><marker id=\"los-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#44506a\"/></marker></defs>");
        if (sight.Paths.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"{pad}\" width=\"{boxW}\" height=\"{boxH}\" rx=\"8\" fill=\"#fbe4e4\" stroke=\"#c53030\" stroke-dasharray=\"6 4\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + (boxW / 2)}\" y=\"{pad + 28}\" text-anchor=\"middle\" font-size=\"12\">{E(Wrap(objectiveName, 28, 1)[0])}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + (boxW / 2)}\" y=\"{pad + 48}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#c53030\">broken: no path to the company</text>");
        }

        for (var r = 0; r < sight.Paths.Count; r++)
        {
            var path = sight.Paths[r];
            var y = pad + (r * rowH);
            for (var c = 0; c < path.Count; c++)
            {
                var step = path[c];
                var x = pad + (c * (boxW + gap));
                if (c > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x - gap)}\" y1=\"{N(y + (boxH / 2))}\" x2=\"{N(x - 2)}\" y2=\"{N(y + (boxH / 2))}\" stroke=\"#44506a\" stroke-width=\"1.8\" marker-end=\"url(#los-arrow)\"/>");
                }

                sb.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"step{(step.IsCompany ? " company" : "")}\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{boxW}\" height=\"{boxH}\" rx=\"8\" fill=\"{Fill(step.Status)}\" stroke=\"{Colour(step.Status)}\" stroke-width=\"{(step.IsCompany ? 3 : 1.5)}\"/>");
                var lines = Wrap(step.Name, 28, 2);
                for (var k = 0; k < lines.Count; k++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (boxW / 2))}\" y=\"{N(y + 18 + (k * 15))}\" text-anchor=\"middle\" font-size=\"12\">{E(lines[k])}</text>");
                }

                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (boxW / 2))}\" y=\"{N(y + boxH - 8)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6577\">{E(step.ScorecardName)}</text></g>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    public static List<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : "").Append(word);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1].Length > width - 1 ? lines[^1][..(width - 1)] + "…" : lines[^1] + "…";
        }

        return lines;
    }
}
