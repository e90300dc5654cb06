using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests;

internal static class Json
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())
        ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ReadAsync(response);
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body) =>
        client.PatchAsync(url, JsonContent.Create(body));

    public static string Str(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("null");

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
