using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scorecard.Host.Tests.Accounts;

/// <summary>Fresh bearer tokens and cookie sessions, for tests that watch a session outlive (or not) a change.</summary>
internal static class AccountTestClients
{
    public static async Task<HttpClient> FreshBearerAsync(this ScorecardFactory factory, string email, string password = ScorecardFactory.DemoPassword)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"token for {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Json.ReadAsync(response))["accessToken"].Str());
        return client;
    }

    public static Task<HttpResponseMessage> PutRolesAsync(this HttpClient client, string personId, params string[] roles) =>
        client.PutAsJsonAsync($"/api/v1/people/{personId}/roles", new { roles });

    public static async Task<string> PersonIdAsync(this HttpClient client, string email) =>
        (await client.GetJsonAsync($"/api/v1/people?search={Uri.EscapeDataString(email)}"))["items"]![0]!["id"].Str();

    public static async Task<string> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
