namespace Scorecard.Okr.Web.Pages.Forms;

/// <summary>A new personal objective from "My goals".</summary>
public sealed class ObjectiveForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Period { get; set; }
    public string? Type { get; set; }
}

/// <summary>Make the objective support a parent (<c>okr</c> or <c>strategy</c>).</summary>
public sealed class ParentForm
{
    public string? Kind { get; set; }
    public Guid ParentId { get; set; }
    public string? ReturnTo { get; set; }
}

public sealed class KeyResultForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public double? Start { get; set; }
    public double? Target { get; set; }
    public string? Unit { get; set; }
    public DateOnly? DueDate { get; set; }
    public double? BandLow { get; set; }
    public double? BandHigh { get; set; }
    public Guid? KpiId { get; set; }
    public string? ReturnTo { get; set; }
}

public sealed class CheckInForm
{
    public double? Value { get; set; }
    public int? Confidence { get; set; }
    public string? Comment { get; set; }
    public string? ReturnTo { get; set; }
}

public sealed class ExplainForm
{
    public string? Code { get; set; }
    public Guid? KeyResultId { get; set; }
}
