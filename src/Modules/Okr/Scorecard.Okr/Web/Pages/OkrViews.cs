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

/// <summary><c>Kpis</c>: scorecard KPIs the reader owns, offered for a KPI-linked key result.</summary>
internal sealed record ObjectivePageView(ObjectiveCard Card, SuggestionDto? Suggestion, string? Message, string? Error,
    IReadOnlyList<Scorecard.Strategy.Contracts.KpiSummary>? Kpis = null);

internal sealed record TreeView(TreeDto Tree, IReadOnlyList<string> Periods);

internal sealed record TeamView(string Period, IReadOnlyList<ObjectiveDto> Objectives, IReadOnlyList<FindingDto> Findings,
    CoverageDto Coverage, int Reports, IReadOnlyList<string> Periods);

internal sealed record AlignmentView(AlignmentDto Alignment, IReadOnlyList<string> Periods, Guid? OrgUnitId, string? Code)
{
    public const int PageSize = 50;

    /// <summary>This page's address with another offset (or null filters dropped).</summary>
    public string Link(int offset, string? code = "", bool keepUnit = true)
    {
        var query = new List<string> { $"period={Uri.EscapeDataString(Alignment.Period)}" };
        if (keepUnit && OrgUnitId is { } unit) query.Add($"orgUnitId={unit}");
        var c = code == "" ? Code : code;
        if (!string.IsNullOrEmpty(c)) query.Add($"code={Uri.EscapeDataString(c)}");
        if (offset > 0) query.Add($"offset={offset}");
        return "/okr/alignment?" + string.Join("&", query);
    }
}

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

    /// <summary>The department coverage chart (<see cref="CoverageChartSvg"/>).</summary>
    public static IHtmlContent CoverageChart(IReadOnlyList<DepartmentCoverageDto> departments) => new HtmlString(CoverageChartSvg.Render(departments));

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
