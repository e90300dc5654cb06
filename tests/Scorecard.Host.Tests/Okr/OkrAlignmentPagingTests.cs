using System.Net;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests.Okr;

/// <summary>The org-wide alignment answers one page at a time, filtered by finding code and unit; coverage covers the whole scope.</summary>
public sealed class OkrAlignmentPagingTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Alignment_findings_come_in_pages_and_filter_by_code_with_coverage_of_the_whole_scope()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var all = await hr.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4&limit=1000");
        var total = all["total"]!.GetValue<int>();
        Assert.Equal(total, all["findings"]!.AsArray().Count);
        Assert.True(total >= 4, $"the demo has findings of every code, got {total}");

        var first = await hr.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4&limit=2");
        var second = await hr.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4&limit=2&offset=2");
        Assert.Equal(total, first["total"]!.GetValue<int>());
        Assert.Equal(2, second["offset"]!.GetValue<int>());
        Assert.Equal(Keys(all["findings"]!).Take(4), Keys(first["findings"]!).Concat(Keys(second["findings"]!)));
        Assert.Equal(all["coverage"]!.ToJsonString(), first["coverage"]!.ToJsonString());

        var broken = await hr.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4&code=broken_parent");
        Assert.All(broken["findings"]!.AsArray(), f => Assert.Equal("BROKEN_PARENT", f!["code"].Str()));
        Assert.Equal(all["coverage"]!["findingsByCode"]!["BROKEN_PARENT"]!.GetValue<int>(), broken["total"]!.GetValue<int>());

        var response = await hr.GetAsync("/api/v1/okr/alignment?period=2026-Q4&limit=0");
        await OkrHostHelpers.AssertProblemAsync(response, HttpStatusCode.BadRequest, "limit");
    }

    private static IEnumerable<string> Keys(JsonNode findings) =>
        findings.AsArray().Select(f => $"{f!["code"].Str()}|{f["objectiveId"]?.ToString()}|{f["keyResultId"]?.ToString()}|{f["personId"]?.ToString()}");
}
