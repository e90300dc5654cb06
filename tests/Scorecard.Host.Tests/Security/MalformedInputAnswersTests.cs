using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Scorecard.Host.Tests.Security;

/// <summary>The answers the malformed-input battery expects, case by case.</summary>
public sealed class MalformedInputAnswersTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private async Task<HttpResponseMessage> SendAsync(string method, string url, byte[] body, string contentType)
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await admin.SendAsync(request);
    }

    [Fact]
    public async Task Unsupported_charset_is_415()
    {
        var response = await SendAsync("POST", "/api/v1/feedback/language-check", Encoding.UTF8.GetBytes("{\"text\":\"fine\"}"), "application/json; charset=utf-16");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_wrong_types_nulls_in_arrays_and_overflow_are_400_naming_the_field()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var person = (await admin.GetJsonAsync("/api/v1/people?limit=1"))["items"]![0]!["id"].Str();
        var scorecard = (await admin.GetJsonAsync("/api/v1/scorecards"))["items"]![0]!["id"].Str();

        var invalidUtf8 = await SendAsync("PATCH", $"/api/v1/people/{person}", [.. "{\"name\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()], "application/merge-patch+json");
        await AssertFieldAsync(invalidUtf8, "name");

        var wrongType = await SendAsync("PATCH", $"/api/v1/people/{person}", "{\"birthYear\":\"nineteen-ninety\"}"u8.ToArray(), "application/merge-patch+json");
        await AssertFieldAsync(wrongType, "birthYear");

        var nullElement = await SendAsync("POST", $"/api/v1/scorecards/{scorecard}/reviews",
            "{\"heldOn\":\"2026-11-01\",\"title\":\"Q3 review\",\"decisions\":[null]}"u8.ToArray(), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, nullElement.StatusCode);
        Assert.Contains("decisions[0]", (await Json.ReadAsync(nullElement)).ToJsonString());

        var overflow = await SendAsync("POST", "/api/v1/feedback/language-check", "{\"text\":1e400}"u8.ToArray(), "application/json");
        await AssertFieldAsync(overflow, "text");
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains($"\"{field}\"", body);
    }
}
