namespace Scorecard.Organization.Web.Pages.Forms;

/// <summary>Form fields posted by a page.</summary>
public sealed class PersonForm
{
    public Guid Version { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }
    public Guid? OrgUnitId { get; set; }
    public Guid? ManagerId { get; set; }
    public string? HireDate { get; set; }
    public bool Active { get; set; }
    public string? Gender { get; set; }
    public int? BirthYear { get; set; }
}
