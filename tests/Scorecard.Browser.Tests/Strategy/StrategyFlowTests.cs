using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Strategy;

public sealed class StrategyFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task The_scorecard_page_shows_perspectives_objectives_and_KPIs_with_status_and_health()
    {
        var page = await host.SignedInPageAsync("tomas.novak@brightline.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brightline 2026" }).ClickAsync();
        await page.WaitForURLAsync("**/scorecards/*");

        var tree = page.Locator("#scorecard-tree");
        var perspectives = await tree.Locator("section.perspective h2").AllInnerTextsAsync();
        Assert.Equal(4, perspectives.Count);
        Assert.StartsWith("Customer", perspectives[1]);
        var customer = tree.Locator("section[data-perspective='Customer']");
        Assert.Contains("Delight customers", await customer.InnerTextAsync());
        var nps = customer.Locator("tr[data-kpi='Net Promoter Score']");
        Assert.Matches("green|amber|red", await nps.Locator(".status").InnerTextAsync());
        Assert.Equal(1, await nps.Locator("svg.sparkline polyline").CountAsync());
        Assert.Contains("STALE_KPI", await page.Locator("#health").InnerTextAsync());

        var shot = LiveHost.ArtifactPath("scorecard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
    }

    [Fact]
    public async Task The_strategy_map_renders_objectives_arrows_and_hypothesis_verdicts()
    {
        var page = await host.SignedInPageAsync("tomas.novak@brightline.example");
        await page.GotoAsync("/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brightline 2026" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy map" }).ClickAsync();
        await page.WaitForURLAsync("**/map");

        var map = page.Locator("svg#strategy-map");
        Assert.Equal(4, await map.Locator("g.band").CountAsync());
        Assert.Equal(10, await map.Locator("g.objective").CountAsync());
        Assert.Equal(9, await map.Locator("g.link line").CountAsync());
        Assert.True((await map.BoundingBoxAsync())!.Height > 200);
        var hypotheses = await page.Locator("#hypotheses").InnerTextAsync();
        Assert.Contains("Faster onboarding reduces early churn.", hypotheses);
        Assert.Contains("not yet supported", hypotheses);
        Assert.Contains("r = ", hypotheses);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LiveHost.ArtifactPath("strategy-map.png"), FullPage = true });
    }

    [Fact]
    public async Task A_KPI_owner_enters_a_measurement_and_sees_it_in_the_history_and_the_chart()
    {
        var page = await host.SignedInPageAsync("ben.harris@brightline.example");
        await page.GotoAsync("/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brightline 2026" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tickets resolved within 4 hours" }).ClickAsync();
        await page.WaitForURLAsync("**/kpis/*");
        var pointsBefore = await page.Locator("#trend-chart circle.point").CountAsync();

        await page.GetByLabel("Date").FillAsync("2026-02-27");
        await page.GetByLabel("Value").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save measurement" }).ClickAsync();
        Assert.Contains("value", await page.GetByRole(AriaRole.Alert).InnerTextAsync());

        await page.GetByLabel("Value").FillAsync("88.5");
        await page.GetByLabel("Note").FillAsync("Entered in the browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save measurement" }).ClickAsync();
        Assert.Contains("Measurement saved", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var row = page.Locator("#history tbody tr", new() { HasText = "Entered in the browser" });
        Assert.Contains("2026-02-27", await row.InnerTextAsync());
        Assert.Contains("88.5", await row.InnerTextAsync());
        Assert.Equal(pointsBefore + 1, await page.Locator("#trend-chart circle.point").CountAsync());
        Assert.Equal(1, await page.Locator("#trend-chart circle.point[data-date='2026-02-27'][data-value='88.5']").CountAsync());

        // Someone who neither owns the KPI nor edits the scorecard gets no form.
        var other = await host.SignedInPageAsync("tomas.novak@brightline.example");
        await other.GotoAsync(page.Url);
        Assert.Equal(0, await other.Locator("#measurement-form").CountAsync());
    }
}
