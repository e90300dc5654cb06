using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests.Security;

/// <summary>
/// Every write operation the OpenAPI document describes, sent a battery of malformed bodies as an
/// administrator: wrong JSON types on every field, nulls inside arrays, numbers beyond double, broken JSON,
/// invalid UTF-8 and unsupported charsets. Refusals are expected; a server error is not.
/// </summary>
public sealed class MalformedInputBatteryTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static readonly string[] WrongValues = ["123", "\"text\"", "true", "[null]", "{\"a\":null}", "1e308", "-1e308", "1e400", "null"];

    [Fact]
    public async Task No_malformed_body_makes_any_write_operation_answer_a_server_error()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;
        var ids = await RealIdsAsync(admin);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (method is not ("post" or "put" or "patch")) continue;
            var url = Url(path, ids);
            foreach (var (contentType, body) in Bodies(operation!, document))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = new ByteArrayContent(body),
                };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                var response = await admin.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{method.ToUpperInvariant()} {url} [{contentType}] {Encoding.UTF8.GetString(body)} → {(int)response.StatusCode}");
            }
        }
        Assert.True(sent > 500, $"Only {sent} requests were sent: the OpenAPI document lists fewer write operations than expected.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests answered 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(60))}");
    }

    /// <summary>Path parameters filled with ids that exist where the path names what they are, so the body is really read.</summary>
    private static async Task<Dictionary<string, string>> RealIdsAsync(HttpClient admin)
    {
        var ids = new Dictionary<string, string>();
        var people = await admin.GetJsonAsync("/api/v1/people?limit=5");
        ids["people"] = people["items"]![1]!["id"].Str();
        var scorecards = await admin.GetJsonAsync("/api/v1/scorecards");
        ids["scorecards"] = scorecards["items"]![0]!["id"].Str();
        var cycles = await admin.GetJsonAsync("/api/v1/review-cycles");
        ids["review-cycles"] = (cycles is JsonArray list ? list : cycles["items"]!)[0]!["id"].Str();
        return ids;
    }

    private static string Url(string path, Dictionary<string, string> ids)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var owner = i > 0 ? segments[i - 1] : "";
            segments[i] = ids.TryGetValue(owner, out var id) ? id : Guid.NewGuid().ToString();
        }
        return string.Join('/', segments);
    }

    private static IEnumerable<(string ContentType, byte[] Body)> Bodies(JsonNode operation, JsonNode document)
    {
        var content = operation["requestBody"]?["content"]?.AsObject();
        var contentType = content?.Select(c => c.Key).FirstOrDefault(k => k.Contains("json", StringComparison.Ordinal)) ?? "application/json";
        var properties = Properties(content?[contentType]?["schema"], document);
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

        yield return (contentType, Utf8("{\"x\":"));
        yield return (contentType, Utf8("[null]"));
        yield return (contentType, Utf8("null"));
        yield return (contentType, Utf8("\"text\""));
        yield return (contentType, Utf8("1e400"));
        yield return (contentType + "; charset=utf-16", Utf8("{\"name\":\"x\"}"));
        yield return ("application/json; charset=nonsense", Utf8("{\"name\":\"x\"}"));
        foreach (var property in properties.DefaultIfEmpty("name"))
        {
            yield return (contentType, [.. Utf8($"{{\"{property}\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}")]);   // invalid UTF-8 in a string
            foreach (var value in WrongValues) yield return (contentType, Utf8($"{{\"{property}\":{value}}}"));
        }
    }

    private static List<string> Properties(JsonNode? schema, JsonNode document)
    {
        for (var depth = 0; schema is not null && depth < 5; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/').Last()];
                continue;
            }
            if (schema["properties"] is JsonObject properties) return properties.Select(p => p.Key).ToList();
            schema = schema["anyOf"]?[0] ?? schema["oneOf"]?[0] ?? schema["allOf"]?[0];
        }
        return [];
    }
}
