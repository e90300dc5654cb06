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

public sealed class EditKeyResultForm
{
    public string? Title { get; set; }
    public double? Target { get; set; }
    public double? Weight { get; set; }
}
