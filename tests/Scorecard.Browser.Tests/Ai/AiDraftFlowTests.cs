using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Ai;

public sealed partial class AiDraftFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task A_manager_drafts_edits_confirms_and_submits_and_the_employee_sees_the_ai_assisted_label()
    {
        // The demo cycle is in the manager phase; Kevin Murphy has not started Lena Vogel's review.
        var kevin = await host.SignedInPageAsync("kevin.murphy@brightline.example");
        await kevin.GotoAsync("/reviews");
        await kevin.Locator("#reviews-i-write").GetByRole(AriaRole.Link, new() { Name = "Lena Vogel" }).ClickAsync();
        await kevin.WaitForUrlExplainedAsync("**/reviews/*");
        var reviewUrl = kevin.Url;

        // The evidence panel shows the person's OKR alignment findings, as context.
        Assert.Contains("Goal alignment", await kevin.Locator("#alignment-findings").InnerTextAsync());

        foreach (var competency in new[] { "Delivery", "Collaboration", "Craft", "Ownership" })
            await kevin.GetByLabel(competency, new() { Exact = true }).SelectOptionAsync("4");
        await kevin.GetByLabel("Overall rating").SelectOptionAsync("4");
        await kevin.GetByLabel("Potential").SelectOptionAsync("2");
        await kevin.GetByLabel("Narrative (your own words)").FillAsync("Lena had a strong second half.");

        // Draft: labelled AI-generated, beside the narrative, citations link into the evidence panel.
        await kevin.GetByRole(AriaRole.Button, new() { Name = "Draft a summary of the evidence with AI" }).ClickAsync();
        Assert.StartsWith("AI-generated draft ready", await kevin.GetByRole(AriaRole.Status).InnerTextAsync());
        var draft = kevin.Locator("#ai-draft");
        // The validated draft's sentences arrive progressively (server-sent events), then all are shown.
        await kevin.Locator("#ai-draft[data-streamed=\"done\"]").WaitForAsync();
        var sentences = draft.Locator(".ai-s");
        Assert.True(await sentences.CountAsync() >= 3);
        Assert.StartsWith("For the conversation, not as a judgment:", await draft.Locator(".ai-s", new() { HasText = "Goal alignment" }).First.InnerTextAsync());
        Assert.Equal(await sentences.CountAsync(), await draft.Locator(".ai-s:visible").CountAsync());
        Assert.Contains("AI-generated draft", await draft.Locator(".ai-label").InnerTextAsync());
        Assert.Equal("offline draft, no language model", await kevin.Locator("#ai-draft-source").InnerTextAsync());
        Assert.Contains("Closed 11 new mid-market accounts in Q3", await draft.InnerTextAsync());
        var citation = draft.Locator("a.citation").First;
        Assert.Matches("^[0-9]+$", await citation.InnerTextAsync()); // a numbered footnote
        var href = (await citation.GetAttributeAsync("href"))!;
        Assert.StartsWith("#", href);
        await citation.ClickAsync();
        await kevin.WaitForUrlExplainedAsync(new Regex(Regex.Escape(href) + "$"));
        Assert.Equal(1, await kevin.Locator($"#evidence [id=\"{href[1..]}\"]").CountAsync());
        Assert.Equal(4.ToString(), await kevin.GetByLabel("Overall rating").InputValueAsync()); // the manager's rating, untouched

        // Insert, then edit into the manager's own words.
        await kevin.GetByRole(AriaRole.Button, new() { Name = "Insert into narrative" }).ClickAsync();
        Assert.StartsWith("The AI-generated draft was inserted", await kevin.GetByRole(AriaRole.Status).InnerTextAsync());
        var narrative = await kevin.GetByLabel("Narrative (your own words)").InputValueAsync();
        Assert.StartsWith("Lena had a strong second half.", narrative);
        Assert.Contains("Results against goals", narrative);
        Assert.DoesNotContain("[evidence:", narrative); // plain prose: citations stay footnotes in the draft panel
        await kevin.GetByLabel("Narrative (your own words)").FillAsync("Lena had a strong second half: closed 11 new mid-market accounts in Q3, 140 % of quota.");

        // Discarding the draft afterwards does not make the inserted text unlabelled.
        await kevin.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
        Assert.Contains("stays AI-assisted", await kevin.GetByRole(AriaRole.Status).InnerTextAsync());

        var shot = LiveHost.ArtifactPath("ai-draft-beside-narrative.png");
        await kevin.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);

        // Submitting without confirming is refused, naming what is missing; confirming submits.
        await kevin.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        Assert.Contains("Confirm that you reviewed it", await kevin.GetByRole(AriaRole.Alert).InnerTextAsync());
        await kevin.GetByLabel(new Regex("I reviewed the AI-drafted text")).CheckAsync();
        await kevin.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        Assert.Equal("Review submitted.", await kevin.GetByRole(AriaRole.Status).InnerTextAsync());

        // HR moves the cycle through calibration to sign-off and releases the review.
        var sara = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await sara.GotoAsync("/reviews");
        await sara.Locator("#cycles").GetByRole(AriaRole.Link, new() { Name = "H2 2026 review" }).ClickAsync();
        await sara.WaitForUrlExplainedAsync("**/reviews/cycles/*");
        await sara.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        await sara.Locator("#confirm-advance").ClickAsync();
        await sara.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        await sara.Locator("#confirm-advance").ClickAsync();
        Assert.Equal("signoff", await sara.Locator("#phase").InnerTextAsync());
        await sara.GotoAsync(reviewUrl);
        await sara.GetByRole(AriaRole.Button, new() { Name = "Release to Lena Vogel" }).ClickAsync();
        Assert.Equal("Review released to the employee.", await sara.GetByRole(AriaRole.Status).InnerTextAsync());

        // Lena sees the AI-assisted label and can read how AI is used.
        var lena = await host.SignedInPageAsync("lena.vogel@brightline.example");
        await lena.GotoAsync(reviewUrl);
        var label = lena.Locator("#ai-assisted-label");
        Assert.StartsWith("AI-assisted", await label.InnerTextAsync());
        Assert.Contains("Lena had a strong second half: closed 11 new mid-market accounts", await lena.Locator("#manager-review").InnerTextAsync());
        await lena.ScreenshotAsync(new PageScreenshotOptions { Path = LiveHost.ArtifactPath("ai-assisted-label.png"), FullPage = true });
        await label.GetByRole(AriaRole.Link, new() { Name = "How AI is used in Scorecard" }).ClickAsync();
        await lena.WaitForUrlExplainedAsync("**/ai/transparency");
        Assert.Equal("How AI is used in Scorecard", await lena.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }
}
