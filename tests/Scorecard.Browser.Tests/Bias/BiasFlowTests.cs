using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Bias;

public sealed class BiasFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task The_language_nudge_appears_under_the_feedback_textarea_while_writing_and_goes_when_the_text_is_specific()
    {
        var page = await host.SignedInPageAsync("ben.harris@brightline.example");
        await page.GotoAsync("/feedback");
        var nudge = page.Locator("#language-nudge-text");
        await page.Locator("#text").PressSequentiallyAsync("She is abrasive in meetings.");
        var finding = nudge.Locator("li[data-code='PERSONALITY_CRITICISM']");
        await finding.WaitForAsync();
        Assert.Contains("\"abrasive\"", await finding.InnerTextAsync());
        Assert.Contains("behaviour", await finding.InnerTextAsync());

        await page.Locator("#text").FillAsync("Answered 62 tickets on the day of the Contoso outage; the queue was empty by 5 pm.");
        await page.Locator("#text").PressAsync("End");
        await page.Locator("#text").PressSequentiallyAsync(" ");
        await Assertions.Expect(nudge).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_manager_opens_the_bias_check_dismisses_a_finding_with_a_reason_and_goes_back_to_the_review()
    {
        var page = await host.SignedInPageAsync("ben.harris@brightline.example");
        await page.GotoAsync("/reviews");
        var reviewLink = page.Locator("a[href^='/reviews/']", new() { HasText = "Marta Kowalska" }).First;
        var href = await reviewLink.GetAttributeAsync("href");
        await page.GotoAsync(href + "/bias-check");
        var vague = page.Locator("li.bias-finding[data-code='VAGUE_FEEDBACK']");
        await vague.GetByLabel("Why does this not apply?").FillAsync("The outcomes are in the goals section of the review.");
        await vague.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.bias-finding.dismissed[data-code='VAGUE_FEEDBACK']")).ToContainTextAsync("The outcomes are in the goals section");
        await page.Locator("#back-to-review").ClickAsync();
        await page.WaitForUrlExplainedAsync("**" + href);
    }
}
