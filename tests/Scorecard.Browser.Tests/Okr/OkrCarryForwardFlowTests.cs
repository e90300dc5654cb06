using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Okr;

/// <summary>
/// Issue 10 on an empty install: a department manager reorders the key results of an unfinished objective, carries it
/// into the next quarter and moves the copy under a company objective of the new year — only by clicking and typing.
/// The organization and the starting OKRs are arranged through the API as the bootstrap administrator.
/// </summary>
public sealed class OkrCarryForwardFlowTests(EmptyInstallLiveHost host) : IClassFixture<EmptyInstallLiveHost>
{
    private const string Password = "Hanna-Chose-This-2026";
    private const string Objective = "Make releases boring";
    private const string NewYearParent = "Become the reference platform in 2027";

    [Fact]
    public async Task A_manager_reorders_key_results_carries_an_unfinished_objective_forward_and_moves_the_copy_under_another_parent()
    {
        var link = await ArrangeAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        var hanna = await context.NewPageAsync();
        hanna.SetDefaultTimeout(90_000);
        await hanna.GotoAsync(link);
        await hanna.GetByLabel("New password").FillAsync(Password);
        await hanna.GetByLabel("Repeat the password").FillAsync(Password);
        await hanna.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await hanna.WaitForUrlExplainedAsync(url => new Uri(url).AbsolutePath == "/");

        // To her department's objective through the alignment tree.
        await hanna.GetByRole(AriaRole.Link, new() { Name = "OKRs", Exact = true }).First.ClickAsync();
        await hanna.WaitForUrlExplainedAsync("**/okr/tree**");
        await hanna.GetByRole(AriaRole.Link, new() { Name = Objective }).ClickAsync();
        await hanna.WaitForUrlExplainedAsync("**/okr/objectives/*");
        var original = hanna.Url;

        // The runbook is written: she checks it in as done.
        await hanna.GetByLabel("Value for Write the release runbook").FillAsync("1");
        await hanna.Locator("table.okr-krs tr", new() { HasText = "Write the release runbook" }).GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await hanna.GetByText("Check-in recorded.").WaitForAsync();

        // Reorder: the rollback key result first.
        Assert.Equal(["Cut lead time to 2 days", "Roll back in under 5 minutes", "Write the release runbook"], await KeyResultTitlesAsync(hanna));
        await hanna.GetByRole(AriaRole.Button, new() { Name = "Move up Roll back in under 5 minutes" }).ClickAsync();
        await hanna.GetByText("Key result moved.").WaitForAsync();
        Assert.Equal(["Roll back in under 5 minutes", "Cut lead time to 2 days", "Write the release runbook"], await KeyResultTitlesAsync(hanna));

        // Carry into the next quarter: the finished runbook stays behind; the parent of 2026-Q4 was not carried.
        await hanna.GetByLabel("Into", new() { Exact = true }).SelectOptionAsync("2027-Q1");
        await hanna.GetByRole(AriaRole.Button, new() { Name = "Carry into next period" }).ClickAsync();
        await hanna.GetByText("Carried into the next period.").WaitForAsync();
        Assert.Contains("Carried from " + Objective + " (2026-Q4)", await hanna.Locator(".okr-carried-from").InnerTextAsync());
        var notes = await hanna.Locator(".okr-carry-notes").InnerTextAsync();
        Assert.Contains("1 finished key result was left in 2026-Q4", notes);
        Assert.Contains("was not carried into 2027-Q1", notes);
        Assert.Equal(["Roll back in under 5 minutes", "Cut lead time to 2 days"], await KeyResultTitlesAsync(hanna));

        // Move the copy under the company objective of 2027, found by typing part of its title.
        await hanna.GetByLabel("Find the new parent by title").FillAsync("reference platform");
        await hanna.GetByRole(AriaRole.Button, new() { Name = "Find parents" }).ClickAsync();
        await hanna.Locator("#parent-results").WaitForAsync();
        await hanna.GetByRole(AriaRole.Button, new() { Name = "Move under company OKR · 2027 · " + NewYearParent }).ClickAsync();
        await hanna.GetByText("Moved under the new parent.").WaitForAsync();
        Assert.Contains(NewYearParent, await hanna.Locator(".okr-los").InnerTextAsync());
        await hanna.ScreenshotAsync(new() { Path = LiveHost.ArtifactPath("okr-carried-copy.png"), FullPage = true });

        // The original links to its copy.
        await hanna.Locator(".okr-carried-from a").ClickAsync();
        await hanna.WaitForUrlExplainedAsync(original);
        Assert.Contains("2027-Q1", await hanna.Locator(".okr-carried-into").InnerTextAsync());
    }

    private static async Task<List<string>> KeyResultTitlesAsync(IPage page) =>
        [.. (await page.Locator("#edit-objective .okr-kr-edit input[name=Title]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"))];

    /// <summary>Acme › Engineering with Hanna at its head; company OKRs for 2026-Q4 and 2027; Engineering's Q4 objective with three key results; Hanna's invitation link.</summary>
    private async Task<string> ArrangeAsync()
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
        var engineering = (await Post("/api/v1/org-units", new { name = "Engineering", parentId = root })).GetProperty("id").GetString();
        var hanna = (await Post("/api/v1/people", new { email = "hanna@acme.example", name = "Hanna Head", orgUnitId = engineering, hireDate = "2020-01-06" })).GetProperty("id").GetString();
        await Post("/api/v1/people", new { email = "eli@acme.example", name = "Eli Engineer", orgUnitId = engineering, managerId = hanna, hireDate = "2022-03-01" });

        var q4Parent = (await Post("/api/v1/okr/objectives", new { title = "Ship faster in 2026", level = "company", period = "2026-Q4" })).GetProperty("id").GetString();
        await Post("/api/v1/okr/objectives", new { title = NewYearParent, level = "company", period = "2027" });
        var objective = (await Post("/api/v1/okr/objectives", new
        {
            title = Objective, level = "department", period = "2026-Q4", orgUnitId = engineering, parents = new[] { new { okrObjectiveId = q4Parent } },
        })).GetProperty("id").GetString();
        await Post($"/api/v1/okr/objectives/{objective}/key-results", new { title = "Cut lead time to 2 days", kind = "metric", start = 10.0, target = 2.0, unit = "days" });
        await Post($"/api/v1/okr/objectives/{objective}/key-results", new { title = "Roll back in under 5 minutes", kind = "metric", start = 30.0, target = 5.0, unit = "min" });
        await Post($"/api/v1/okr/objectives/{objective}/key-results", new { title = "Write the release runbook", kind = "milestone" });

        var invitations = await Post("/api/v1/accounts/invitations", new { personIds = new[] { hanna } });
        var link = invitations[0].GetProperty("link").GetString()!;
        return Uri.TryCreate(link, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : link;
    }
}
