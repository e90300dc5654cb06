using System.Globalization;
using System.Net;
using System.Text;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Web.Charts;

/// <summary>
/// A small scatter of one hypothesis' changes at its deciding lag: the driver's month-on-month change across, the
/// outcome's change that many months later up. Both axes cross at zero so a reader sees at a glance whether the
/// points run from bottom-left to top-right (same direction) or the other way.
/// </summary>
internal static class ChangeScatter
{
    public static string Render(HypothesisDto link)
    {
        const double w = 180, h = 120, pad = 10;
        var points = link.Changes ?? [];
        var label = points.Count == 0
            ? "No scatter: not enough pairs of monthly changes."
            : string.Create(CultureInfo.InvariantCulture,
                $"Scatter of {points.Count} monthly changes: driver change across, outcome change {link.BestLag} month(s) later up; r = {link.BestR:0.00}.");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"change-scatter\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0.5\" y=\"0.5\" width=\"{w - 1}\" height=\"{h - 1}\" fill=\"#fff\" stroke=\"#d9dee7\"/>");
        if (points.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w / 2}\" y=\"{h / 2}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#8a94a6\">no changes to plot</text></svg>");
            return sb.ToString();
        }

        var xMax = Math.Max(1e-9, points.Max(p => Math.Abs(p.DriverChange)));
        var yMax = Math.Max(1e-9, points.Max(p => Math.Abs(p.OutcomeChange)));
        double X(double v) => (w / 2) + (v / xMax * ((w / 2) - pad));
        double Y(double v) => (h / 2) - (v / yMax * ((h / 2) - pad));
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" x2=\"{w - pad}\" y1=\"{h / 2}\" y2=\"{h / 2}\" stroke=\"#c3cad6\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{w / 2}\" x2=\"{w / 2}\" y1=\"{pad}\" y2=\"{h - pad}\" stroke=\"#c3cad6\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w - pad}\" y=\"{(h / 2) - 3}\" text-anchor=\"end\" font-size=\"9\" fill=\"#5b6577\">driver Δ</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{(w / 2) + 3}\" y=\"{pad + 8}\" font-size=\"9\" fill=\"#5b6577\">outcome Δ +{link.BestLag}m</text>");
        foreach (var p in points)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{Svg.N(X(p.DriverChange))}\" cy=\"{Svg.N(Y(p.OutcomeChange))}\" r=\"3\" fill=\"#2452a8\" fill-opacity=\"0.75\"><title>{p.DriverMonth:MMM yyyy}: driver {Svg.N(p.DriverChange)}, outcome {Svg.N(p.OutcomeChange)}</title></circle>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
