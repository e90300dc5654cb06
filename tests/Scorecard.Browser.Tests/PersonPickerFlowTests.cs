using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>Person fields search as you type (issue 13, point 7): no page lists the whole organization.</summary>
public sealed class PersonPickerFlowTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task HR_changes_a_manager_by_typing_part_of_a_name_and_choosing_with_the_keyboard()
    {
        var sara = await host.SignedInPageAsync("sara.nilsson@brightline.example");
        await sara.GotoAsync("/directory?q=tomas");
        await sara.GetByRole(AriaRole.Link, new() { Name = "Tomas Novak" }).ClickAsync();
        await sara.WaitForUrlExplainedAsync("**/people/*");

        var manager = sara.GetByRole(AriaRole.Combobox, new() { Name = "Manager", Exact = true });
        Assert.Equal("Priya Raman", await manager.InputValueAsync());
        Assert.Equal(0, await sara.Locator("select#manager option").CountAsync()); // no list of everyone in the page

        await manager.FillAsync("ben harr");
        var options = sara.Locator("#manager-options [role='option']");
        await Assertions.Expect(options).ToHaveCountAsync(1);
        Assert.StartsWith("Ben Harris", await options.First.InnerTextAsync());
        await manager.PressAsync("Enter");
        Assert.Equal("Ben Harris", await manager.InputValueAsync());
        await sara.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await sara.WaitForUrlExplainedAsync("**/people/*");
        Assert.Equal("Ben Harris", await sara.GetByRole(AriaRole.Combobox, new() { Name = "Manager", Exact = true }).InputValueAsync());
    }

    [Fact]
    public async Task A_short_search_offers_at_most_ten_people_and_says_how_many_more_match()
    {
        var page = await host.SignedInPageAsync("raj.patel@brightline.example");
        await page.GotoAsync("/feedback");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "To", Exact = true }).FillAsync("a");
        var listbox = page.Locator("#to-options");
        await Assertions.Expect(listbox.Locator("[role='option']")).ToHaveCountAsync(10);
        Assert.Matches(@"\d+ more — keep typing\.", await listbox.InnerTextAsync());
        Assert.DoesNotContain("Raj Patel", await listbox.InnerTextAsync()); // nobody gives feedback to themselves

        await page.GetByRole(AriaRole.Combobox, new() { Name = "To", Exact = true }).FillAsync("zzzz");
        await Assertions.Expect(listbox).ToContainTextAsync("No match.");
    }

    [Fact]
    public async Task A_strategy_review_takes_several_attendees_and_an_owner_per_decision_from_the_pickers()
    {
        var maya = await host.SignedInPageAsync("maya.lindqvist@brightline.example");
        await maya.GotoAsync("/scorecards");
        await maya.GetByRole(AriaRole.Link, new() { Name = "Brightline 2026" }).First.ClickAsync();
        await maya.WaitForUrlExplainedAsync("**/scorecards/*");
        await maya.GotoAsync(maya.Url.TrimEnd('/') + "/reviews");

        await maya.GetByLabel("Held on").FillAsync("2026-11-20");
        await maya.GetByLabel("Title").FillAsync("November strategy review");
        await maya.PickPersonAsync("Attendees", "Sara Nilsson");
        await maya.PickPersonAsync("Attendees", "Priya Raman");
        var chosen = maya.Locator(".person-picker-chosen").First;
        Assert.Contains("Sara Nilsson", await chosen.InnerTextAsync());
        await chosen.GetByRole(AriaRole.Button, new() { Name = "Remove Sara Nilsson" }).ClickAsync();
        await maya.PickPersonAsync("Attendees", "Ben Harris");
        await maya.Locator("#d-text-0").FillAsync("Move two engineers to onboarding");
        await maya.PickPersonAsync("Owner", "Priya Raman");
        await maya.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();

        var review = maya.Locator("#reviews section", new() { HasText = "November strategy review" });
        var text = await review.InnerTextAsync();
        Assert.Contains("Attendees: Ben Harris, Priya Raman", text.Replace("Priya Raman, Ben Harris", "Ben Harris, Priya Raman"));
        Assert.DoesNotContain("Sara Nilsson", text);
        Assert.Contains("Move two engineers to onboarding", text);
    }
}
