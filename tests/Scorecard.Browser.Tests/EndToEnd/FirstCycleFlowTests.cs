using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.EndToEnd;

/// <summary>
/// Issue 10, done-when: on an empty install, a company goes from setup to an acknowledged review only by clicking and
/// typing — strategy (a scorecard and company OKRs), a department's OKR, a personal goal with a check-in, a review
/// template and cycle, the self-review, the manager's review, phase control with confirmation, calibration, release.
/// </summary>
public sealed class FirstCycleFlowTests(EmptyInstallLiveHost host) : IClassFixture<EmptyInstallLiveHost>
{
    private const string Password = "Chosen-By-Them-2026";
    private const string CompanyObjective = "Win the mid-market with a reliable product";
    private const string TeamObjective = "Make every release reliable and fast";
    private const string PersonalGoal = "Automate the release checks of the billing service";
    private const string CycleName = "2026 year-end review";

    [Fact]
    public async Task From_setup_to_an_acknowledged_review_through_strategy_goals_and_a_calibrated_cycle()
    {
        // The administrator sets the company up and imports the people; Hana becomes HR; everyone is invited.
        var ada = await host.NewPageAsync();
        await ada.GotoAsync("/");
        await ada.GetByLabel("E-mail").FillAsync(EmptyInstallLiveHost.AdminEmail);
        await ada.GetByLabel("Password").FillAsync(EmptyInstallLiveHost.AdminPassword);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ada.WaitForUrlExplainedAsync("**/setup");
        await ada.GetByLabel("Company name").FillAsync("Acme");
        await ada.GetByLabel("Your name").FillAsync("Ada Admin");
        await ada.GetByLabel("Your job title").FillAsync("Chief Executive");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ada.WaitForUrlExplainedAsync("**/setup/people");
        await ada.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Import people" }).ClickAsync();
        await ada.WaitForUrlExplainedAsync("**/directory/import");
        await ada.GetByLabel("…or paste CSV").FillAsync(
            "email,name,jobTitle,orgUnit,managerEmail,hireDate\n" +
            $"hana.berg@acme.example,Hana Berg,Head of People,People,{EmptyInstallLiveHost.AdminEmail},2019-02-01\n" +
            $"dan.head@acme.example,Dan Head,Head of Engineering,Engineering,{EmptyInstallLiveHost.AdminEmail},2018-05-14\n" +
            "eve.dev@acme.example,Eve Developer,Software engineer,Engineering,dan.head@acme.example,2022-09-01\n" +
            "finn.dev@acme.example,Finn Developer,Software engineer,Engineering,dan.head@acme.example,2023-03-06\n");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        Assert.Contains("4 created", await ada.GetByRole(AriaRole.Status).InnerTextAsync());

        await ada.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Directory" }).ClickAsync();
        await ada.GetByRole(AriaRole.Link, new() { Name = "Hana Berg" }).ClickAsync();
        await ada.WaitForUrlExplainedAsync("**/people/*");
        await ada.GetByLabel("HR", new() { Exact = true }).CheckAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        Assert.Contains("Roles saved", await ada.GetByRole(AriaRole.Status).First.InnerTextAsync());
        await ada.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Invite" }).ClickAsync();
        await ada.WaitForUrlExplainedAsync("**/people/invite");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Invite everyone without an account" }).ClickAsync();
        var invited = ada.Locator("#invited");
        async Task<string> LinkFor(string email) => await invited.Locator("tr", new() { HasText = email }).GetByRole(AriaRole.Link).InnerTextAsync();
        var (hanaLink, danLink, eveLink) = (await LinkFor("hana.berg@acme.example"), await LinkFor("dan.head@acme.example"), await LinkFor("eve.dev@acme.example"));
        var hana = await AcceptInvitationAsync(hanaLink);
        var dan = await AcceptInvitationAsync(danLink);
        var eve = await AcceptInvitationAsync(eveLink);

        await BuildCompanyScorecardAsync(ada);
        await CreateObjectiveAsync(ada, "company", null, CompanyObjective, null);
        await AddKeyResultAsync(ada, "Sign 40 new mid-market customers", "0", "40", "customers");
        await CreateObjectiveAsync(ada, "company", null, "Grow a team people recommend", null);
        await AddKeyResultAsync(ada, "Raise the eNPS from 12 to 30", "12", "30", "points");

        // The head of Engineering adds his team's OKR under the first company objective.
        await CreateObjectiveAsync(dan, "team", ("engin", "Acme/Engineering"), TeamObjective, CompanyObjective);
        await AddKeyResultAsync(dan, "Cut failed releases from 9 to 2 a quarter", "9", "2", "releases");
        Assert.Contains(CompanyObjective, await dan.Locator(".okr-los").InnerTextAsync());

        // Eve writes her goal under the team's and checks in on My goals.
        await CreateObjectiveAsync(eve, "individual", null, PersonalGoal, TeamObjective);
        await AddKeyResultAsync(eve, "Automate 12 release checks", "0", "12", "checks");
        await eve.GetByRole(AriaRole.Link, new() { Name = "My goals", Exact = true }).First.ClickAsync();
        await eve.WaitForUrlExplainedAsync("**/okr/my-goals");
        var card = eve.Locator("section.okr-objective", new() { HasText = PersonalGoal });
        await card.GetByLabel("Value for Automate 12 release checks").FillAsync("3");
        await card.GetByLabel("Comment for Automate 12 release checks").FillAsync("Smoke tests and schema checks run on every build");
        await card.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await eve.WaitForUrlExplainedAsync("**done=checkin**");
        card = eve.Locator("section.okr-objective", new() { HasText = PersonalGoal });
        Assert.Equal("25 %", await card.Locator(".okr-kr-progress").InnerTextAsync());
        Assert.Contains(TeamObjective, await card.Locator(".okr-los").InnerTextAsync());

        // HR builds the template and the cycle for Engineering, previews it and launches it.
        var cycleUrl = await LaunchCycleAsync(hana);

        // Eve writes her self-review.
        var eveReview = await OpenMyReviewAsync(eve);
        await eve.GetByLabel("What did you achieve?").FillAsync("Automated the first release checks of the billing service.");
        await eve.GetByLabel("Where will you grow?").FillAsync("Owning incident reviews.");
        await eve.GetByRole(AriaRole.Button, new() { Name = "Save self-review" }).ClickAsync();
        await Assertions.Expect(eve.GetByRole(AriaRole.Status)).ToContainTextAsync("Self-review saved");

        // HR leaves the self and peer phases through the confirmation page.
        await AdvanceAsync(hana, cycleUrl, "self", "peer");
        await AdvanceAsync(hana, cycleUrl, "peer", "manager");

        // Dan writes and submits Eve's review.
        await dan.GotoAsync("/reviews");
        await dan.Locator("#reviews-i-write").GetByRole(AriaRole.Link, new() { Name = "Eve Developer" }).ClickAsync();
        await dan.WaitForUrlExplainedAsync("**/reviews/*");
        Assert.Contains("Automated the first release checks", await dan.Locator("main").InnerTextAsync());   // her self-review, beside his form
        foreach (var competency in new[] { "Delivery", "Collaboration" })
            await dan.GetByLabel(competency, new() { Exact = true }).SelectOptionAsync("4");
        await dan.GetByLabel("Overall rating").SelectOptionAsync("4");
        await dan.GetByLabel("Narrative").FillAsync("Eve automated the billing release checks; failed releases are down.");
        await dan.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        Assert.Equal("Review submitted.", await dan.GetByRole(AriaRole.Status).InnerTextAsync());

        // HR moves to calibration (Finn's review is listed as not started), changes Eve's rating with a reason, moves to sign-off.
        await hana.GotoAsync(cycleUrl);
        await hana.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        Assert.Contains("Finn Developer", await hana.Locator("#open-work").InnerTextAsync());
        await hana.Locator("#confirm-advance").ClickAsync();
        Assert.Equal("calibration", await hana.Locator("#phase").InnerTextAsync());
        await hana.GotoAsync(cycleUrl + "/calibration");
        await hana.GetByLabel("New rating for Eve Developer").SelectOptionAsync("3");
        await hana.GetByLabel("Reason for Eve Developer").FillAsync("Calibrated against the other senior engineers' delivery.");
        await hana.Locator("form", new() { Has = hana.GetByLabel("Reason for Eve Developer") }).GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Status)).ToContainTextAsync("Rating changed from 4 to 3");
        await AdvanceAsync(hana, cycleUrl, "calibration", "signoff");
        await hana.GotoAsync(eveReview);
        await hana.GetByRole(AriaRole.Button, new() { Name = "Release to Eve Developer" }).ClickAsync();
        Assert.Equal("Review released to the employee.", await hana.GetByRole(AriaRole.Status).InnerTextAsync());

        // Eve reads the calibrated review and acknowledges it.
        await OpenMyReviewAsync(eve);
        Assert.Contains("3", await eve.Locator("#overall-rating").InnerTextAsync());
        await eve.GetByLabel("Your comment (optional)").FillAsync("Thanks, agreed.");
        await eve.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        Assert.Equal("Review acknowledged. It is now locked.", await eve.GetByRole(AriaRole.Status).InnerTextAsync());
        await eve.ScreenshotAsync(new() { Path = LiveHost.ArtifactPath("first-cycle-acknowledged.png"), FullPage = true });
    }

    /// <summary>An invited person opens their link in their own browser and sets a password.</summary>
    private async Task<IPage> AcceptInvitationAsync(string link)
    {
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.BaseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("Repeat the password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await page.WaitForUrlExplainedAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    /// <summary>The company scorecard: two perspectives, three objectives, four KPIs, a link with its hypothesis, an initiative.</summary>
    private static async Task BuildCompanyScorecardAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy", Exact = true }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "New scorecard" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/scorecards/new");
        await page.PickUnitAsync("Org unit", "Acm", "Acme");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Acme 2026");
        await page.GetByLabel("Period from").FillAsync("2026-01-01");
        await page.GetByLabel("Period to").FillAsync("2026-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the scorecard" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/edit");

        // It starts with the four classic perspectives; this company keeps two.
        foreach (var perspective in new[] { "Financial", "Internal Process" })
            await Submit(page, page.Locator($"form[data-perspective-form='{perspective}']").GetByRole(AriaRole.Button, new() { Name = "Delete" }), "Perspective deleted.");

        foreach (var (objective, perspective) in new[] { ("Delight mid-market customers", "Customer"), ("Ship reliably", "Customer"), ("Grow our people", "Learning & Growth") })
        {
            await page.GetByLabel("Objective name", new() { Exact = true }).FillAsync(objective);
            await page.GetByLabel("Perspective", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = perspective });
            await page.PickPersonAsync("Objective owner", "Dan Head");
            await page.GetByLabel("Objective weight", new() { Exact = true }).FillAsync("1");
            await Submit(page, "Add the objective", "Objective added.");
        }

        foreach (var (objective, kpi, unit, baseline, target) in new[]
                 {
                     ("Delight mid-market customers", "Net promoter score", "points", "20", "40"),
                     ("Delight mid-market customers", "Mid-market customers", "count", "120", "160"),
                     ("Ship reliably", "Failed releases per quarter", "count", "9", "2"),
                     ("Grow our people", "Employee NPS", "points", "12", "30"),
                 })
        {
            await page.GetByLabel("Objective measured").SelectOptionAsync(new SelectOptionValue { Label = objective });
            await page.GetByLabel("KPI name", new() { Exact = true }).FillAsync(kpi);
            await page.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
            await page.GetByLabel("Baseline", new() { Exact = true }).FillAsync(baseline);
            await page.GetByLabel("Target", new() { Exact = true }).FillAsync(target);
            await page.GetByLabel("Update interval").SelectOptionAsync("quarterly");
            if (kpi.StartsWith("Failed", StringComparison.Ordinal)) await page.GetByLabel("Direction").SelectOptionAsync("decrease");
            await Submit(page, "Add the KPI", "KPI added.");
        }

        await page.GetByLabel("Cause (objective)").SelectOptionAsync(new SelectOptionValue { Label = "Ship reliably" });
        await page.GetByLabel("Effect (objective)").SelectOptionAsync(new SelectOptionValue { Label = "Delight mid-market customers" });
        await page.GetByLabel("Hypothesis").FillAsync("Fewer failed releases keep mid-market customers promoting us.");
        await Submit(page, "Add the link", "Link added.");

        await page.GetByLabel("Objective served").SelectOptionAsync(new SelectOptionValue { Label = "Ship reliably" });
        await page.GetByLabel("Initiative name", new() { Exact = true }).FillAsync("Automated release checks");
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync("2026-03-01");
        await page.GetByLabel("End", new() { Exact = true }).FillAsync("2026-12-15");
        await Submit(page, "Add the initiative", "Initiative added.");

        await page.GetByRole(AriaRole.Link, new() { Name = "back to the scorecard" }).ClickAsync();
        var tree = page.Locator("#scorecard-tree");
        foreach (var text in new[] { "Customer", "Learning & Growth", "Ship reliably", "Failed releases per quarter", "Employee NPS", "Dan Head" })
            await Assertions.Expect(tree).ToContainTextAsync(text);
        Assert.DoesNotContain("Financial", await tree.InnerTextAsync());
    }

    private static Task Submit(IPage page, string button, string done) => Submit(page, page.GetByRole(AriaRole.Button, new() { Name = button }), done);

    private static async Task Submit(IPage page, ILocator button, string done)
    {
        // The form posts, then the edit page loads again with the notice; wait for that page, not the old one.
        await page.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => r.Request.Method == "GET" && r.Url.Contains("/edit?done="));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync(done);
    }

    private static async Task CreateObjectiveAsync(IPage page, string level, (string Typed, string Path)? unit, string title, string? parent)
    {
        await page.GotoAsync("/okr/objectives/new");
        await page.GetByLabel("Level").SelectOptionAsync(level);
        if (unit is { } u) await page.PickUnitAsync("Unit (department or team objectives)", u.Typed, u.Path);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        if (parent is not null)
        {
            var option = await page.Locator("#okr-parent option", new() { HasText = parent }).InnerTextAsync();
            await page.GetByLabel("Supports (parent)").SelectOptionAsync(new SelectOptionValue { Label = option.Trim() });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Create objective" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=created**");
    }

    private static async Task AddKeyResultAsync(IPage page, string title, string start, string target, string unit)
    {
        if (await page.Locator("details.okr-add-kr[open]").CountAsync() == 0) await page.Locator("details.okr-add-kr summary").ClickAsync();
        var form = page.Locator("details.okr-add-kr form");
        await form.GetByLabel("Key result", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("Start", new() { Exact = true }).FillAsync(start);
        await form.GetByLabel("Target", new() { Exact = true }).FillAsync(target);
        await form.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add key result" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=kr**");
    }

    private static async Task<string> LaunchCycleAsync(IPage hana)
    {
        await hana.GotoAsync("/reviews");
        await hana.Locator("#review-templates").ClickAsync();
        await hana.Locator("#new-template").ClickAsync();
        await hana.GetByLabel("Name", new() { Exact = true }).FillAsync("Year-end review");
        await hana.GetByLabel("Section 1 title").FillAsync("Competencies");
        await hana.GetByLabel("Section 1 kind").SelectOptionAsync("competencies");
        await hana.GetByLabel("Section 1 weight").FillAsync("100");
        await hana.GetByLabel("Section 1 items, one per line").FillAsync(
            "Delivery | Misses commitments | Partly delivers | Delivers | Delivers early | Sets the pace\nCollaboration");
        await hana.GetByLabel("Section 2 title").FillAsync("Reflection");
        await hana.GetByLabel("Section 2 kind").SelectOptionAsync("questions");
        await hana.GetByLabel("Section 2 weight").FillAsync("0");
        await hana.GetByLabel("Section 2 items, one per line").FillAsync("What did you achieve?\nWhere will you grow?");
        await hana.Locator("#save-template").ClickAsync();
        await hana.GetByText("Template saved.").WaitForAsync();

        await hana.GotoAsync("/reviews");
        await hana.Locator("#new-cycle").ClickAsync();
        await hana.GetByLabel("Name", new() { Exact = true }).FillAsync(CycleName);
        await hana.GetByLabel("Period from").FillAsync("2026-01-01");
        await hana.GetByLabel("Period to").FillAsync("2026-12-31");
        await hana.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = "Year-end review" });
        await hana.PickUnitAsync("Units (with their sub-units)", "eng", "Acme/Engineering");
        await hana.GetByLabel("self deadline").FillAsync("2026-12-10");
        await hana.GetByLabel("peer deadline").FillAsync("2026-12-15");
        await hana.GetByLabel("manager deadline").FillAsync("2026-12-20");
        await hana.Locator("#create-cycle").ClickAsync();
        await hana.WaitForUrlExplainedAsync("**/reviews/cycles/*");
        Assert.Equal("3", await hana.Locator("#preview-count").InnerTextAsync());   // Dan, Eve and Finn
        Assert.Contains("Dan Head", await hana.Locator("#preview-participants").GetByRole(AriaRole.Row, new() { Name = "Eve Developer" }).InnerTextAsync());
        await hana.Locator("#launch-cycle").ClickAsync();
        await hana.GetByText("Launched: 3 review(s) created").WaitForAsync();
        return new Uri(hana.Url).GetLeftPart(UriPartial.Path);
    }

    private static async Task AdvanceAsync(IPage hana, string cycleUrl, string from, string to)
    {
        await hana.GotoAsync(cycleUrl);
        Assert.Equal(from, await hana.Locator("#phase").InnerTextAsync());
        await hana.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        await hana.Locator("#confirm-advance").ClickAsync();
        Assert.Equal(to, await hana.Locator("#phase").InnerTextAsync());
    }

    private static async Task<string> OpenMyReviewAsync(IPage page)
    {
        await page.GotoAsync("/reviews");
        await page.Locator("#my-reviews").GetByRole(AriaRole.Link, new() { Name = CycleName }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/reviews/*");
        return page.Url;
    }
}
