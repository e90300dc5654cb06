using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Strategy;

public sealed class StrategyFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task The_scorecard_page_shows_perspectives_objectives_and_KPIs_with_status_and_health()
    {
        var page = await host.SignedInPageAsync("tomas.novak@brightline.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy", Exact = true }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brightline 2026" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/scorecards/*");

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
        await page.WaitForUrlExplainedAsync("**/map");

        var map = page.Locator("svg#strategy-map");
        Assert.Equal(4, await map.Locator("g.band").CountAsync());
        Assert.Equal(10, await map.Locator("g.objective").CountAsync());
        Assert.Equal(9, await map.Locator("g.link polyline").CountAsync());
        Assert.True((await map.BoundingBoxAsync())!.Height > 200);

        // From the layout's coordinates as drawn: no arrow passes through a box other than touching its own two
        // ends, and every numbered label is visible (inside the map, on no box, on no other label).
        var boxes = await map.EvaluateAsync<double[][]>("svg => [...svg.querySelectorAll('g.objective')].map(g => ['x','y','width','height'].map(k => +g.dataset[k]))");
        var ends = await map.EvaluateAsync<string[][]>("svg => [...svg.querySelectorAll('g.link')].map(g => [g.querySelector('polyline').getAttribute('points')])");
        var labels = await map.EvaluateAsync<double[][]>("svg => [...svg.querySelectorAll('circle.link-label')].map(c => [+c.getAttribute('cx'), +c.getAttribute('cy'), +c.getAttribute('r')])");
        Assert.Equal(10, boxes.Length);
        Assert.Equal(9, labels.Length);
        foreach (var polyline in ends.Select(e => e[0]))
        {
            var points = polyline.Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
            for (var i = 0; i + 1 < points.Count; i++)
            {
                // Shorten the first and last segments by 2 units: they end on their own boxes' borders.
                var (a, b) = (points[i], points[i + 1]);
                var (ax, ay, bx, by) = (a[0], a[1], b[0], b[1]);
                var length = Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
                var (ux, uy) = ((bx - ax) / length, (by - ay) / length);
                if (i == 0) (ax, ay) = (ax + (2 * ux), ay + (2 * uy));
                if (i + 2 == points.Count) (bx, by) = (bx - (2 * ux), by - (2 * uy));
                Assert.All(boxes, box => Assert.False(SegmentHitsBox(ax, ay, bx, by, box), $"an arrow ({polyline}) crosses the box at {box[0]},{box[1]}"));
            }
        }

        foreach (var label in labels)
        {
            Assert.All(boxes, box => Assert.False(label[0] + label[2] > box[0] && label[0] - label[2] < box[0] + box[2]
                && label[1] + label[2] > box[1] && label[1] - label[2] < box[1] + box[3], "a link label is under a box"));
            Assert.Equal(1, labels.Count(o => Math.Abs(o[0] - label[0]) < 2 * label[2] && Math.Abs(o[1] - label[1]) < 2 * label[2]));
        }
        var hypotheses = await page.Locator("#hypotheses").InnerTextAsync();
        Assert.Contains("Faster onboarding reduces early churn.", hypotheses);
        Assert.Contains("not yet supported", hypotheses);
        Assert.Contains("r = ", hypotheses);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LiveHost.ArtifactPath("strategy-map.png"), FullPage = true });
    }

    private static bool SegmentHitsBox(double ax, double ay, double bx, double by, double[] box)
    {
        // Liang–Barsky: the segment hits the rectangle when a non-empty parameter interval remains.
        double t0 = 0, t1 = 1;
        var (dx, dy) = (bx - ax, by - ay);
        foreach (var (p, q) in new[] { (-dx, ax - box[0]), (dx, box[0] + box[2] - ax), (-dy, ay - box[1]), (dy, box[1] + box[3] - ay) })
        {
            if (p == 0)
            {
                if (q < 0) return false;
                continue;
            }

            var t = q / p;
            if (p < 0) t0 = Math.Max(t0, t);
            else t1 = Math.Min(t1, t);
            if (t0 > t1) return false;
        }

        return true;
    }

    [Fact]
    public async Task A_KPI_owner_enters_a_measurement_and_sees_it_in_the_history_and_the_chart()
    {
        var page = await host.SignedInPageAsync("ben.harris@brightline.example");
        await page.GotoAsync("/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brightline 2026" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tickets resolved within 4 hours" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/kpis/*");
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
