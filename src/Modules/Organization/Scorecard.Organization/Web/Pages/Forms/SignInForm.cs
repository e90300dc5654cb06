namespace Scorecard.Organization.Web.Pages.Forms;

/// <summary>Form fields posted by a page.</summary>
public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
    public string? Error { get; set; }
}
