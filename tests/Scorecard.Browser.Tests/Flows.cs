using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>Steps several browser tests take the same way: signing in, first-run setup, adding a key result.</summary>
public static class Flows
{
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>The bootstrap administrator of an empty install signs in and completes setup: company, then their own person.</summary>
    public static async Task SetUpAsync(this IPage page, string company, string name, string jobTitle)
    {
        await page.GotoAsync("/");
        await page.SignInAsync(EmptyInstallLiveHost.AdminEmail, EmptyInstallLiveHost.AdminPassword);
        await page.WaitForUrlExplainedAsync("**/setup");
        await page.GetByLabel("Company name").FillAsync(company);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Your job title").FillAsync(jobTitle);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/setup/people");
    }

    /// <summary>Adds a metric key result on the objective page (opening its form if it is closed).</summary>
    public static async Task AddKeyResultAsync(this IPage page, string title, string start, string target, string unit)
    {
        if (await page.Locator("details.okr-add-kr[open]").CountAsync() == 0) await page.Locator("details.okr-add-kr summary").ClickAsync();
        var form = page.Locator("details.okr-add-kr form");
        await form.GetByLabel("Key result", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("Start", new() { Exact = true }).FillAsync(start);
        await form.GetByLabel("Target", new() { Exact = true }).FillAsync(target);
        await form.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add key result" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=kr**");
    }
}
