using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Scorecard.Host.Tests.Operations;

/// <summary>The same answers on SQLite and on PostgreSQL (this class runs on the provider the run selects).</summary>
public sealed class DatabaseParityTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Text_with_a_NUL_character_is_refused_with_400_naming_the_field_and_nothing_is_stored()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var units = await hr.GetJsonAsync("/api/v1/org-units");
        var unitId = units["items"]!.AsArray()[0]!["id"].Str();
        var create = await hr.PostAsJsonAsync("/api/v1/people", new
        {
            email = "nul.person@brightline.example", name = "Nul\u0000Person", orgUnitId = unitId, hireDate = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal("name", (await Json.ReadAsync(create))["field"].Str());
        Assert.Equal(0, factory.Database.Count("SELECT count(*) FROM org_people WHERE \"Email\" = 'nul.person@brightline.example'"));

        var me = await (await factory.ClientForAsync(ScorecardFactory.Employee)).GetJsonAsync("/api/v1/me");
        var patch = new StringContent("{\"jobTitle\":\"Engineer\\u0000\"}", Encoding.UTF8, "application/merge-patch+json");
        var patched = await hr.PatchAsync($"/api/v1/people/{me["person"]!["id"].Str()}", patch);
        Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        Assert.Equal("jobTitle", (await Json.ReadAsync(patched))["field"].Str());

        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var feedback = await employee.PostAsJsonAsync("/api/v1/feedback", new
        {
            toPersonId = me["person"]!["managerId"].Str(), text = "Great\u0000work", visibility = "shared", kind = "praise",
        });
        Assert.Equal(HttpStatusCode.BadRequest, feedback.StatusCode);
        Assert.Equal("text", (await Json.ReadAsync(feedback))["field"].Str());
    }

    [Fact]
    public async Task People_search_ignores_case_and_accents_and_lists_in_the_same_order_on_both_databases()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var units = await hr.GetJsonAsync("/api/v1/org-units");
        var unitId = units["items"]!.AsArray()[0]!["id"].Str();
        foreach (var (email, name) in new[] { ("asa.oberg@brightline.example", "Åsa Öberg"), ("zofia.lukasik@brightline.example", "Zofia Łukasik"),
                                              ("emile.zola@brightline.example", "émile Zola") })
            (await hr.PostAsJsonAsync("/api/v1/people", new { email, name, orgUnitId = unitId, hireDate = "2024-01-01" })).EnsureSuccessStatusCode();

        foreach (var term in new[] { "asa", "ÅSA", "öBERG", "oberg", "Åsa Ö" })
            Assert.Equal(["Åsa Öberg"], Names(await hr.GetJsonAsync($"/api/v1/people?search={Uri.EscapeDataString(term)}")));
        Assert.Equal(["Zofia Łukasik"], Names(await hr.GetJsonAsync("/api/v1/people?search=lukasik")));
        Assert.Equal(["émile Zola"], Names(await hr.GetJsonAsync("/api/v1/people?search=EMILE")));

        // One order everywhere: by the folded name, whatever the database's collation.
        var all = Names(await hr.GetJsonAsync("/api/v1/people?limit=1000"));
        var folded = all.Select(n => (Name: n, Key: Fold(n))).ToList();
        Assert.Equal(folded.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Name), all);
        Assert.True(all.IndexOf("émile Zola") < all.IndexOf("Zofia Łukasik"));
    }

    [Fact]
    public async Task HR_edits_of_a_person_are_audited_with_before_and_after_and_HR_only_values_are_not_recorded()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var me = await (await factory.ClientForAsync(ScorecardFactory.Employee)).GetJsonAsync("/api/v1/me");
        var id = me["person"]!["id"].Str();
        var oldManager = me["person"]!["managerId"].Str();
        var newManager = (await hr.GetJsonAsync("/api/v1/people?search=maya"))["items"]!.AsArray()[0]!["id"].Str();
        var patch = new StringContent($"{{\"managerId\":\"{newManager}\",\"gender\":\"nonbinary\",\"birthYear\":1991}}", Encoding.UTF8, "application/merge-patch+json");
        (await hr.PatchAsync($"/api/v1/people/{id}", patch)).EnsureSuccessStatusCode();

        var before = factory.Database.Scalar($"SELECT \"Before\" FROM platform_audit_log WHERE \"Action\" = 'person.updated' AND \"SubjectId\" = '{id}'")!.ToString()!;
        var after = factory.Database.Scalar($"SELECT \"After\" FROM platform_audit_log WHERE \"Action\" = 'person.updated' AND \"SubjectId\" = '{id}'")!.ToString()!;
        Assert.Contains(oldManager, before, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(newManager, after, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"gender\":\"(changed)\"", after);
        Assert.Contains("\"birthYear\":\"(changed)\"", after);
        Assert.DoesNotContain("nonbinary", after);
        Assert.DoesNotContain("1991", after);
    }

    private static List<string> Names(System.Text.Json.Nodes.JsonNode page) => page["items"]!.AsArray().Select(p => p!["name"].Str()).ToList();

    private static string Fold(string s) => new string(s.Normalize(NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
        .ToLowerInvariant().Replace("ł", "l").Replace("ø", "o");
}
