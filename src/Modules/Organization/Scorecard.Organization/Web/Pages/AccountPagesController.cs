using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Persistence;
using Scorecard.Platform;

using Scorecard.Organization.Web.Pages.Forms;

namespace Scorecard.Organization.Web.Pages;

[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("account")]
public sealed class AccountPagesController : Controller
{
    [HttpGet("sign-in")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View("~/Views/Account/SignIn.cshtml", new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [EnableRateLimiting(SignInRateLimit.Policy)]
    [AllowAnonymous]
    public async Task<IActionResult> SignIn([FromForm] SignInForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            form.Error = "Enter your e-mail and password.";
            return View("~/Views/Account/SignIn.cshtml", form);
        }
        var outcome = await HttpContext.RequestServices.GetRequiredService<SignInCheck>()
            .CheckAsync(form.Email, form.Password, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        if (outcome.Account is not { } account)
        {
            form.Error = outcome.Message;
            return View("~/Views/Account/SignIn.cshtml", form);
        }
        await HttpContext.RequestServices.GetRequiredService<SignInManager<Account>>().SignInAsync(account, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
    }

    /// <summary>Ends the session for good: a new security stamp refuses this cookie (and the account's other sessions and tokens) from now on.</summary>
    [HttpPost("sign-out")]
    [Authorize]
    public async Task<IActionResult> SignOutPost()
    {
        var users = HttpContext.RequestServices.GetRequiredService<UserManager<Account>>();
        if (await users.GetUserAsync(User) is { } account) await users.UpdateSecurityStampAsync(account);
        await HttpContext.RequestServices.GetRequiredService<SignInManager<Account>>().SignOutAsync();
        return Redirect("/account/sign-in");
    }

    [HttpGet("password")]
    [Authorize]
    public IActionResult Password() => View("~/Views/Account/Password.cshtml", new PasswordForm());

    [HttpPost("password")]
    [Authorize]
    public async Task<IActionResult> Password([FromForm] PasswordForm form)
    {
        try
        {
            var accounts = HttpContext.RequestServices.GetRequiredService<AccountsService>();
            await accounts.ChangeOwnPasswordAsync(User, form.CurrentPassword, form.NewPassword);
            form = new PasswordForm { Message = "Your password was changed." };
        }
        catch (BadInputException e)
        {
            form.Error = e.Message;
        }
        return View("~/Views/Account/Password.cshtml", form);
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied() => View("~/Views/Account/AccessDenied.cshtml");
}
