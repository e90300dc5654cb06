using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Reviews;

/// <summary>
/// Issue 10: on an empty install, HR builds a review template and a cycle, previews, launches and advances through the
/// confirmation page — only by clicking and typing. The people are arranged through the API (first-run pages come separately).
/// </summary>
public sealed class ReviewSetupFlowTests(EmptyInstallLiveHost host) : IClassFixture<EmptyInstallLiveHost>
{
    [Fact]
    public async Task HR_builds_a_template_and_a_cycle_previews_launches_and_advances_with_confirmation()
    {
        await ArrangePeopleAsync();
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(EmptyInstallLiveHost.AdminEmail);
        await page.GetByLabel("Password").FillAsync(EmptyInstallLiveHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        // The template: an empty one first (message beside the sections), then two sections.
        await page.GotoAsync("/reviews");
        Assert.True(await page.Locator("#review-templates").CountAsync() == 1, $"{page.Url}: {await page.Locator("body").InnerTextAsync()}");
        await page.Locator("#review-templates").ClickAsync();
        await page.Locator("#new-template").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Engineering review 2026");
        await page.Locator("#save-template").ClickAsync();
        Assert.Contains("at least one section", await page.Locator("#error-sections").InnerTextAsync());
        await page.GetByLabel("Section 1 title").FillAsync("Competencies");
        await page.GetByLabel("Section 1 kind").SelectOptionAsync("competencies");
        await page.GetByLabel("Section 1 weight").FillAsync("60");
        await page.GetByLabel("Section 1 items, one per line").FillAsync(
            "Delivery | Misses commitments | Partly delivers | Delivers | Delivers early | Sets the pace\nCollaboration");
        await page.GetByLabel("Section 2 title").FillAsync("Reflection");
        await page.GetByLabel("Section 2 kind").SelectOptionAsync("questions");
        await page.GetByLabel("Section 2 weight").FillAsync("0");
        await page.GetByLabel("Section 2 items, one per line").FillAsync("What did you achieve?\nWhere will you grow?");
        await page.Locator("#save-template").ClickAsync();
        await page.GetByText("Template saved.").WaitForAsync();
        Assert.False(await page.Locator("#employee-sees-score").IsCheckedAsync());
        Assert.False(await page.Locator("#employee-sees-potential").IsCheckedAsync());

        // The cycle: a deadline before the previous phase's is refused beside the field, then corrected.
        await page.GotoAsync("/reviews");
        await page.Locator("#new-cycle").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("H2 2026 engineering review");
        await page.GetByLabel("Period from").FillAsync("2026-07-01");
        await page.GetByLabel("Period to").FillAsync("2026-12-31");
        await page.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = "Engineering review 2026" });
        await page.PickUnitAsync("Units (with their sub-units)", "eng", "Acme/Engineering");
        await page.GetByLabel("self deadline").FillAsync("2026-12-10");
        await page.GetByLabel("peer deadline").FillAsync("2026-12-05");
        await page.Locator("#create-cycle").ClickAsync();
        Assert.Contains("peer deadline", await page.Locator("#error-deadline-peer").InnerTextAsync());
        await page.GetByLabel("peer deadline").FillAsync("2026-12-15");
        await page.GetByLabel("manager deadline").FillAsync("2026-12-20");
        await page.Locator("#create-cycle").ClickAsync();
        await page.WaitForUrlExplainedAsync("**/reviews/cycles/*");

        // Preview before launching: three participants, Hanna without a manager.
        Assert.Equal("3", await page.Locator("#preview-count").InnerTextAsync());
        Assert.Contains("Hanna Head", await page.Locator("#preview-without-manager").InnerTextAsync());
        Assert.Contains("Hanna Head", await page.Locator("#preview-participants").GetByRole(AriaRole.Row, new() { Name = "Eli Engineer" }).InnerTextAsync());
        await page.Locator("#launch-cycle").ClickAsync();
        await page.GetByText("Launched: 3 review(s) created").WaitForAsync();
        Assert.Equal("self", await page.Locator("#phase").InnerTextAsync());

        // Advancing goes through the confirmation page, which lists the self-reviews still missing by manager.
        await page.GetByRole(AriaRole.Link, new() { Name = "Advance to the next phase…" }).ClickAsync();
        Assert.Equal(3, await page.Locator("#open-work tbody tr").CountAsync());
        Assert.Contains("self-review not written", await page.Locator("#open-work").InnerTextAsync());
        await page.Locator("#confirm-advance").ClickAsync();
        Assert.Equal("peer", await page.Locator("#phase").InnerTextAsync());
    }

    /// <summary>The organization, through the API as the bootstrap administrator: Acme › Engineering, Hanna and her two engineers.</summary>
    private async Task ArrangePeopleAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = EmptyInstallLiveHost.AdminEmail, password = EmptyInstallLiveHost.AdminPassword });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        async Task<string> Post(string url, object body)
        {
            var response = await http.PostAsJsonAsync(url, body);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        var root = await Post("/api/v1/org-units", new { name = "Acme" });
        var engineering = await Post("/api/v1/org-units", new { name = "Engineering", parentId = root });
        var hanna = await Post("/api/v1/people", new { email = "hanna@acme.example", name = "Hanna Head", orgUnitId = engineering, hireDate = "2020-01-06" });
        await Post("/api/v1/people", new { email = "eli@acme.example", name = "Eli Engineer", orgUnitId = engineering, managerId = hanna, hireDate = "2022-03-01" });
        await Post("/api/v1/people", new { email = "fay@acme.example", name = "Fay Engineer", orgUnitId = engineering, managerId = hanna, hireDate = "2023-09-04" });
    }
}
