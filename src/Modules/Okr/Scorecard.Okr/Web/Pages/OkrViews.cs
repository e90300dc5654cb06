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
    string? Error)
{
    public CarryChoice? Carry { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>An objective with what the owner needs around it: line of sight, parent suggestions, visible findings.</summary>
internal sealed record ObjectiveCard(
    ObjectiveDto Objective,
    LineOfSightDto LineOfSight,
    ParentSuggestionsDto? Suggestions,
    IReadOnlyList<FindingDto> Findings);

/// <summary>
/// <c>Kpis</c>: scorecard KPIs offered for a KPI-linked key result (the reader's own, and those found by <c>KpiSearch</c>).
/// </summary>
internal sealed record ObjectivePageView(ObjectiveCard Card, SuggestionDto? Suggestion, string? Message, string? Error,
    IReadOnlyList<Scorecard.Strategy.Contracts.KpiSummary>? Kpis = null)
{
    /// <summary>A save refused because the objective or key result changed since the form was read.</summary>
    public StaleSave? Stale { get; init; }

    /// <summary>What a carry said (finished key results left behind, a parent not carried).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? KpiSearch { get; init; }
    public string? ParentSearch { get; init; }
    public IReadOnlyList<Application.ParentCandidate>? ParentCandidates { get; init; }

    /// <summary>Later periods this objective may be carried into, and the copies it already has.</summary>
    public IReadOnlyList<string> CarryPeriods { get; init; } = [];
    public IReadOnlyList<(Guid Id, string Period)> CarriedInto { get; init; } = [];
}

/// <summary>One field of a refused stale save: what the person typed and what is stored now.</summary>
internal sealed record FieldChange(string Field, string Yours, string Current);

internal sealed record StaleSave(string What, Guid? KeyResultId, IReadOnlyList<FieldChange> Changes);

/// <summary>The objectives a person may carry from a period into the next one, with those already carried.</summary>
internal sealed record CarryChoice(string FromPeriod, IReadOnlyList<string> ToPeriods, IReadOnlyList<ObjectiveDto> Objectives,
    IReadOnlyDictionary<Guid, string> AlreadyCarried, string ReturnTo);

internal sealed record TreeView(TreeDto Tree, IReadOnlyList<string> Periods)
{
    public IReadOnlySet<Guid> DrawnRoots => _roots ??= TreeTrim.Drawn(Tree.Roots);

    /// <summary>What the tree under the company's objectives leaves of the page's budget.</summary>
    public IReadOnlySet<Guid> DrawnUnattached => _unattached ??= TreeTrim.Drawn(Tree.Unattached, TreeTrim.Budget - DrawnRoots.Count);

    private IReadOnlySet<Guid>? _roots;
    private IReadOnlySet<Guid>? _unattached;
}

internal sealed record TeamView(string Period, IReadOnlyList<ObjectiveDto> Objectives, IReadOnlyList<FindingDto> Findings,
    CoverageDto Coverage, int Reports, IReadOnlyList<string> Periods)
{
    public const int PageSize = 50;

    public int PageIndex { get; init; }

    public bool Paged => Reports > PageSize;

    public bool HasPrevious => PageIndex > 0;

    public bool HasNext => (PageIndex + 1) * PageSize < Reports;

    public string PageLink(int index) => $"/okr/team?period={Period}&page={index}";

    public CarryChoice? Carry { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}

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

    /// <summary>Worth carrying forward: not archived, and some key result still open (control key results do not count; none at all counts as open).</summary>
    public static bool IsUnfinished(ObjectiveDto o)
    {
        if (o.Archived) return false;
        var measured = o.KeyResults.Where(k => k.Kind != "control").ToList();
        return measured.Count == 0 || measured.Any(k => !k.HasData || k.Progress < 1.0);
    }

    /// <summary>A number as an input's value (empty when there is none).</summary>
    public static string Input(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

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

/// <summary>
/// Which nodes of the alignment tree a page draws: breadth first, at most <see cref="Budget"/> in all, so a small
/// company sees its whole tree and a large one sees the top levels, each cut node linking to its objective page.
/// </summary>
internal static class TreeTrim
{
    public const int Budget = 400;

    public static IReadOnlySet<Guid> Drawn(IEnumerable<TreeNodeDto> roots, int budget = Budget)
    {
        var drawn = new HashSet<Guid>();
        var queue = new Queue<TreeNodeDto>(roots);
        while (queue.Count > 0 && drawn.Count < budget)
        {
            var node = queue.Dequeue();
            if (!drawn.Add(node.Id)) continue;
            foreach (var child in node.Children) queue.Enqueue(child);
        }
        return drawn;
    }
}

internal sealed record TreeNodeView(TreeNodeDto Node, IReadOnlySet<Guid> Drawn);
