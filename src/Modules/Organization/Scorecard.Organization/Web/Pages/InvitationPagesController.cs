using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Invitations;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Pages.Forms;
using Scorecard.Platform;

namespace Scorecard.Organization.Web.Pages;

/// <summary>What an invitation link opens, signed in or not: the password form, or why the link no longer works.</summary>
[AllowAnonymous]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("invitations/{token}")]
public sealed class InvitationPagesController : Controller
{
    /// <summary>Not rate-limited: a 256-bit token cannot be guessed, and a whole office behind one address opens its links at once.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Open(string token, CancellationToken ct)
    {
        KeepTokenPrivate();
        var lookup = await Invitations.OpenAsync(token, ct);
        return lookup.Status == InvitationStatus.Open ? Form(lookup, null) : Closed(lookup);
    }

    [HttpPost("")]
    [EnableRateLimiting(SignInRateLimit.Policy)]
    public async Task<IActionResult> Accept(string token, [FromForm] AcceptInvitationForm form, CancellationToken ct)
    {
        KeepTokenPrivate();
        try
        {
            var (lookup, account) = await Invitations.AcceptAsync(token, form.Password, form.ConfirmPassword, ct);
            if (account is null) return Closed(lookup);
            await HttpContext.RequestServices.GetRequiredService<SignInManager<Account>>().SignInAsync(account, isPersistent: false);
            return Redirect("/");
        }
        catch (BadInputException e)
        {
            Response.StatusCode = e.StatusCode;
            return Form(await Invitations.OpenAsync(token, ct), e.Message);
        }
    }

    private ViewResult Form(InvitationLookup lookup, string? error) =>
        View("~/Views/Invitations/Accept.cshtml", new InvitationPageView(lookup, error));

    private ViewResult Closed(InvitationLookup lookup)
    {
        Response.StatusCode = lookup.Status switch
        {
            InvitationStatus.Unknown => StatusCodes.Status404NotFound,
            InvitationStatus.Expired or InvitationStatus.Used or InvitationStatus.Superseded => StatusCodes.Status410Gone,
            _ => StatusCodes.Status409Conflict,
        };
        return View("~/Views/Invitations/Closed.cshtml", new InvitationPageView(lookup, null));
    }

    /// <summary>The token is the password's key until it is used: never send it on in a Referer header.</summary>
    private void KeepTokenPrivate() => Response.Headers["Referrer-Policy"] = "no-referrer";

    private InvitationsService Invitations => HttpContext.RequestServices.GetRequiredService<InvitationsService>();
}

internal sealed record InvitationPageView(InvitationLookup Lookup, string? Error)
{
    public string Message => Lookup.Status switch
    {
        InvitationStatus.Used => "This invitation link was already used. Sign in with the password you chose.",
        InvitationStatus.Expired => "This invitation link has expired (links are valid for 7 days). Ask HR or your administrator for a new one.",
        InvitationStatus.Superseded => "This invitation link was replaced by a newer one. Use the latest link you were sent.",
        InvitationStatus.Left => "This invitation is for someone who has left the organization.",
        InvitationStatus.HasAccount => "You already have an account. Sign in with your password.",
        _ => "This invitation link is not valid. Check that you copied all of it.",
    };

    public string Heading => Lookup.Status switch
    {
        InvitationStatus.Used => "Invitation already used",
        InvitationStatus.Expired => "Invitation expired",
        InvitationStatus.Superseded => "Invitation replaced",
        _ => "Invitation not valid",
    };
}
