using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Audit;

namespace Scorecard.Host.Tests.Reviews;

/// <summary>Helpers for the Reviews API tests: people and units by name, a template and a launched cycle.</summary>
internal static class ReviewsTestKit
{
    public const string Domain = "@brightline.example";

    public static async Task<Guid> PersonAsync(this ScorecardFactory factory, string login)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().FindByEmailAsync(login + Domain);
        return person?.Id ?? throw new InvalidOperationException(login);
    }

    public static async Task<Guid> UnitAsync(this ScorecardFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().GetUnitsAsync()).Single(u => u.Name == name).Id;
    }

    public static async Task<IReadOnlyList<AuditRecord>> AuditAsync(this ScorecardFactory factory, string subjectType, string subjectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditLog>().ReadAsync(subjectType, subjectId);
    }

    public static Task<HttpClient> As(this ScorecardFactory factory, string login) => factory.ClientForAsync(login + Domain);

    public static object TemplateBody(string name = "Engineering review") => new
    {
        name,
        scale = new { min = 1, max = 5, labels = new[] { "Far below", "Below", "Meets", "Exceeds", "Far exceeds" } },
        sections = new object[]
        {
            new { kind = "goals", title = "Goals", weight = 40 },
            new { kind = "competencies", title = "Competencies", weight = 60, competencies = new[] { new { name = "Delivery" }, new { name = "Collaboration" } } },
            new { kind = "questions", title = "Reflection", weight = 0, questions = new[] { new { text = "What did you achieve?" }, new { text = "Where will you grow?" } } },
        },
    };

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string url, object? body = null)
    {
        var response = await client.PostAsJsonAsync(url, body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"POST {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.NoContent ? new JsonObject() : await Json.ReadAsync(response);
    }

    public static async Task<JsonNode> PutOkAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Json.ReadAsync(response);
    }

    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>A launched cycle over the given org unit (with sub-units) and extra people; returns (cycleId, template).</summary>
    public static async Task<(string CycleId, JsonNode Template, JsonNode Launch)> LaunchCycleAsync(this ScorecardFactory factory, string unit,
        Guid[]? extraPeople = null, object? deadlines = null, bool nineBox = true)
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var template = await hr.PostOkAsync("/api/v1/review-templates", TemplateBody());
        var cycle = await hr.PostOkAsync("/api/v1/review-cycles", new
        {
            name = $"Test cycle {Guid.NewGuid():N}",
            periodStart = "2026-01-01",
            periodEnd = "2026-12-31",
            templateId = template["id"].Str(),
            orgUnitIds = new[] { await factory.UnitAsync(unit) },
            personIds = extraPeople ?? [],
            deadlines = deadlines ?? new { self = "2026-12-01", peer = "2026-12-05", manager = "2026-12-10", calibration = "2026-12-15", signoff = "2026-12-20" },
            nineBox,
        });
        var launch = await hr.PostOkAsync($"/api/v1/review-cycles/{cycle["id"].Str()}/launch");
        return (cycle["id"].Str(), template, launch);
    }

    public static async Task<string> ReviewOfAsync(this HttpClient client, string cycleId, Guid personId)
    {
        var list = await client.GetJsonAsync($"/api/v1/reviews?cycleId={cycleId}&personId={personId}");
        return list["items"]!.AsArray().Single()!["id"].Str();
    }

    public static IEnumerable<string> Ids(this JsonNode node, string arrayProperty, string idProperty = "id") =>
        node[arrayProperty]!.AsArray().Select(n => n![idProperty].Str());
}
