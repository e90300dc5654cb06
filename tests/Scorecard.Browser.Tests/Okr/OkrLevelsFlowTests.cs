using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Okr;

public sealed class OkrLevelsFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    private const string CompanyTitle = "Become the reference platform for mid-market finance teams";
    private const string TeamTitle = "Make the platform carry twice the mid-market load";

    [Fact]
    public async Task The_admin_creates_a_company_OKR_with_two_key_results_and_the_platform_manager_a_team_OKR_under_it()
    {
        var maya = await host.SignedInPageAsync("maya.lindqvist@brightline.example");
        await maya.GetByRole(AriaRole.Link, new() { Name = "OKRs", Exact = true }).First.ClickAsync();
        await maya.WaitForUrlExplainedAsync("**/okr/tree**");
        await maya.GetByRole(AriaRole.Link, new() { Name = "New objective" }).ClickAsync();
        await maya.WaitForUrlExplainedAsync("**/okr/objectives/new**");
        await maya.GetByLabel("Level").SelectOptionAsync("company");
        await maya.GetByLabel("Title", new() { Exact = true }).FillAsync(CompanyTitle);
        await maya.GetByRole(AriaRole.Button, new() { Name = "Create objective" }).ClickAsync();
        await maya.WaitForUrlExplainedAsync("**done=created**");

        await AddKeyResultAsync(maya, "Sign 40 new mid-market customers", "0", "40", "customers");
        await maya.Locator("details.okr-add-kr summary").ClickAsync();
        await AddKeyResultAsync(maya, "Raise net revenue retention to 115", "104", "115", "%");
        Assert.Equal(2, await maya.Locator("table.okr-krs tbody tr").CountAsync());

        var priya = await host.SignedInPageAsync("priya.raman@brightline.example");
        await priya.GetByRole(AriaRole.Link, new() { Name = "OKRs", Exact = true }).First.ClickAsync();
        await priya.WaitForUrlExplainedAsync("**/okr/tree**");
        await priya.GetByRole(AriaRole.Link, new() { Name = "New objective" }).ClickAsync();
        await priya.WaitForUrlExplainedAsync("**/okr/objectives/new**");
        await priya.GetByLabel("Level").SelectOptionAsync("team");
        await priya.PickUnitAsync("Unit (department or team objectives)", "platf", "Brightline/Engineering/Platform");
        await priya.GetByLabel("Title", new() { Exact = true }).FillAsync(TeamTitle);
        var parent = await priya.Locator("#okr-parent option", new() { HasText = CompanyTitle }).InnerTextAsync();
        await priya.GetByLabel("Supports (parent)").SelectOptionAsync(new SelectOptionValue { Label = parent.Trim() });
        await priya.GetByRole(AriaRole.Button, new() { Name = "Create objective" }).ClickAsync();
        await priya.WaitForUrlExplainedAsync("**done=created**");
        Assert.Contains(CompanyTitle, await priya.Locator(".okr-los").InnerTextAsync());

        await priya.GetByRole(AriaRole.Link, new() { Name = "Alignment tree" }).ClickAsync();
        await priya.WaitForUrlExplainedAsync("**/okr/tree**");
        var companyNode = priya.Locator("#okr-tree > li", new() { Has = priya.Locator("> span.okr-node", new() { HasText = CompanyTitle }) });
        Assert.Equal(1, await companyNode.CountAsync());
        Assert.Contains(TeamTitle, await companyNode.Locator("ul .okr-level-team").First.InnerTextAsync());
    }

    private static async Task AddKeyResultAsync(IPage page, string title, string start, string target, string unit)
    {
        var form = page.Locator("details.okr-add-kr form");
        await form.GetByLabel("Key result", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("Start", new() { Exact = true }).FillAsync(start);
        await form.GetByLabel("Target", new() { Exact = true }).FillAsync(target);
        await form.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add key result" }).ClickAsync();
        await page.WaitForUrlExplainedAsync("**done=kr**");
    }
}
