using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests.Okr;

internal static class OkrHostHelpers
{
    public static string Email(string login) => $"{login}@brightline.example";

    public static async Task<Guid> PersonIdAsync(this HttpClient client) =>
        Guid.Parse((await client.GetJsonAsync("/api/v1/me"))["person"]!["id"].Str());

    public static async Task<Guid> PersonIdByEmailAsync(this HttpClient client, string login)
    {
        var people = await client.GetJsonAsync($"/api/v1/people?search={login.Split('.')[0]}&limit=50");
        return Guid.Parse(people["items"]!.AsArray().Single(p => p!["email"].Str() == Email(login))!["id"].Str());
    }

    public static async Task<Guid> UnitIdAsync(this HttpClient client, string path)
    {
        var units = await client.GetJsonAsync("/api/v1/org-units?limit=1000");
        return Guid.Parse(units["items"]!.AsArray().Single(u => u!["path"].Str() == path)!["id"].Str());
    }

    public static async Task<JsonNode> CreateObjectiveAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/okr/objectives", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Json.ReadAsync(response);
    }

    public static async Task<JsonNode> AddKeyResultAsync(this HttpClient client, string objectiveId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/okr/objectives/{objectiveId}/key-results", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Json.ReadAsync(response);
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        if (field is not null) Assert.Equal(field, JsonNode.Parse(body)!["field"].Str());
    }

    /// <summary>The company scorecard "Brightline 2026" seeded by the Strategy module, with its perspectives and objectives.</summary>
    public static async Task<JsonNode> CompanyScorecardAsync(this HttpClient client)
    {
        var list = await client.GetJsonAsync("/api/v1/scorecards?limit=100");
        var id = list["items"]!.AsArray().First(s => s!["name"].Str() == "Brightline 2026")!["id"].Str();
        return await client.GetJsonAsync($"/api/v1/scorecards/{id}");
    }

    public static IEnumerable<JsonNode> Objectives(this JsonNode scorecard, string perspective) =>
        scorecard["perspectives"]!.AsArray().Single(p => p!["name"].Str() == perspective)!["objectives"]!.AsArray().Select(o => o!);
}
