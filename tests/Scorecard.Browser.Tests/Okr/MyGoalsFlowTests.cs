using System.Globalization;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Okr;

public sealed class MyGoalsFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task An_employee_creates_a_goal_picks_a_suggested_parent_adds_a_key_result_and_checks_in()
    {
        const string title = "Cut deployment time for the platform build pipeline";
        var page = await host.SignedInPageAsync("lukas.schmidt@brightline.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "My goals", Exact = true }).First.ClickAsync();
        await page.WaitForUrlExplainedAsync("**/okr/my-goals");

        await page.GetByLabel("Objective", new() { Exact = true }).FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create objective" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=created**");
        var card = page.Locator("section.okr-objective", new() { HasText = title });
        Assert.Contains("not connected", await card.Locator(".okr-los").InnerTextAsync());

        // Suggestions are ranked by similarity, best first, with their scores.
        var suggestions = card.Locator(".okr-suggestion");
        Assert.True(await suggestions.CountAsync() >= 3);
        var scores = new List<double>();
        foreach (var score in await card.Locator(".okr-score").AllInnerTextsAsync()) scores.Add(double.Parse(score, CultureInfo.InvariantCulture));
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(scores[0] > 0);
        var best = await suggestions.First.Locator(".okr-suggestion-title").InnerTextAsync();
        await suggestions.First.GetByRole(AriaRole.Button, new() { Name = "Support" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=parent**");
        card = page.Locator("section.okr-objective", new() { HasText = title });
        var lineOfSight = await card.Locator(".okr-los").InnerTextAsync();
        Assert.DoesNotContain("not connected", lineOfSight);
        Assert.Contains(best, lineOfSight);

        await card.GetByLabel("Key result", new() { Exact = true }).FillAsync("Cut deployment time from 40 to 15 minutes");
        await card.GetByLabel("Start").FillAsync("40");
        await card.GetByLabel("Target").FillAsync("15");
        await card.GetByLabel("Unit").FillAsync("min");
        await card.GetByRole(AriaRole.Button, new() { Name = "Add key result" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=kr**");
        card = page.Locator("section.okr-objective", new() { HasText = title });
        Assert.Equal("no data", await card.Locator(".okr-kr-progress").InnerTextAsync());

        await card.GetByLabel("Value for Cut deployment time from 40 to 15 minutes").FillAsync("27.5");
        await card.GetByLabel("Comment for Cut deployment time from 40 to 15 minutes").FillAsync("New cache in place");
        await card.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=checkin**");
        card = page.Locator("section.okr-objective", new() { HasText = title });

        // (27.5 − 40) / (15 − 40) = 50 %
        Assert.Equal("50 %", await card.Locator(".okr-kr-progress").InnerTextAsync());
        Assert.Equal("50 %", await card.Locator(".okr-pct").First.InnerTextAsync());
        Assert.Contains("Check-in recorded.", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        var shot = LiveHost.ArtifactPath("okr-my-goals.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
    }
}
