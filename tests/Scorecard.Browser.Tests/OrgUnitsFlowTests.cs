using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>Org units and the org chart in the browser, by clicking and typing only.</summary>
public sealed class OrgUnitsFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task HR_creates_renames_moves_and_deletes_units_and_a_unit_in_use_is_kept()
    {
        var page = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Org chart", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Org units", Exact = true }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/org-units");

        await page.GetByLabel("New unit").FillAsync("Browser Lab");
        await page.PickUnitAsync("Parent unit", "Bright", "Brightline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        Assert.Contains("Created Brightline/Browser Lab", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await page.GetByLabel("New unit").FillAsync("Browser Bench");
        await page.PickUnitAsync("Parent unit", "browser l", "Brightline/Browser Lab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        Assert.Contains("Created Brightline/Browser Lab/Browser Bench", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await page.GetByLabel("New unit").FillAsync("browser lab");
        await page.PickUnitAsync("Parent unit", "Bright", "Brightline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        Assert.Contains("already exists", await page.GetByRole(AriaRole.Alert).InnerTextAsync());

        var lab = page.Locator("li[data-unit='Brightline/Browser Lab']");
        await lab.Locator("summary").ClickAsync();
        await lab.GetByLabel("Name").FillAsync("Browser Studio");
        await lab.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        Assert.Contains("Renamed to Brightline/Browser Studio", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        var studio = page.Locator("li[data-unit='Brightline/Browser Studio']");
        await studio.Locator("summary").ClickAsync();
        await studio.PickUnitAsync("Move under", "bench", "Brightline/Browser Studio/Browser Bench");
        await studio.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        Assert.Contains("would make a cycle", await page.GetByRole(AriaRole.Alert).InnerTextAsync());

        var bench = page.Locator("li[data-unit='Brightline/Browser Studio/Browser Bench']");
        await bench.Locator("summary").ClickAsync();
        await bench.PickUnitAsync("Move under", "engineering", "Brightline/Engineering");
        await bench.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        Assert.Contains("Moved to Brightline/Engineering/Browser Bench", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        var moved = page.Locator("li[data-unit='Brightline/Engineering/Browser Bench']");
        await moved.Locator("summary").ClickAsync();
        await moved.GetByRole(AriaRole.Button, new() { Name = "Delete Browser Bench" }).ClickAsync();
        Assert.Contains("Deleted.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await page.Locator("li[data-unit='Brightline/Engineering/Browser Bench']").CountAsync());

        var marketing = page.Locator("li[data-unit='Brightline/Marketing']");
        await marketing.Locator("summary").ClickAsync();
        await marketing.GetByRole(AriaRole.Button, new() { Name = "Delete Marketing" }).ClickAsync();
        var refusal = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("cannot be deleted", refusal);
        Assert.Contains("scorecard", refusal);
        Assert.Equal(1, await page.Locator("li[data-unit='Brightline/Marketing']").CountAsync());
    }

    [Fact]
    public async Task An_employee_opens_units_of_the_org_chart_and_finds_a_person_by_search()
    {
        var page = await host.SignedInPageAsync("tomas.novak@brightline.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Org chart", Exact = true }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/org-chart");
        var chart = page.Locator("#org-chart");
        Assert.DoesNotContain("Priya Raman", await chart.InnerTextAsync());

        await chart.Locator("summary", new() { HasText = "Engineering" }).First.ClickAsync();
        await chart.Locator("summary", new() { HasText = "Platform" }).First.ClickAsync();
        await Assertions.Expect(chart.Locator("a.node", new() { HasText = "Priya Raman" })).ToBeVisibleAsync();

        Assert.Equal(0, await chart.Locator("a.node", new() { HasText = "Chloe Martin" }).CountAsync());   // not loaded yet
        await page.GetByLabel("Find a person").FillAsync("chloe");
        await page.Locator("#org-chart-results button", new() { HasText = "Chloe Martin" }).ClickAsync();
        var found = chart.Locator("a.node.found");
        await Assertions.Expect(found).ToBeVisibleAsync();
        Assert.Contains("Chloe Martin", await found.InnerTextAsync());

        var shot = LiveHost.ArtifactPath("org-chart-search.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
    }
}
