using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Accounts;

public sealed class FirstRunTests(EmptyInstallLiveHost host) : IClassFixture<EmptyInstallLiveHost>
{
    private const string HannahEmail = "hannah.hr@acme.example";
    private const string HannahPassword = "Hannah-Chose-2026";

    [Fact]
    public async Task The_bootstrap_administrator_sets_up_adds_a_person_invites_them_and_makes_them_HR()
    {
        var admin = await host.NewPageAsync();
        await admin.GotoAsync("/");
        await SignInAsync(admin, EmptyInstallLiveHost.AdminEmail, EmptyInstallLiveHost.AdminPassword);
        await admin.WaitForUrlExplainedAsync("**/setup");

        await admin.GetByLabel("Company name").FillAsync("Acme");
        await admin.GetByLabel("Your name").FillAsync("Ada Admin");
        await admin.GetByLabel("Your job title").FillAsync("COO");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync("**/setup/people");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync("**/people/new");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Hannah Hr");
        await admin.GetByLabel("E-mail").FillAsync(HannahEmail);
        await admin.GetByLabel("Job title").FillAsync("People lead");
        await admin.PickPersonAsync("Manager", "Ada Admin");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync(url => url.Contains("/people/") && !url.EndsWith("/new"));
        Assert.Equal("none", await admin.Locator("#account-state").InnerTextAsync());

        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        Assert.Equal("invited", await admin.Locator("#account-state").InnerTextAsync());
        var link = await admin.Locator("#invitation-link").InnerTextAsync();   // what the administrator copies and sends

        // Hannah opens the link in her own browser.
        await using var hannahContext = await host.Browser.NewContextAsync();
        var hannah = await hannahContext.NewPageAsync();
        hannah.SetDefaultTimeout(90_000);
        await hannah.GotoAsync(link);
        Assert.Contains("Welcome, Hannah Hr", await hannah.Locator("main").InnerTextAsync());
        await hannah.GetByLabel("New password").FillAsync(HannahPassword);
        await hannah.GetByLabel("Repeat the password").FillAsync(HannahPassword);
        await hannah.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await hannah.WaitForUrlExplainedAsync(url => !url.Contains("/invitations/"));
        Assert.Contains(HannahEmail, await hannah.Locator(".who").InnerTextAsync());
        Assert.Equal(0, await hannah.GetByRole(AriaRole.Link, new() { Name = "Roles" }).CountAsync());

        // The administrator makes her HR on her profile.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Directory" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Hannah Hr" }).ClickAsync();
        Assert.Equal("active", await admin.Locator("#account-state").InnerTextAsync());
        await admin.GetByLabel("HR", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        Assert.Contains("Roles saved", await admin.GetByRole(AriaRole.Status).First.InnerTextAsync());
        Assert.True(await admin.GetByLabel("HR", new() { Exact = true }).IsCheckedAsync());

        // Her next request carries the new role: the same session, now with the HR menu.
        await hannah.GetByRole(AriaRole.Link, new() { Name = "Directory" }).ClickAsync();
        await hannah.WaitForUrlExplainedAsync("**/directory");
        await hannah.GetByRole(AriaRole.Link, new() { Name = "Roles" }).ClickAsync();
        await hannah.WaitForUrlExplainedAsync("**/admin/roles");
        Assert.Contains("Hannah Hr", await hannah.Locator("#role-hr").InnerTextAsync());
        Assert.Contains("Ada Admin", await hannah.Locator("#role-admin").InnerTextAsync());
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
