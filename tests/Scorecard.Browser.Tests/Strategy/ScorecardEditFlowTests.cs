using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Strategy;

/// <summary>
/// Issue 10, points 1 and 7: on an empty install the administrator edits an objective, a KPI and an initiative of the company
/// scorecard and corrects a measurement — only by clicking and typing. The organization and the scorecard's first structure are
/// arranged through the API (building it on pages is <see cref="ScorecardBuilderFlowTests"/>).
/// </summary>
public sealed class ScorecardEditFlowTests(EmptyInstallLiveHost host) : IClassFixture<EmptyInstallLiveHost>
{
    [Fact]
    public async Task The_admin_edits_an_objective_a_KPI_and_an_initiative_and_corrects_a_measurement_on_pages()
    {
        await ArrangeAsync();
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.SignInAsync(EmptyInstallLiveHost.AdminEmail, EmptyInstallLiveHost.AdminPassword);
        await page.WaitForLoadStateAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Acme 2026" }).ClickAsync();
        await page.Locator("#edit-structure").ClickAsync();
        await page.WaitForURLAsync("**/edit");

        // The objective: renamed, reweighted, given an owner.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit objective Grow revenue" }).ClickAsync();
        await page.GetByLabel("Objective name", new() { Exact = true }).FillAsync("Grow recurring revenue");
        await page.GetByLabel("Objective weight", new() { Exact = true }).FillAsync("2");
        await page.PickPersonAsync("Objective owner", "Hanna Head");
        await Save(page, "Save the objective", "Objective saved.");

        // The KPI: a target equal to the baseline is refused beside the field, then a real target is saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit KPI Monthly recurring revenue" }).ClickAsync();
        await page.GetByLabel("Target", new() { Exact = true }).FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the KPI" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kpi-edit .field-error")).ToContainTextAsync("equals the baseline");
        await page.GetByLabel("Target", new() { Exact = true }).FillAsync("180");
        await page.GetByLabel("Data source", new() { Exact = true }).FillAsync("Billing system");
        await page.GetByLabel("Update interval").SelectOptionAsync("weekly");
        await Save(page, "Save the KPI", "KPI saved.");

        // The initiative: done, with its budget in US dollars.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit initiative Self-serve checkout" }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("done");
        await page.GetByLabel("% complete").FillAsync("100");
        await page.GetByLabel("Budget").FillAsync("45000");
        await page.GetByLabel("Currency").SelectOptionAsync("USD");
        await Save(page, "Save the initiative", "Initiative saved.");

        var items = page.Locator("#items");
        await Assertions.Expect(items).ToContainTextAsync("Grow recurring revenue");
        await Assertions.Expect(items).ToContainTextAsync("weight 2 · Hanna Head");
        await Assertions.Expect(items).ToContainTextAsync("done · 100 % · 45,000 USD");

        // The measurement: corrected on the KPI page with a reason; the correction is listed.
        await page.GetByRole(AriaRole.Link, new() { Name = "back to the scorecard" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Monthly recurring revenue" }).ClickAsync();
        await page.WaitForURLAsync("**/kpis/*");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("1,250");
        await page.GetByText("Correct or delete").ClickAsync();
        await page.GetByLabel("Correct to").FillAsync("125");
        await page.GetByLabel("Reason").FillAsync("An extra zero was typed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Measurement corrected.");
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("125");
        await Assertions.Expect(page.Locator("#corrections")).ToContainTextAsync("1,250");
        await Assertions.Expect(page.Locator("#corrections")).ToContainTextAsync("An extra zero was typed.");
        await Assertions.Expect(page.Locator("#current-value")).ToContainTextAsync("125");
    }

    private static async Task Save(IPage page, string button, string done)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForURLAsync("**/edit?done=*");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync(done);
    }

    /// <summary>Acme with Hanna, and the company scorecard with one objective, KPI, initiative and measurement, through the API.</summary>
    private async Task ArrangeAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = EmptyInstallLiveHost.AdminEmail, password = EmptyInstallLiveHost.AdminPassword });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        async Task<JsonElement> Post(string url, object body)
        {
            var response = await http.PostAsJsonAsync(url, body);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var root = (await Post("/api/v1/org-units", new { name = "Acme" })).GetProperty("id").GetString();
        await Post("/api/v1/people", new { email = "hanna@acme.example", name = "Hanna Head", orgUnitId = root, hireDate = "2020-01-06" });
        var scorecard = await Post("/api/v1/scorecards", new { orgUnitId = root, name = "Acme 2026", periodStart = "2026-01-01", periodEnd = "2026-12-31" });
        var financial = scorecard.GetProperty("perspectives").EnumerateArray().First(p => p.GetProperty("name").GetString() == "Financial").GetProperty("id").GetString();
        var objective = (await Post($"/api/v1/scorecards/{scorecard.GetProperty("id").GetString()}/objectives", new { perspectiveId = financial, name = "Grow revenue" }))
            .GetProperty("id").GetString();
        var kpi = (await Post($"/api/v1/objectives/{objective}/kpis", new { name = "Monthly recurring revenue", unit = "k€", baseline = 100, target = 150 }))
            .GetProperty("id").GetString();
        await Post($"/api/v1/kpis/{kpi}/measurements", new { date = "2026-03-31", value = 1250 });
        await Post($"/api/v1/objectives/{objective}/initiatives", new { name = "Self-serve checkout", status = "active", percentComplete = 40 });
    }
}
