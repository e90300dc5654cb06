namespace Scorecard.Strategy.Web.Pages.Forms;

/// <summary>A measurement entered on the KPI page; the value is text so a typo gets a clear message.</summary>
public sealed class MeasurementForm
{
    public string? Date { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
}

/// <summary>A strategy review recorded on the reviews page, with up to three decisions or actions.</summary>
public sealed class StrategyReviewForm
{
    public string? HeldOn { get; set; }
    public string? Title { get; set; }
    public string? Notes { get; set; }
    public List<Guid> Attendees { get; set; } = [];
    public List<string?> DecisionText { get; set; } = [];
    public List<string?> DecisionKind { get; set; } = [];
    public List<Guid?> DecisionOwner { get; set; } = [];
    public List<string?> DecisionDue { get; set; } = [];
    public List<Guid?> DecisionObjective { get; set; } = [];
}
