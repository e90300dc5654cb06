using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Scorecard.Host.Tests.Security;

/// <summary>Numbers and dates stay within the documented ranges; a refused request writes nothing and reads stay whole.</summary>
public sealed class SaneRangeTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task The_1e308_sequence_is_refused_with_nothing_stored_and_every_reader_unharmed()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var scorecards = await admin.GetJsonAsync("/api/v1/scorecards");
        var scorecardId = scorecards["items"]![0]!["id"].Str();
        var detail = await admin.GetJsonAsync($"/api/v1/scorecards/{scorecardId}");
        var kpiId = detail.ToJsonString().Split("\"kpis\":[{\"id\":\"")[1][..36];
        var before = (await admin.GetAsync($"/api/v1/kpis/{kpiId}")).Content.ReadAsStringAsync();
        var measurementsBefore = factory.Database.Count($"SELECT count(*) FROM strategy_measurements");

        foreach (var patch in new[] { "{\"min\":-1e308,\"max\":1e308}", "{\"target\":1e13}", "{\"baseline\":-1e300}" })
        {
            var refused = await admin.PatchAsync($"/api/v1/kpis/{kpiId}", new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        var huge = await admin.PostAsJsonAsync($"/api/v1/kpis/{kpiId}/measurements", new { date = "2026-11-01", value = 1e308 });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal("value", (await Json.ReadAsync(huge))["field"].Str());
        Assert.Equal(measurementsBefore, factory.Database.Count($"SELECT count(*) FROM strategy_measurements"));
        Assert.Equal(await before, await (await admin.GetAsync($"/api/v1/kpis/{kpiId}")).Content.ReadAsStringAsync());

        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        foreach (var read in new[] { "/api/v1/scorecards", $"/api/v1/scorecards/{scorecardId}", "/api/v1/okr/tree?period=2026-Q4" })
            Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync(read)).StatusCode);
    }

    [Fact]
    public async Task Dates_outside_1900_to_2200_are_refused()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var units = await admin.GetJsonAsync("/api/v1/org-units");
        var response = await admin.PostAsJsonAsync("/api/v1/scorecards", new
        {
            orgUnitId = units["items"]!.AsArray()[0]!["id"].Str(), name = "Far future", periodStart = "9999-01-01", periodEnd = "9999-12-31",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("periodStart", (await Json.ReadAsync(response))["field"].Str());
    }
}
