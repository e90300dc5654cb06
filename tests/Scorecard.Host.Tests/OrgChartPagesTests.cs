using System.Net;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests;

/// <summary>The org chart page carries the top unit only; each unit's fragment is loaded on its own.</summary>
public sealed class OrgChartPagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task The_page_holds_the_root_and_its_units_collapsed_and_a_unit_fragment_holds_its_people()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var page = await employee.GetStringAsync("/org-chart");
        Assert.Contains("Brightline", page);
        Assert.Contains("Maya Lindqvist", page);          // in the root unit itself
        Assert.Contains("Engineering", page);             // a child unit, collapsed
        Assert.DoesNotContain("Tomas Novak", page);       // deeper down: loaded when opened
        Assert.Contains("/js/org-chart.js", page);

        var units = (await employee.GetJsonAsync("/api/v1/org-units?limit=1000"))["items"]!.AsArray();
        var platform = units.Single(u => u!["path"].Str() == "Brightline/Engineering/Platform")!["id"].Str();
        var fragment = await employee.GetStringAsync($"/org-chart/units/{platform}");
        Assert.Contains("Tomas Novak", fragment);
        Assert.DoesNotContain("<html", fragment);

        var trail = await employee.GetJsonAsync($"/org-chart/units/{platform}/trail");
        Assert.Equal(3, trail.AsArray().Count);
        Assert.Equal(platform, trail[2].Str());
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/org-chart/units/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task People_who_left_are_not_shown()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var root = (await hr.GetJsonAsync("/api/v1/org-units?limit=1000"))["items"]!.AsArray().Single(u => u!["path"].Str() == "Brightline")!;
        var unit = await Json.ReadAsync(await hr.PostAsJsonAsync("/api/v1/org-units", new { name = "Chart Leavers", parentId = root["id"].Str() }));
        var created = await hr.PostAsJsonAsync("/api/v1/people", new
        {
            email = "leaving.soon@brightline.example", name = "Leaving Soon", jobTitle = "Analyst",
            orgUnitId = unit["id"].Str(), hireDate = "2024-01-02",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await Json.ReadAsync(created);
        Assert.Contains("Leaving Soon", await hr.GetStringAsync($"/org-chart/units/{unit["id"].Str()}"));

        var left = await hr.PatchJsonAsync($"/api/v1/people/{person["id"].Str()}", new { active = false, version = person["version"].Str() });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var fragment = await hr.GetStringAsync($"/org-chart/units/{unit["id"].Str()}");
        Assert.DoesNotContain("Leaving Soon", fragment);
        Assert.Contains("Nobody in this unit", fragment);
    }
}
