using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scorecard.Host.Tests.Okr;

namespace Scorecard.Host.Tests.Strategy;

/// <summary>Issue 10, point 1: measurements are corrected and deleted by their editors; the corrections are kept, audited and reach OKR.</summary>
public sealed class MeasurementCorrectionTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    /// <summary>A KPI of the company scorecard that the demo employee neither owns nor may edit, and a measurement on its latest date.</summary>
    private async Task<(JsonNode Objective, JsonNode Kpi, string Date)> KpiAsync(HttpClient admin, string perspective)
    {
        var employee = await (await factory.ClientForAsync(ScorecardFactory.Employee)).PersonIdAsync();
        var objective = (await admin.CompanyScorecardAsync()).Objectives(perspective)
            .First(o => o["kpis"]!.AsArray().Any(k => k!["ownerId"]?.ToString() != employee.ToString() && k["aggregation"] is null));
        var kpi = objective["kpis"]!.AsArray().First(k => k!["ownerId"]?.ToString() != employee.ToString() && k["aggregation"] is null)!;
        var history = (await admin.GetJsonAsync($"/api/v1/kpis/{kpi["id"].Str()}"))["measurements"]!.AsArray();
        var date = history.Count > 0 ? history[0]!["date"].Str() : "2026-11-20";
        return (objective, kpi, date);
    }

    /// <summary>A GUID as the provider stores it (SQLite: upper-case text).</summary>
    private string DbId(string id) => factory.Database.Provider == Scorecard.Platform.Persistence.DatabaseProvider.Sqlite ? id.ToUpperInvariant() : id;

    private static async Task<JsonNode> RecordAsync(HttpClient client, string kpiId, string date, double value)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/kpis/{kpiId}/measurements", new { date, value, note = "first entry" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var history = (await client.GetJsonAsync($"/api/v1/kpis/{kpiId}"))["measurements"]!.AsArray();
        return history.First(m => m!["note"]?.ToString() == "first entry" && m["value"]!.GetValue<double>() == value)!;
    }

    [Fact]
    public async Task An_editor_corrects_and_deletes_a_measurement_through_the_API_with_kept_audited_history_and_the_OKR_follows()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var (objective, kpi, date) = await KpiAsync(admin, "Customer");
        var kpiId = kpi["id"].Str();
        var goal = await admin.CreateObjectiveAsync(new { title = "Follow the KPI through corrections", level = "individual", period = "2026-Q4",
            parents = new[] { new { strategyObjectiveId = objective["id"].Str() } } });
        goal = await admin.AddKeyResultAsync(goal["id"].Str(), new { title = "Track " + kpi["name"].Str(), kind = "kpi", kpiId });
        var start = goal["keyResults"]![0]!["start"]!.GetValue<double>();
        var target = goal["keyResults"]![0]!["target"]!.GetValue<double>();
        var typo = start + ((target - start) * 0.9);
        var right = start + ((target - start) * 0.4);

        var measurement = await RecordAsync(admin, kpiId, date, typo);
        var id = measurement["id"].Str();
        var version = measurement["version"].Str();
        var url = $"/api/v1/kpis/{kpiId}/measurements/{id}";

        await OkrHostHelpers.AssertProblemAsync(await admin.PutAsJsonAsync(url, new { value = 1e13, reason = "typo", version }), HttpStatusCode.BadRequest, "value");
        await OkrHostHelpers.AssertProblemAsync(await admin.PutAsJsonAsync(url, new { value = right, reason = "  ", version }), HttpStatusCode.BadRequest, "reason");
        await OkrHostHelpers.AssertProblemAsync(await admin.PutAsJsonAsync(url, new { value = right, reason = "typo" }), HttpStatusCode.BadRequest, "version");
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        await OkrHostHelpers.AssertProblemAsync(await employee.PutAsJsonAsync(url, new { value = right, reason = "mine", version }), HttpStatusCode.Forbidden);
        var employeeDelete = new HttpRequestMessage(HttpMethod.Delete, url) { Content = JsonContent.Create(new { reason = "mine" }) };
        await OkrHostHelpers.AssertProblemAsync(await employee.SendAsync(employeeDelete), HttpStatusCode.Forbidden);
        Assert.Equal(0, factory.Database.Count($"SELECT count(*) FROM strategy_measurement_corrections WHERE \"MeasurementId\" = '{DbId(id)}'"));

        var corrected = await admin.PutAsJsonAsync(url, new { value = right, reason = "Typed 90 % instead of 40 %.", version });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var newVersion = (await Json.ReadAsync(corrected))["version"].Str();
        Assert.NotEqual(version, newVersion);
        await OkrHostHelpers.AssertProblemAsync(await admin.PutAsJsonAsync(url, new { value = typo, reason = "stale page", version }), HttpStatusCode.Conflict);

        var stored = (await admin.GetJsonAsync($"/api/v1/kpis/{kpiId}"))["measurements"]!.AsArray().Single(m => m!["id"].Str() == id)!;
        Assert.Equal(right, stored["value"]!.GetValue<double>(), 9);
        var keyResult = (await admin.GetJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}"))["keyResults"]![0]!;
        Assert.Equal(right, keyResult["current"]!.GetValue<double>(), 6);

        var corrections = (await admin.GetJsonAsync($"/api/v1/kpis/{kpiId}/measurements/corrections")).AsArray();
        var correction = corrections.Single(c => c!["measurementId"].Str() == id)!;
        Assert.Equal((typo, right, "Typed 90 % instead of 40 %."), (correction["oldValue"]!.GetValue<double>(), correction["newValue"]!.GetValue<double>(), correction["reason"].Str()));
        Assert.Equal("Maya Lindqvist", correction["correctedByName"].Str());
        Assert.Equal(1, factory.Database.Count($"SELECT count(*) FROM platform_audit_log WHERE \"Action\" = 'strategy.measurement.corrected' AND \"SubjectId\" = '{kpiId}' AND \"Reason\" = 'Typed 90 % instead of 40 %.'"));

        var noReason = new HttpRequestMessage(HttpMethod.Delete, url) { Content = JsonContent.Create(new { reason = "" }) };
        await OkrHostHelpers.AssertProblemAsync(await admin.SendAsync(noReason), HttpStatusCode.BadRequest, "reason");
        var delete = new HttpRequestMessage(HttpMethod.Delete, url) { Content = JsonContent.Create(new { reason = "Entered twice.", version = newVersion }) };
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(delete)).StatusCode);
        Assert.DoesNotContain((await admin.GetJsonAsync($"/api/v1/kpis/{kpiId}"))["measurements"]!.AsArray(), m => m!["id"].Str() == id);
        corrections = (await admin.GetJsonAsync($"/api/v1/kpis/{kpiId}/measurements/corrections")).AsArray();
        Assert.Equal(2, corrections.Count(c => c!["measurementId"].Str() == id));
        Assert.Null(corrections[0]!["newValue"]);
        Assert.Equal(1, factory.Database.Count($"SELECT count(*) FROM platform_audit_log WHERE \"Action\" = 'strategy.measurement.deleted' AND \"SubjectId\" = '{kpiId}' AND \"Reason\" = 'Entered twice.'"));

        // The KPI's latest value is the one before the deleted entry again, and the key result follows it.
        var latest = (await admin.GetJsonAsync($"/api/v1/kpis/{kpiId}"))["currentValue"];
        keyResult = (await admin.GetJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}"))["keyResults"]![0]!;
        if (latest is not null) Assert.Equal(latest.GetValue<double>(), keyResult["current"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task On_the_KPI_page_an_editor_corrects_a_measurement_and_reads_the_history_and_a_non_editor_is_refused()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var (_, kpi, date) = await KpiAsync(admin, "Financial");
        var kpiId = kpi["id"].Str();
        var measurement = await RecordAsync(admin, kpiId, date, 321.5);
        var id = measurement["id"].Str();

        var pages = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var page = await pages.GetStringAsync($"/kpis/{kpiId}");
        Assert.Contains($"action=\"/kpis/{kpiId}/measurements/{id}\"", page);
        var version = Regex.Match(page, $"action=\"/kpis/{kpiId}/measurements/{id}\"[\\s\\S]*?name=\"version\" value=\"([0-9a-f-]{{36}})\"").Groups[1].Value;
        Assert.Equal(measurement["version"].Str(), version);

        async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await client.GetStringAsync($"/kpis/{kpiId}"));
            return await client.PostAsync($"/kpis/{kpiId}/measurements/{id}", new FormUrlEncodedContent(fields));
        }

        var bad = await PostAsync(pages, new() { ["version"] = version, ["value"] = "12,5", ["reason"] = "comma" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Matches($"id=\"cv-{id}\" name=\"value\"[^>]*value=\"12,5\"[^<]*<span class=\"errors field-error\" role=\"alert\">[^<]*is not a number", await bad.Content.ReadAsStringAsync());
        var noReason = await PostAsync(pages, new() { ["version"] = version, ["value"] = "320" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Matches($"id=\"cr-{id}\" name=\"reason\"[^>]*>\\s*<span class=\"errors field-error\" role=\"alert\">reason is required", await noReason.Content.ReadAsStringAsync());

        var done = await PostAsync(pages, new() { ["version"] = version, ["value"] = "320", ["reason"] = "Invoice credited." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        page = await pages.GetStringAsync(done.Headers.Location!.ToString());
        Assert.Contains("Measurement corrected.", page);
        Assert.Matches("<table id=\"corrections\">[\\s\\S]*321.5</td><td>320</td>\\s*<td>Invoice credited.</td><td>Maya Lindqvist</td>", page);

        var stale = await PostAsync(pages, new() { ["version"] = version, ["value"] = "300", ["reason"] = "again" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains($"id=\"cv-{id}\" name=\"value\" inputmode=\"decimal\" size=\"8\" value=\"320\"", await stale.Content.ReadAsStringAsync());

        var employee = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        Assert.DoesNotContain("Correct or delete", await employee.GetStringAsync($"/kpis/{kpiId}"));
        var refused = await PostAsync(employee, new() { ["version"] = version, ["reason"] = "not mine", ["delete"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, factory.Database.Count($"SELECT count(*) FROM strategy_measurements WHERE \"Id\" = '{DbId(id)}'"));
    }
}
