using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>Chooses people and units in the search-as-you-type fields, the way a user does: type, then pick.</summary>
public static class PersonPickers
{
    public static async Task PickPersonAsync(this IPage page, string label, string name)
    {
        var field = page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).First;
        await field.FillAsync(name);
        var listbox = page.Locator($"#{await field.GetAttributeAsync("aria-controls")}");
        await listbox.GetByRole(AriaRole.Option, new() { Name = name }).First.ClickAsync();
    }

    /// <summary>Types <paramref name="typed"/> in a unit field and picks the unit whose path is <paramref name="path"/>.</summary>
    public static Task PickUnitAsync(this IPage page, string label, string typed, string path) =>
        PickUnitAsync(page.Locator("body"), label, typed, path);

    public static async Task PickUnitAsync(this ILocator scope, string label, string typed, string path)
    {
        var field = scope.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).First;
        await field.FillAsync(typed);
        var listbox = scope.Page.Locator($"#{await field.GetAttributeAsync("aria-controls")}");
        await listbox.GetByRole(AriaRole.Option, new() { Name = path, Exact = true }).ClickAsync();
    }
}
