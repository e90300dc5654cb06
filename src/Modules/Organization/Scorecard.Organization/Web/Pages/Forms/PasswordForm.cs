namespace Scorecard.Organization.Web.Pages.Forms;

/// <summary>Form fields posted by a page.</summary>
public sealed class PasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? Error { get; set; }
    public string? Message { get; set; }
}
