using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Reviews;

public sealed class ReviewFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task A_manager_writes_a_review_beside_the_evidence_HR_releases_it_and_the_employee_acknowledges()
    {
        // The demo cycle is in the manager phase; Kevin Murphy has not started Lena Vogel's review.
        var kevin = await host.SignedInPageAsync("kevin.murphy@brightline.example");
        await kevin.GotoAsync("/reviews");
        await kevin.Locator("#reviews-i-write").GetByRole(AriaRole.Link, new() { Name = "Lena Vogel" }).ClickAsync();
        await kevin.WaitForUrlExplainedAsync("**/reviews/*");
        var reviewUrl = kevin.Url;

        var evidence = kevin.Locator("#evidence");
        Assert.Contains("Closed 11 new mid-market accounts in Q3", await evidence.InnerTextAsync());
        Assert.Contains("22 Sept 2026", (await evidence.InnerTextAsync()).Replace("Sep ", "Sept "));
        Assert.Contains("1 Jul 2026", await evidence.InnerTextAsync());   // the whole period in view
        Assert.True(await evidence.Locator("svg.timeline circle").CountAsync() >= 3);

        foreach (var competency in new[] { "Delivery", "Collaboration", "Craft", "Ownership" })
            await kevin.GetByLabel(competency, new() { Exact = true }).SelectOptionAsync("4");
        await kevin.GetByLabel("Overall rating").SelectOptionAsync("4");
        await kevin.GetByLabel("Potential").SelectOptionAsync("2");
        await kevin.GetByLabel("Narrative").FillAsync("Closed 11 new mid-market accounts in Q3, 140 % of quota.");
        await kevin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        Assert.Equal("Draft saved.", await kevin.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Closed 11 new mid-market accounts in Q3, 140 % of quota.", await kevin.GetByLabel("Narrative").InputValueAsync());

        var shot = LiveHost.ArtifactPath("review-with-evidence.png");
        await kevin.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);

        await kevin.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        Assert.Equal("Review submitted.", await kevin.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("submitted", await kevin.Locator("#manager-status").InnerTextAsync());

        // HR moves the cycle through calibration to sign-off and releases the review.
        var sara = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await sara.GotoAsync("/reviews");
        await sara.Locator("#cycles").GetByRole(AriaRole.Link, new() { Name = "H2 2026 review" }).ClickAsync();
        await sara.WaitForUrlExplainedAsync("**/reviews/cycles/*");
        await sara.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        // The confirmation page lists what the manager phase leaves open, by manager, before anything moves.
        Assert.Equal("manager", await sara.Locator("#phase").InnerTextAsync());
        Assert.True(await sara.Locator("#open-work tbody tr").CountAsync() > 0);
        await sara.Locator("#confirm-advance").ClickAsync();
        Assert.Equal("calibration", await sara.Locator("#phase").InnerTextAsync());
        await sara.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        await sara.Locator("#confirm-advance").ClickAsync();
        Assert.Equal("signoff", await sara.Locator("#phase").InnerTextAsync());
        await sara.GotoAsync(reviewUrl);
        await sara.GetByRole(AriaRole.Button, new() { Name = "Release to Lena Vogel" }).ClickAsync();
        Assert.Equal("Review released to the employee.", await sara.GetByRole(AriaRole.Status).InnerTextAsync());

        // Lena reads the review and acknowledges it with a comment; then it is locked.
        var lena = await host.SignedInPageAsync("lena.vogel@brightline.example");
        await lena.GotoAsync("/reviews");
        await lena.Locator("#my-reviews").GetByRole(AriaRole.Link, new() { Name = "H2 2026 review" }).ClickAsync();
        Assert.Contains("4 — Exceeds expectations", await lena.Locator("#overall-rating").InnerTextAsync());
        Assert.Equal(0, await lena.Locator("#evidence").CountAsync());
        await lena.GetByLabel("Your comment (optional)").FillAsync("Thanks — agreed on the Q1 pipeline goals.");
        await lena.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        Assert.Equal("Review acknowledged. It is now locked.", await lena.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Thanks — agreed on the Q1 pipeline goals.", await lena.Locator("#acknowledgement").InnerTextAsync());
        Assert.Equal(0, await lena.Locator("#acknowledge-form").CountAsync());
    }

    [Fact]
    public async Task HR_sees_the_calibration_distribution_and_the_9_box()
    {
        var sara = await host.SignedInPageAsync("omar.haddad@brightline.example");
        await sara.GotoAsync("/reviews");
        await sara.Locator("#cycles").GetByRole(AriaRole.Link, new() { Name = "Calibration" }).First.ClickAsync();
        Assert.True(await sara.Locator("#by-manager svg rect").CountAsync() > 3);
        Assert.Contains("Priya Raman", await sara.Locator("#by-manager").InnerTextAsync());
        Assert.Contains("Support", await sara.Locator("#by-department").InnerTextAsync());
        Assert.Equal(9, await sara.Locator("#ninebox .cell").CountAsync());
        Assert.Contains("Tomas Novak", await sara.Locator("#ninebox .perf-3.pot-3").InnerTextAsync());
    }

    [Fact]
    public async Task Writing_vague_feedback_shows_a_nudge_and_public_praise_reaches_the_wall()
    {
        var page = await host.SignedInPageAsync("raj.patel@brightline.example");
        await page.GotoAsync("/feedback");
        await page.PickPersonAsync("To", "Leo Moreau");
        await page.GetByLabel("What did they do, and what came of it?").FillAsync("Great job, team player.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        Assert.Equal("Feedback sent.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("vague feedback", await page.Locator("#nudges").InnerTextAsync());

        await page.PickPersonAsync("To", "Ava Thompson");
        await page.GetByLabel("What did they do, and what came of it?").FillAsync("The webinar series brought 210 sign-ups and 18 demos in October.");
        await page.GetByLabel("Kind").SelectOptionAsync("praise");
        await page.GetByLabel("Who sees it").SelectOptionAsync("public");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        Assert.Equal(0, await page.Locator("#nudges").CountAsync());
        await page.GotoAsync("/feedback/wall");
        Assert.Contains("The webinar series brought 210 sign-ups", await page.Locator("#wall").InnerTextAsync());
    }
}
