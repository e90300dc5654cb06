using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Analytics;

/// <summary>Issue 14's charts in a real browser, each kept as a screenshot under artifacts/browser.</summary>
public sealed class AnalyticsChartsFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task A_KPI_chart_has_round_ticks_unclipped_labels_and_explains_progress_and_performance()
    {
        var page = await host.SignedInPageAsync("ben.harris@brightline.example");
        await page.GotoAsync("/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brightline 2026" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tickets resolved within 4 hours" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/kpis/*");

        var ticks = (await page.Locator("#trend-chart text.y-tick").AllTextContentsAsync()).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        var step = ticks[1] - ticks[0];
        Assert.All(ticks, t => Assert.Equal(0, Math.Round(t / step, 9) % 1));
        var chart = (await page.Locator("#trend-chart").BoundingBoxAsync())!;
        foreach (var label in await page.Locator("#trend-chart text").AllAsync())
        {
            var box = (await label.BoundingBoxAsync())!;
            Assert.True(box.X >= chart.X - 0.5 && box.X + box.Width <= chart.X + chart.Width + 0.5, $"'{await label.TextContentAsync()}' is clipped");
        }

        Assert.Matches(new Regex("^Trend of Tickets resolved within 4 hours: \\d+ measurements"), await page.Locator("#trend-chart").GetAttributeAsync("aria-label") ?? "");
        Assert.Contains("of the way from baseline", await page.Locator("#kpi-progress").InnerTextAsync());
        Assert.Contains("Progress measures the journey from baseline to target", await page.Locator("#kpi-explained").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LiveHost.ArtifactPath("kpi.png"), FullPage = true });
    }

    [Fact]
    public async Task The_alignment_chart_gives_every_department_its_own_row()
    {
        var page = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await page.GotoAsync("/okr/alignment?period=2026-Q4");

        var rows = page.Locator("#coverage-chart g.department");
        var count = await rows.CountAsync();
        Assert.True(count >= 5);
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var row in await rows.AllAsync()) boxes.Add((await row.BoundingBoxAsync())!);
        Assert.All(boxes.Zip(boxes.Skip(1)), pair => Assert.True(pair.First.Y + pair.First.Height <= pair.Second.Y + 0.5, "department rows overlap"));
        Assert.StartsWith("Goal mix per department", await page.Locator("#coverage-chart").GetAttributeAsync("aria-label"));
        Assert.Contains("ACHIEVED_AHEAD_OF_CHILDREN", await page.Locator("#findings").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LiveHost.ArtifactPath("alignment.png"), FullPage = true });
    }

    [Fact]
    public async Task HR_moves_a_person_between_9_box_cells_with_a_reason_as_a_calibration_change()
    {
        var sara = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await sara.GotoAsync("/reviews");
        await sara.Locator("#cycles").GetByRole(AriaRole.Link, new() { Name = "H2 2026 review" }).ClickAsync();
        await sara.WaitForUrlExplainedAsync("**/reviews/cycles/*");
        await sara.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        await sara.Locator("#confirm-advance").ClickAsync();
        Assert.Equal("calibration", await sara.Locator("#phase").InnerTextAsync());
        await sara.GotoAsync("/reviews");
        await sara.Locator("#cycles").GetByRole(AriaRole.Link, new() { Name = "Calibration" }).First.ClickAsync();
        await sara.WaitForUrlExplainedAsync("**/calibration");

        Assert.Equal(9, await sara.Locator("#ninebox .cell").CountAsync());
        Assert.Contains("Tomas Novak", await sara.Locator("#ninebox .perf-3.pot-3").InnerTextAsync());
        var tomas = sara.Locator("#ninebox li", new() { HasText = "Tomas Novak" });
        await tomas.Locator("summary").ClickAsync();
        await tomas.GetByLabel("Box for Tomas Novak").SelectOptionAsync("2-3");

        // Without a reason the browser refuses; with one, the move is saved as a calibration change.
        await tomas.GetByLabel("Reason for moving Tomas Novak").FillAsync("Calibration panel: strong delivery, but the Postgres upgrade slipped a quarter.");
        await tomas.GetByRole(AriaRole.Button, new() { Name = "Move Tomas Novak" }).ClickAsync();

        Assert.Contains("Moved: rating 5 → 3", await sara.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Tomas Novak", await sara.Locator("#ninebox .perf-2.pot-3").InnerTextAsync());
        Assert.DoesNotContain("Tomas Novak", await sara.Locator("#ninebox .perf-3.pot-3").InnerTextAsync());
        Assert.Contains("3 (adjusted)", await sara.Locator("#calibration-reviews tr", new() { HasText = "Tomas Novak" }).InnerTextAsync());
        await sara.ScreenshotAsync(new PageScreenshotOptions { Path = LiveHost.ArtifactPath("ninebox.png"), FullPage = true });
    }
}
