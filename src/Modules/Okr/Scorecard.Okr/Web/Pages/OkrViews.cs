using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Scorecard.Okr.Web.Api.Models;

namespace Scorecard.Okr.Web.Pages;

internal sealed record MyGoalsView(
    string Period,
    string PersonName,
    IReadOnlyList<ObjectiveCard> Objectives,
    IReadOnlyList<string> Periods,
    string? Message,
    string? Error);

/// <summary>An objective with what the owner needs around it: line of sight, parent suggestions, visible findings.</summary>
internal sealed record ObjectiveCard(
    ObjectiveDto Objective,
    LineOfSightDto LineOfSight,
    ParentSuggestionsDto? Suggestions,
    IReadOnlyList<FindingDto> Findings);

internal sealed record ObjectivePageView(ObjectiveCard Card, SuggestionDto? Suggestion, string? Message, string? Error);

internal sealed record TreeView(TreeDto Tree, IReadOnlyList<string> Periods);

internal sealed record TeamView(string Period, IReadOnlyList<ObjectiveDto> Objectives, IReadOnlyList<FindingDto> Findings,
    CoverageDto Coverage, int Reports, IReadOnlyList<string> Periods);

internal sealed record AlignmentView(AlignmentDto Alignment, IReadOnlyList<string> Periods);

internal static class OkrFormat
{
    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    public static string StatusLabel(string status) => status switch
    {
        "on_track" => "on track",
        "at_risk" => "at risk",
        _ => status,
    };

    /// <summary>Periods offered in the pickers: the quarters of last year to next year.</summary>
    public static IReadOnlyList<string> Periods(DateOnly today) =>
        [.. Enumerable.Range(today.Year - 1, 3).SelectMany(y => Enumerable.Range(1, 4).Select(q => $"{y}-Q{q}"))];

    /// <summary>
    /// Server-rendered SVG: per department, the share of its individual goals serving each perspective (bars) against
    /// the strategy's weight for that perspective (black tick), and the aligned share.
    /// </summary>
    public static IHtmlContent CoverageChart(IReadOnlyList<DepartmentCoverageDto> departments)
    {
        var perspectives = departments.SelectMany(d => d.Mix.Select(m => m.Perspective)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string[] colours = ["#2452a8", "#1f8a4c", "#b7791f", "#8e44ad", "#c53030", "#16a2b8"];
        const int labelWidth = 170, barWidth = 18, gap = 4, groupGap = 26, chartHeight = 160, top = 20;
        var groupWidth = ((perspectives.Count + 1) * (barWidth + gap)) + groupGap;
        var width = Math.Max(480, labelWidth + (departments.Count * groupWidth));
        var height = top + chartHeight + 70;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"coverage-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Goal mix per department against the strategy's weights\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = top + chartHeight - (tick * chartHeight / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{labelWidth - 10}\" x2=\"{width}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#d9dee7\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 14}\" y=\"{y + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6577\">{tick * 25} %</text>");
        }
        for (var d = 0; d < departments.Count; d++)
        {
            var dept = departments[d];
            var x0 = labelWidth + (d * groupWidth);
            for (var p = 0; p < perspectives.Count; p++)
            {
                var mix = dept.Mix.FirstOrDefault(m => string.Equals(m.Perspective, perspectives[p], StringComparison.OrdinalIgnoreCase));
                var share = mix?.GoalShare ?? 0;
                var weight = mix?.StrategyWeight ?? 0;
                var x = x0 + (p * (barWidth + gap));
                var h = share * chartHeight;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x}\" y=\"{top + chartHeight - h:0.#}\" width=\"{barWidth}\" height=\"{h:0.#}\" fill=\"{colours[p % colours.Length]}\"><title>{Esc(dept.Name)} · {Esc(perspectives[p])}: {Percent(share)} of goals, strategy weight {Percent(weight)}</title></rect>");
                var wy = top + chartHeight - (weight * chartHeight);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"weight\" x1=\"{x - 2}\" x2=\"{x + barWidth + 2}\" y1=\"{wy:0.#}\" y2=\"{wy:0.#}\" stroke=\"#1d2433\" stroke-width=\"2\"/>");
            }
            var ax = x0 + (perspectives.Count * (barWidth + gap));
            var ah = dept.AlignedShare * chartHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"aligned\" x=\"{ax}\" y=\"{top + chartHeight - ah:0.#}\" width=\"{barWidth}\" height=\"{ah:0.#}\" fill=\"none\" stroke=\"#1d2433\" stroke-dasharray=\"3 2\"><title>{Esc(dept.Name)}: {Percent(dept.AlignedShare)} of {dept.IndividualObjectives} individual goals aligned</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0}\" y=\"{top + chartHeight + 16}\" font-size=\"11\" fill=\"#1d2433\">{Esc(dept.Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0}\" y=\"{top + chartHeight + 30}\" font-size=\"10\" fill=\"#5b6577\">{dept.IndividualObjectives} goals · {Percent(dept.AlignedShare)} aligned</text>");
        }
        var ly = top + chartHeight + 52;
        var lx = 10;
        for (var p = 0; p < perspectives.Count; p++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{ly - 9}\" width=\"10\" height=\"10\" fill=\"{colours[p % colours.Length]}\"/><text x=\"{lx + 14}\" y=\"{ly}\" font-size=\"11\">{Esc(perspectives[p])}</text>");
            lx += 30 + (perspectives[p].Length * 7);
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lx}\" x2=\"{lx + 14}\" y1=\"{ly - 4}\" y2=\"{ly - 4}\" stroke=\"#1d2433\" stroke-width=\"2\"/><text x=\"{lx + 18}\" y=\"{ly}\" font-size=\"11\">strategy weight</text>");
        lx += 120;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{ly - 9}\" width=\"10\" height=\"10\" fill=\"none\" stroke=\"#1d2433\" stroke-dasharray=\"3 2\"/><text x=\"{lx + 14}\" y=\"{ly}\" font-size=\"11\">aligned share</text>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
