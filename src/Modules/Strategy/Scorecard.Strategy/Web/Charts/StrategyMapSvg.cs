using System.Globalization;
using System.Net;
using System.Text;
using Scorecard.Strategy.Web.Api.Models;
using Scorecard.Strategy.Web.Charts.Layout;

namespace Scorecard.Strategy.Web.Charts;

/// <summary>
/// Draws the strategy map from the layered layout: one band per perspective (first perspective on top), objectives as
/// boxes coloured by status, cause-and-effect arrows along the library's routes, coloured by verdict and numbered like
/// the hypothesis list.
/// </summary>
internal static class StrategyMapSvg
{
    public static string Render(ScorecardDto scorecard, StrategyMapDto map)
    {
        var perspectives = scorecard.Perspectives;
        var nodes = perspectives.SelectMany((p, row) => p.Objectives.Select(o => new MapNode(o.Id, row))).ToList();
        var layout = StrategyMapLayout.Compute(nodes, [.. map.Links.Select(l => (l.FromObjectiveId, l.ToObjectiveId))]);
        var w = layout.Width;
        var h = layout.Height;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"strategy-map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 {Svg.N(w)} {Svg.N(h)}\" role=\"img\" aria-label=\"{E(AltText(scorecard, map))}\" font-family=\"system-ui, sans-serif\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>Strategy map of {E(scorecard.Name)}</title>");
        sb.Append("<defs>");
        foreach (var verdict in new[] { "supported", "contradicted", "not yet supported", "not enough data" })
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<marker id=\"{MarkerId(verdict)}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{VerdictColour(verdict)}\"/></marker>");
        }

        sb.Append("</defs>");
        for (var i = 0; i < layout.Rows.Count; i++)
        {
            var (row, top, bottom) = layout.Rows[i];
            sb.Append(CultureInfo.InvariantCulture,
                $"<g class=\"band\" data-perspective=\"{E(perspectives[row].Name)}\"><rect x=\"0\" y=\"{Svg.N(top)}\" width=\"{Svg.N(w)}\" height=\"{Svg.N(bottom - top)}\" fill=\"{(i % 2 == 0 ? "#f6f7fa" : "#ffffff")}\" stroke=\"#d9dee7\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"12\" y=\"{Svg.N(((top + bottom) / 2) + 5)}\" font-size=\"14\" font-weight=\"600\" fill=\"#1d2433\">{E(perspectives[row].Name)}</text></g>");
        }

        var links = map.Links.ToList();
        foreach (var edge in layout.Edges)
        {
            var link = links[edge.Number - 1];
            var colour = VerdictColour(link.Verdict);
            var points = string.Join(" ", edge.Points.Select(p => $"{Svg.N(p.X)},{Svg.N(p.Y)}"));
            sb.Append(CultureInfo.InvariantCulture,
                $"<g class=\"link\" data-link=\"{link.LinkId}\" data-verdict=\"{E(link.Verdict)}\"><polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.8\" marker-end=\"url(#{MarkerId(link.Verdict)})\"><title>{edge.Number}. {E(link.Hypothesis)} — {E(link.Verdict)}</title></polyline>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"link-label\" cx=\"{Svg.N(edge.Label.X)}\" cy=\"{Svg.N(edge.Label.Y)}\" r=\"{Svg.N(StrategyMapLayout.LabelRadius)}\" fill=\"#fff\" stroke=\"{colour}\"/><text x=\"{Svg.N(edge.Label.X)}\" y=\"{Svg.N(edge.Label.Y + 4)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{colour}\">{edge.Number}</text></g>");
        }

        var objectives = perspectives.SelectMany(p => p.Objectives).ToDictionary(o => o.Id);
        foreach (var box in layout.Boxes)
        {
            var o = objectives[box.ObjectiveId];
            var (x, y) = (box.X, box.Y);
            sb.Append(CultureInfo.InvariantCulture,
                $"<g class=\"objective status-{(o.Status == "no data" ? "nodata" : o.Status)}\" data-objective=\"{o.Id}\" data-x=\"{Svg.N(x)}\" data-y=\"{Svg.N(y)}\" data-width=\"{Svg.N(box.Width)}\" data-height=\"{Svg.N(box.Height)}\"><a href=\"/objectives/{o.Id}/line-of-sight\"><rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(box.Width)}\" height=\"{Svg.N(box.Height)}\" rx=\"8\" fill=\"{Svg.Fill(o.Status)}\" stroke=\"{Svg.Colour(o.Status)}\" stroke-width=\"2\"/>");
            var lines = Svg.Wrap(o.Name, 26, 2);
            for (var k = 0; k < lines.Count; k++)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{Svg.N(x + (box.Width / 2))}\" y=\"{Svg.N(y + 20 + (k * 15))}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1d2433\">{E(lines[k])}</text>");
            }

            var score = o.Progress is { } s ? $"{s * 100:0}% · {o.Status}" : "no data";
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Svg.N(x + (box.Width / 2))}\" y=\"{Svg.N(y + box.Height - 7)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{Svg.Colour(o.Status)}\">{E(score)}</text><title>{E(o.Name)}</title></a></g>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The map in one sentence per row and arrow, for screen readers.</summary>
    public static string AltText(ScorecardDto scorecard, StrategyMapDto map)
    {
        var rows = scorecard.Perspectives.Where(p => p.Objectives.Count > 0)
            .Select(p => $"{p.Name}: {string.Join(", ", p.Objectives.Select(o => o.Name))}.");
        var arrows = map.Links.Select((l, i) => $"Arrow {i + 1}: {l.FromObjective} to {l.ToObjective}, {l.Verdict}.");
        return $"Strategy map of {scorecard.Name}. " + string.Join(" ", rows.Concat(arrows));
    }

    private static string MarkerId(string verdict) => "arrow-" + verdict.Replace(' ', '-');

    private static string VerdictColour(string verdict) => verdict switch
    {
        "supported" => "#1f8a4c",
        "contradicted" => "#c53030",
        "not yet supported" => "#b7791f",
        _ => "#44506a",
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
