using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>Issue 9, point 8: at 390 px (a phone) the everyday pages fit the screen and the menu collapses.</summary>
public sealed class SmallScreenTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task The_everyday_pages_fit_a_390_px_screen_without_horizontal_scrolling()
    {
        var page = await host.SignedInPageAsync("tomas.novak@brightline.example");
        await page.SetViewportSizeAsync(390, 844);
        var tomas = await page.EvaluateAsync<string>("async () => (await (await fetch('/api/v1/me')).json()).person.id");
        var review = await page.EvaluateAsync<string>($"async () => (await (await fetch('/api/v1/reviews?personId={tomas}')).json()).items[0].id");

        foreach (var path in new[] { "/", "/directory", $"/people/{tomas}", "/okr/my-goals", "/feedback", $"/reviews/{review}" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 390) await page.ScreenshotAsync(new() { Path = LiveHost.ArtifactPath($"small-screen-{path.Trim('/').Replace('/', '-')}.png"), FullPage = true });
            Assert.True(width <= 390, $"{path} is {width} px wide at a 390 px viewport");
        }
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = LiveHost.ArtifactPath("small-screen-home.png") });
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_its_button()
    {
        var page = await host.SignedInPageAsync("tomas.novak@brightline.example");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        var directory = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Directory" });
        Assert.False(await directory.IsVisibleAsync());
        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        Assert.True(await directory.IsVisibleAsync());
        await directory.ClickAsync();
        await page.WaitForUrlExplainedAsync("**/directory");
    }
}
