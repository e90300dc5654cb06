using Microsoft.Playwright;
using Scorecard.Benchmarks.OrgScale;

namespace Scorecard.Browser.Tests.Okr;

/// <summary>
/// The alignment page on a generated organization (the benchmarks' generator, 1,000 people so that CI stays quick;
/// the benchmark runs the same page's API at 10,000): one page of findings, the next page, a code filter.
/// </summary>
public sealed class AlignmentAtScaleTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task HR_pages_through_the_alignment_findings_of_a_generated_organization_and_filters_them_by_code()
    {
        var org = await OrganizationGenerator.WriteAsync($"Data Source={host.DatabasePath}", 1_000);
        Assert.True(org.IndividualObjectives > 1_000);

        var page = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await page.GotoAsync($"/okr/alignment?period={OrganizationGenerator.Period}");
        var summary = await page.Locator("#findings-page").InnerTextAsync();
        Assert.StartsWith("Findings 1–50 of ", summary);
        var total = int.Parse(summary["Findings 1–50 of ".Length..].TrimEnd('.'));
        Assert.True(total > 100, summary);
        Assert.Equal(50, await page.Locator("#findings tbody tr").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**offset=50**");
        Assert.StartsWith("Findings 51–100 of ", await page.Locator("#findings-page").InnerTextAsync());

        await page.Locator("#finding-codes a", new() { HasTextString = "UNALIGNED" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**code=UNALIGNED**");
        Assert.Contains("with code UNALIGNED", await page.Locator("#findings-page").InnerTextAsync());
        foreach (var code in await page.Locator("#findings .okr-code").AllInnerTextsAsync()) Assert.Equal("UNALIGNED", code);
        await page.ScreenshotAsync(new() { Path = LiveHost.ArtifactPath("okr-alignment-generated.png"), FullPage = false });
    }
}
