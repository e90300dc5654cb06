using Scorecard.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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
    [NoRequestTransaction]
    [AllowAnonymous]
    public async Task<IActionResult> SignIn([FromForm] SignInForm form)
    {
        var signIn = HttpContext.RequestServices.GetRequiredService<SignInManager<Account>>();
        var users = HttpContext.RequestServices.GetRequiredService<UserManager<Account>>();
        var account = string.IsNullOrWhiteSpace(form.Email) ? null : await users.FindByEmailAsync(form.Email.Trim());
        var accounts = HttpContext.RequestServices.GetRequiredService<AccountsService>();
        if (account is not null && !await accounts.HasActivePersonAsync(account, HttpContext.RequestAborted))
        {
            form.Error = "This person has left the organization.";
            return View("~/Views/Account/SignIn.cshtml", form);
        }
        if (account is not null)
        {
            var result = await signIn.PasswordSignInAsync(account, form.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
            if (result.IsLockedOut)
            {
                form.Error = "This account is locked after repeated failed sign-ins. Try again in 15 minutes.";
                return View("~/Views/Account/SignIn.cshtml", form);
            }
        }
        form.Error = "Wrong e-mail or password.";
        return View("~/Views/Account/SignIn.cshtml", form);
    }

    [HttpPost("sign-out")]
    [Authorize]
    public async Task<IActionResult> SignOutPost()
    {
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
