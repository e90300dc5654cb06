using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Strategy;

/// <summary>Issue 10, point 1: an administrator builds a unit's scorecard only by clicking and typing.</summary>
public sealed class ScorecardBuilderFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task An_admin_builds_a_unit_scorecard_with_perspectives_objectives_KPIs_a_link_and_an_initiative()
    {
        var page = await host.SignedInPageAsync("maya.lindqvist@brightline.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy", Exact = true }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/scorecards");
        await page.GetByRole(AriaRole.Link, new() { Name = "New scorecard" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/scorecards/new");
        await page.PickUnitAsync("Org unit", "Engineer", "Brightline/Engineering");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Engineering 2027");
        await page.GetByLabel("Period from").FillAsync("2027-01-01");
        await page.GetByLabel("Period to").FillAsync("2027-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the scorecard" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**/edit");

        foreach (var perspective in new[] { "Reliability", "Talent" })
        {
            await page.GetByLabel("Perspective name", new() { Exact = true }).FillAsync(perspective);
            await page.GetByLabel("Perspective weight", new() { Exact = true }).FillAsync("1");
            await Submit(page, "Add the perspective", "Perspective added.");
        }

        foreach (var (objective, perspective) in new[] { ("Run a reliable platform", "Reliability"), ("Grow strong engineers", "Talent"), ("Delight developers", "Customer") })
        {
            await page.GetByLabel("Objective name", new() { Exact = true }).FillAsync(objective);
            await page.GetByLabel("Perspective", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = perspective });
            await page.PickPersonAsync("Objective owner", "Daniel Okafor");
            await page.GetByLabel("Objective weight", new() { Exact = true }).FillAsync("1");
            await Submit(page, "Add the objective", "Objective added.");
        }

        // A target equal to the baseline is refused beside the target field, the typed values kept.
        await FillKpi(page, "Run a reliable platform", "Availability", "%", "99.5", "99.5");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Add the KPI" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/edit/kpi"));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Assertions.Expect(page.Locator("#kpi .field-error")).ToContainTextAsync("equals the baseline");
        await Assertions.Expect(page.GetByLabel("KPI name", new() { Exact = true })).ToHaveValueAsync("Availability");
        await page.GetByLabel("Target", new() { Exact = true }).FillAsync("99.9");
        await Submit(page, "Add the KPI", "KPI added.");
        foreach (var (objective, kpi, unit, baseline, target) in new[]
                 {
                     ("Run a reliable platform", "Incidents per month", "count", "8", "3"),
                     ("Grow strong engineers", "Training hours", "h", "10", "40"),
                     ("Delight developers", "Developer satisfaction", "score", "3.2", "4.2"),
                 })
        {
            await FillKpi(page, objective, kpi, unit, baseline, target);
            if (kpi == "Incidents per month") await page.GetByLabel("Direction").SelectOptionAsync("decrease");
            await Submit(page, "Add the KPI", "KPI added.");
        }

        await page.GetByLabel("Cause (objective)").SelectOptionAsync(new SelectOptionValue { Label = "Run a reliable platform" });
        await page.GetByLabel("Effect (objective)").SelectOptionAsync(new SelectOptionValue { Label = "Delight developers" });
        await page.GetByLabel("Hypothesis").FillAsync("A reliable platform lets developers ship without firefighting.");
        await Submit(page, "Add the link", "Link added.");

        await page.GetByLabel("Objective served").SelectOptionAsync(new SelectOptionValue { Label = "Run a reliable platform" });
        await page.GetByLabel("Initiative name", new() { Exact = true }).FillAsync("Multi-region failover");
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync("2027-02-01");
        await page.GetByLabel("End", new() { Exact = true }).FillAsync("2027-09-30");
        await page.GetByLabel("Budget").FillAsync("120000");
        await Submit(page, "Add the initiative", "Initiative added.");

        await page.GetByRole(AriaRole.Link, new() { Name = "back to the scorecard" }).ClickAsync();
        var tree = page.Locator("#scorecard-tree");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Engineering 2027");
        foreach (var text in new[] { "Reliability", "Talent", "Run a reliable platform", "Grow strong engineers", "Delight developers",
                     "Availability", "Incidents per month", "Training hours", "Developer satisfaction", "Daniel Okafor" })
            await Assertions.Expect(tree).ToContainTextAsync(text);
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy map" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("A reliable platform lets developers ship without firefighting.");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Initiatives" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Multi-region failover");
    }

    private static async Task FillKpi(IPage page, string objective, string name, string unit, string baseline, string target)
    {
        await page.GetByLabel("Objective measured").SelectOptionAsync(new SelectOptionValue { Label = objective });
        await page.GetByLabel("KPI name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
        await page.GetByLabel("Baseline", new() { Exact = true }).FillAsync(baseline);
        await page.GetByLabel("Target", new() { Exact = true }).FillAsync(target);
        await page.GetByLabel("Update interval").SelectOptionAsync("monthly");
    }

    private static async Task Submit(IPage page, string button, string done)
    {
        // The form posts, then the edit page loads again with the notice; wait for that page, not the old one.
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync(),
            r => r.Request.Method == "GET" && r.Url.Contains("/edit?done="));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync(done);
    }
}
