using Scorecard.Organization.Contracts;
using Scorecard.Platform.Paging;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Domain.Bias;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Pages;

internal sealed record ReviewsIndexView(
    IReadOnlyList<ReviewListItemDto> Mine,
    IReadOnlyList<ReviewListItemDto> IWrite,
    IReadOnlyList<ReviewListItemDto> ReportsReadOnly,
    IReadOnlyList<PeerRequestDto> PeerRequests,
    IReadOnlyList<CycleDto> Cycles,
    bool IsHr,
    string? Message,
    string? Error,
    int ReadOnlyTotal = 0,
    int ReadOnlyOffset = 0)
{
    /// <summary>How many reviews of the caller's organization one page lists.</summary>
    public const int ReadOnlyPageSize = 100;
}

internal sealed record ReviewPageView(
    ReviewDto Review,
    ReviewRole Role,
    EvidenceDto? Evidence,
    bool IsHr,
    IReadOnlyList<FeedbackDto> MyNotes,
    string? Message,
    string? Error,
    ReviewAiPanel? Ai = null,
    IReadOnlyList<StaleChange>? Stale = null)
{
    public bool CanRelease => (Role is ReviewRole.Manager or ReviewRole.Hr) && Review.Phase == "signoff" && !Review.Released
                              && Review.ManagerStatus == "submitted" && !Review.Locked;

    public bool CanDecideNominations => (Role is ReviewRole.Manager or ReviewRole.Hr) && Review.Phase is "self" or "peer" && !Review.Locked;

    public bool CanNominate => Role == ReviewRole.Reviewee && Review.Phase is "self" or "peer" && !Review.Locked;

    public string RatingLabel(int? rating) =>
        rating is { } r && r - Review.Scale.Min >= 0 && r - Review.Scale.Min < Review.Scale.Labels.Count
            ? $"{r} — {Review.Scale.Labels[r - Review.Scale.Min]}" : "not rated";
}

/// <summary>
/// AI on the review page (issue 6): the switch, the latest draft (manager/HR), the person's OKR alignment
/// findings for the evidence panel, the peer feedback summary, and whether AI text awaits the manager's confirmation.
/// </summary>
internal sealed record ReviewAiPanel(
    bool DraftingEnabled,
    bool CanDraft,
    ReviewDraftDto? Draft,
    IReadOnlyList<EvidenceItem> Alignment,
    PeerSummaryDto? PeerSummary,
    bool AiTextUsed,
    IReadOnlyDictionary<string, EvidenceItem> EvidenceById,
    bool Fresh = false);

internal sealed record DashboardView(CycleDto Cycle, DashboardDto Dashboard, string? Message, string? Error,
    CyclePreviewDto? Preview = null);

internal sealed record AdvanceView(CycleDto Cycle, OpenWorkDto OpenWork, string? Error);

internal sealed record CalibrationView(CycleDto Cycle, CalibrationDto Calibration, string? Message, string? Error, int PageIndex = 0)
{
    public const int PageSize = 100;

    /// <summary>Names drawn in each 9-box cell; the count says how many more the cell holds.</summary>
    public const int NamesPerCell = 24;

    public IEnumerable<CalibrationReviewDto> ShownReviews => Calibration.Reviews.Skip(PageIndex * PageSize).Take(PageSize);

    public bool HasPrevious => PageIndex > 0;

    public bool HasNext => (PageIndex + 1) * PageSize < Calibration.Reviews.Count;
}

/// <summary>How many rows a cycle page draws of a list that grows with the organization (the rest is counted).</summary>
internal static class CyclePageLimits
{
    public const int Rows = 100;
}

internal sealed record FeedbackPageView(
    Guid Me,
    Page<FeedbackDto> Received,
    IReadOnlyList<FeedbackDto> Written,
    IReadOnlyList<FeedbackRequestDto> Requests,
    IReadOnlyList<LanguageFinding> Nudges,
    string? Message,
    string? Error);

internal sealed record WallView(Page<FeedbackDto> Items);

/// <summary>A horizontal stacked bar per group: how many overall ratings fell on each point of the scale.</summary>
internal static class DistributionSvg
{
    private static readonly string[] Colors = ["#c53030", "#dd6b20", "#a0aec0", "#38a169", "#2452a8", "#553c9a", "#2c7a7b", "#b7791f", "#718096", "#1a202c"];

    public static string Color(int index) => Colors[index % Colors.Length];

    public static string Render(IReadOnlyList<DistributionRowDto> rows, ScaleDto scale, string title)
    {
        const int labelWidth = 170, barWidth = 420, rowHeight = 26, top = 8;
        var height = top + rows.Count * rowHeight + 34;
        var sb = new System.Text.StringBuilder();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"distribution\" role=\"img\" aria-label=\"{Esc(title)}\" viewBox=\"0 0 {labelWidth + barWidth + 70} {height}\" width=\"{labelWidth + barWidth + 70}\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = top + i * rowHeight;
            sb.Append(inv, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"12\">{Esc(row.Group)}</text>");
            double x = labelWidth;
            for (var k = 0; k < row.Counts.Count; k++)
            {
                if (row.Counts[k] == 0 || row.N == 0) continue;
                var w = barWidth * row.Counts[k] / (double)row.N;
                sb.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"18\" fill=\"{Color(k)}\"><title>{scale.Min + k}: {row.Counts[k]}</title></rect>");
                x += w;
            }
            sb.Append(inv, $"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 16}\" font-size=\"12\">n={row.N} · {row.Mean?.ToString("0.0", inv) ?? "–"}</text>");
        }
        var ly = top + rows.Count * rowHeight + 16;
        for (var k = 0; k <= scale.Max - scale.Min; k++)
        {
            sb.Append(inv, $"<rect x=\"{labelWidth + k * 60}\" y=\"{ly - 10}\" width=\"12\" height=\"12\" fill=\"{Color(k)}\"/>");
            sb.Append(inv, $"<text x=\"{labelWidth + k * 60 + 16}\" y=\"{ly}\" font-size=\"11\">{scale.Min + k}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The review period as a line with a dot per evidence item, so the whole period is in view.</summary>
    public static string Timeline(EvidenceDto evidence)
    {
        const int width = 420, height = 46;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var days = Math.Max(1, evidence.PeriodEnd.DayNumber - evidence.PeriodStart.DayNumber);
        var sb = new System.Text.StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" aria-label=\"Evidence across the review period\" viewBox=\"0 0 {width} {height}\" width=\"100%\">");
        sb.Append(inv, $"<line x1=\"5\" y1=\"20\" x2=\"{width - 5}\" y2=\"20\" stroke=\"#5b6577\"/>");
        foreach (var item in evidence.Items)
        {
            var x = 5 + (width - 10) * Math.Clamp((item.Date.DayNumber - evidence.PeriodStart.DayNumber) / (double)days, 0, 1);
            sb.Append(inv, $"<circle cx=\"{x:0.#}\" cy=\"20\" r=\"4\" fill=\"#2452a8\" fill-opacity=\"0.6\"><title>{item.Date:yyyy-MM-dd} {Esc(item.Kind)}</title></circle>");
        }
        sb.Append(inv, $"<text x=\"5\" y=\"42\" font-size=\"11\">{evidence.PeriodStart:d MMM yyyy}</text>");
        sb.Append(inv, $"<text x=\"{width - 5}\" y=\"42\" font-size=\"11\" text-anchor=\"end\">{evidence.PeriodEnd:d MMM yyyy}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Esc(string s) => System.Net.WebUtility.HtmlEncode(s);
}
