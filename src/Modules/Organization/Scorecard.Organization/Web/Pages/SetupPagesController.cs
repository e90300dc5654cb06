using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Setup;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Organization.Web.Pages.Forms;
using Scorecard.Platform;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Web.Pages;

/// <summary>First run: the company, the administrator's own person, then the way to bring everyone else in.</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("setup")]
public sealed class SetupPagesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        if (!await Setup.IsPendingAsync(ct)) return Redirect("/setup/people");
        return View("~/Views/Setup/Index.cshtml", new SetupForm());
    }

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] SetupForm form, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        try
        {
            await Setup.CompleteAsync(new SetupRequest(form.CompanyName, form.Name, form.JobTitle), User, ct);
            return Redirect("/setup/people");
        }
        catch (ScorecardException e) when (e is BadInputException or ConflictException)
        {
            if (e is ConflictException) return Redirect("/setup/people");
            Response.StatusCode = e.StatusCode;
            form.Error = e.Message;
            return View("~/Views/Setup/Index.cshtml", form);
        }
    }

    /// <summary>The last step: import the HRIS file, add people one by one, and invite them.</summary>
    [HttpGet("people")]
    public IActionResult People() =>
        User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Hr) ? View("~/Views/Setup/People.cshtml") : Forbid();

    private SetupService Setup => HttpContext.RequestServices.GetRequiredService<SetupService>();
}
