namespace Scorecard.Organization.Web.Pages.Forms;

public sealed class SetupForm
{
    public string? CompanyName { get; set; }
    public string? Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Error { get; set; }
}

public sealed class NewPersonForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }
    public Guid? OrgUnitId { get; set; }
    public Guid? ManagerId { get; set; }
    public DateOnly? HireDate { get; set; }
}

public sealed class AcceptInvitationForm
{
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}
