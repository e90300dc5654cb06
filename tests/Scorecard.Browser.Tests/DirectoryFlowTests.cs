using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

public sealed class DirectoryFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task A_manager_signs_in_searches_the_directory_and_opens_the_org_chart()
    {
        var page = await host.SignedInPageAsync("priya.raman@brightline.example");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Directory" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/directory");

        await page.GetByLabel("Search name, e-mail or job title").FillAsync("platform");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/directory?q=platform**");
        var rows = page.Locator("#people tbody tr");
        Assert.True(await rows.CountAsync() >= 3);
        Assert.Contains("Tomas Novak", await page.Locator("#people").InnerTextAsync());
        Assert.DoesNotContain("Marcus Johnson", await page.Locator("#people").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Tomas Novak" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/people/*");
        Assert.Contains("Priya Raman", await page.Locator("main").InnerTextAsync());   // reporting line
        Assert.DoesNotContain("HR only", await page.Locator("main").InnerTextAsync()); // a manager is not HR

        await page.GetByRole(AriaRole.Link, new() { Name = "Org chart", Exact = true }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/org-chart");
        var chart = page.Locator("#org-chart");
        Assert.Contains("Maya Lindqvist", await chart.InnerTextAsync());   // the root unit opens with the page

        var shot = LiveHost.ArtifactPath("org-chart.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_message()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync("priya.raman@brightline.example");
        await page.GetByLabel("Password").FillAsync("not-my-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("Wrong e-mail or password", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
    }

    [Fact]
    public async Task HR_imports_a_CSV_file_through_the_page_and_sees_the_errors_of_a_bad_one()
    {
        var page = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import people" }).ClickAsync();
        await page.GetByLabel("…or paste CSV").FillAsync(
            "email,name,jobTitle,orgUnit,managerEmail,hireDate\nbad-email,X,,Brightline,,2025-01-01\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var alert = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("Nothing was imported", alert);
        Assert.Contains("email", alert);

        await page.GetByLabel("…or paste CSV").FillAsync(
            "email,name,jobTitle,orgUnit,managerEmail,hireDate\nrobin.ash@brightline.example,Robin Ash,Recruiter,Brightline/People,sara.nilsson@brightline.example,2026-10-01\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        Assert.Contains("1 created", await page.GetByRole(AriaRole.Status).InnerTextAsync());
    }
}
