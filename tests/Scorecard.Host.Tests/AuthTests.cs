using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests;

public sealed class AuthTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_token_is_issued_for_the_right_password_and_identifies_the_caller()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = ScorecardFactory.Hr, password = ScorecardFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await Json.ReadAsync(response);
        Assert.False(string.IsNullOrEmpty(token["accessToken"].Str()));
        Assert.True(DateTimeOffset.Parse(token["expiresAt"].Str()) > DateTimeOffset.UtcNow.AddHours(1));

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"].Str());
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal("Sara Nilsson", me["person"]!["name"].Str());
        Assert.Contains("HR", me["roles"]!.AsArray().Select(r => r.Str()));
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_details()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = ScorecardFactory.Manager, password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Wrong e-mail or password", (await Json.ReadAsync(response))["detail"].Str());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_even_the_right_password_is_refused()
    {
        var client = factory.CreateClient();
        const string email = "zoe.carter@brightline.example";
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong-password-" + i });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = ScorecardFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", (await Json.ReadAsync(response))["detail"].Str());
    }

    [Fact]
    public async Task A_garbage_token_is_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_request_without_a_password_is_400_naming_the_field()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = ScorecardFactory.Hr });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Password", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HR_gives_a_person_an_account_and_the_person_changes_their_password()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var units = await hr.GetJsonAsync("/api/v1/org-units");
        var created = await hr.PostAsJsonAsync("/api/v1/people", new
        {
            email = "new.hire@brightline.example", name = "New Hire", jobTitle = "Analyst",
            orgUnitId = units["items"]![0]!["id"].Str(), hireDate = "2026-11-02",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json.ReadAsync(created))["id"].Str();

        var weak = await hr.PostAsJsonAsync($"/api/v1/people/{id}/account", new { password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal("password", (await Json.ReadAsync(weak))["field"].Str());

        Assert.Equal(HttpStatusCode.Created, (await hr.PostAsJsonAsync($"/api/v1/people/{id}/account", new { password = "Initial-Pass-123" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await hr.PostAsJsonAsync($"/api/v1/people/{id}/account", new { password = "Initial-Pass-123" })).StatusCode);

        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync($"/api/v1/people/{id}/account", new { password = "Initial-Pass-123" })).StatusCode);

        var anonymous = factory.CreateClient();
        var token = await Json.ReadAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { email = "new.hire@brightline.example", password = "Initial-Pass-123" }));
        var self = factory.CreateClient();
        self.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"].Str());
        var change = await self.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Initial-Pass-123", newPassword = "Changed-Pass-456" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        // The password change ends the sessions and tokens issued before it (security stamp): the old token no longer opens anything.
        Assert.Equal(HttpStatusCode.Unauthorized, (await self.GetAsync("/api/v1/me")).StatusCode);
        var withNew = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = "new.hire@brightline.example", password = "Changed-Pass-456" });
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }
}
