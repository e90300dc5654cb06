using System.Globalization;
using System.Net;
using System.Text;
using Scorecard.Okr.Web.Api.Models;

namespace Scorecard.Okr.Web.Pages;

/// <summary>
/// Department coverage as one row per department, so it reads the same with 2 departments or 40 (the chart grows
/// downwards, never sideways): the department's name (shortened with an ellipsis, full name on hover), a stacked bar
/// of its individual goals' mix across perspectives, directly under it a thinner bar of the strategy's weights in the
/// same colours for comparison, and the aligned share in words. The text alternative lists every row.
/// </summary>
internal static class CoverageChartSvg
{
    public const double Width = 720;
    public const double RowHeight = 44;
    private const double LabelWidth = 170, BarLeft = 180, BarWidth = 400, Top = 34, LegendHeight = 24;
    private static readonly string[] Colours = ["#2452a8", "#1f8a4c", "#b7791f", "#8e44ad", "#c53030", "#16a2b8"];

    public static string Render(IReadOnlyList<DepartmentCoverageDto> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var perspectives = departments.SelectMany(d => d.Mix.Select(m => m.Perspective)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var height = Top + (Math.Max(1, departments.Count) * RowHeight) + LegendHeight;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"coverage-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{Esc(AltText(departments))}\" width=\"100%\" viewBox=\"0 0 {Width} {N(height)}\" font-family=\"system-ui, sans-serif\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{BarLeft}\" y=\"14\" font-size=\"11\" fill=\"#5b6577\">goal mix (thick) vs strategy weights (thin), 0–100 %</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 8}\" y=\"14\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6577\">aligned</text>");
        for (var d = 0; d < departments.Count; d++)
        {
            var dept = departments[d];
            var y = Top + (d * RowHeight);
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"department\" data-department=\"{Esc(dept.Name)}\" data-y=\"{N(y)}\">");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"department-name\" x=\"{LabelWidth}\" y=\"{N(y + 14)}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2433\"><title>{Esc(dept.Name)}</title>{Esc(Shorten(dept.Name, 24))}</text>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth}\" y=\"{N(y + 28)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6577\">{dept.IndividualObjectives} goals</text>");
            Stack(sb, dept, perspectives, y + 2, 16, m => m.GoalShare, "bar");
            Stack(sb, dept, perspectives, y + 22, 6, m => m.StrategyWeight, "weight");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"aligned\" x=\"{Width - 8}\" y=\"{N(y + 16)}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2433\"><title>{Esc(dept.Name)}: {P(dept.AlignedShare)} of {dept.IndividualObjectives} individual goals aligned</title>{P(dept.AlignedShare)}</text></g>");
        }

        var ly = Top + (Math.Max(1, departments.Count) * RowHeight) + 12;
        var lx = BarLeft;
        for (var p = 0; p < perspectives.Count; p++)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{N(lx)}\" y=\"{N(ly - 9)}\" width=\"10\" height=\"10\" fill=\"{Colours[p % Colours.Length]}\"/><text x=\"{N(lx + 14)}\" y=\"{N(ly)}\" font-size=\"11\">{Esc(perspectives[p])}</text>");
            lx += 24 + (perspectives[p].Length * 6.5);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Stack(StringBuilder sb, DepartmentCoverageDto dept, List<string> perspectives, double y, double h,
        Func<PerspectiveShareDto, double> value, string css)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{BarLeft}\" y=\"{N(y)}\" width=\"{BarWidth}\" height=\"{N(h)}\" fill=\"#f1f3f7\"/>");
        var x = BarLeft;
        for (var p = 0; p < perspectives.Count; p++)
        {
            var mix = dept.Mix.FirstOrDefault(m => string.Equals(m.Perspective, perspectives[p], StringComparison.OrdinalIgnoreCase));
            var share = mix is null ? 0 : Math.Clamp(value(mix), 0, 1);
            if (share <= 0)
            {
                continue;
            }

            var w = share * BarWidth;
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{css}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{Colours[p % Colours.Length]}\"><title>{Esc(dept.Name)} · {Esc(perspectives[p])}: {P(mix!.GoalShare)} of goals, strategy weight {P(mix.StrategyWeight)}</title></rect>");
            x += w;
        }
    }

    public static string AltText(IReadOnlyList<DepartmentCoverageDto> departments) =>
        "Goal mix per department against the strategy's weights. " + string.Join(" ", departments.Select(d =>
            $"{d.Name}: {d.IndividualObjectives} goals, {P(d.AlignedShare)} aligned; "
            + string.Join(", ", d.Mix.Select(m => $"{m.Perspective} {P(m.GoalShare)} of goals vs weight {P(m.StrategyWeight)}")) + "."));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string P(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
