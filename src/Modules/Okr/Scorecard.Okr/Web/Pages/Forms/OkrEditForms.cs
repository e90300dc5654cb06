namespace Scorecard.Okr.Web.Pages.Forms;

/// <summary>A new objective at any level, from "New objective". <c>Parent</c> is <c>okr:{id}</c> or <c>strategy:{id}</c>.</summary>
public sealed class NewObjectiveForm
{
    public string? Level { get; set; }
    public Guid? OrgUnitId { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public string? Period { get; set; }
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Parent { get; set; }
}

/// <summary>Title, description and type of an objective, with the version the page read.</summary>
public sealed class EditObjectiveForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Type { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>A key result's definition as the page shows it for its kind; only the fields the form sent are changed.</summary>
public sealed class EditKeyResultForm
{
    public string? Title { get; set; }
    public double? Start { get; set; }
    public double? Target { get; set; }
    public string? Unit { get; set; }
    public double? Weight { get; set; }
    public DateOnly? DueDate { get; set; }
    public double? BandLow { get; set; }
    public double? BandHigh { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Move a key result one place <c>up</c> or <c>down</c>; <c>Version</c> is the objective's, as read.</summary>
public sealed class MoveKeyResultForm
{
    public string? Direction { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Carry one objective into <c>Period</c>.</summary>
public sealed class CarryForm
{
    public string? Period { get; set; }
}

/// <summary>Carry the chosen objectives of <c>FromPeriod</c> into <c>ToPeriod</c>; <c>ReturnTo</c> is <c>my-goals</c> or <c>team</c>.</summary>
public sealed class BulkCarryForm
{
    public string? FromPeriod { get; set; }
    public string? ToPeriod { get; set; }
    public List<Guid> ObjectiveIds { get; set; } = [];
    public string? ReturnTo { get; set; }
}

/// <summary>Move the objective under another parent (<c>okr:{id}</c>, <c>strategy:{id}</c>, or <c>none</c>) with the version read.</summary>
public sealed class MoveParentForm
{
    public string? Parent { get; set; }
    public Guid? Version { get; set; }
}
