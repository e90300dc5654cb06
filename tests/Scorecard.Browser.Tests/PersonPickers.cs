using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>Chooses people in the search-as-you-type person fields, the way a user does: type, then pick.</summary>
public static class PersonPickers
{
    public static async Task PickPersonAsync(this IPage page, string label, string name)
    {
        var field = page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).First;
        await field.FillAsync(name);
        var listbox = page.Locator($"#{await field.GetAttributeAsync("aria-controls")}");
        await listbox.GetByRole(AriaRole.Option, new() { Name = name }).First.ClickAsync();
    }
}
