using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Scorecard.Host.Tests;

public sealed class DirectoryApiTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Everyone_signed_in_searches_the_directory_with_paging()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var engineers = await employee.GetJsonAsync("/api/v1/people?search=engineer");
        var names = engineers["items"]!.AsArray().Select(p => p!["jobTitle"].Str()).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, t => Assert.Contains("engineer", t, StringComparison.OrdinalIgnoreCase));

        var page = await employee.GetJsonAsync("/api/v1/people?limit=5&offset=5");
        Assert.Equal(5, page["items"]!.AsArray().Count);
        Assert.True(page["total"]!.GetValue<int>() > 10);
    }

    [Fact]
    public async Task Filtering_by_org_unit_includes_its_sub_units()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var units = (await employee.GetJsonAsync("/api/v1/org-units"))["items"]!.AsArray();
        var engineering = units.Single(u => u!["path"].Str() == "Brightline/Engineering")!["id"].Str();
        var people = await employee.GetJsonAsync($"/api/v1/people?orgUnitId={engineering}");
        var titles = people["items"]!.AsArray().Select(p => p!["name"].Str()).ToList();
        Assert.Contains("Daniel Okafor", titles);   // in Engineering itself
        Assert.Contains("Tomas Novak", titles);     // in Engineering/Platform
        Assert.DoesNotContain("Marcus Johnson", titles);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Bad_paging_is_400_naming_the_field(string query, string field)
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var response = await employee.GetAsync($"/api/v1/people?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await Json.ReadAsync(response))["field"].Str());
    }

    [Fact]
    public async Task HR_only_attributes_are_returned_to_HR_and_never_to_anyone_else()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var manager = await factory.ClientForAsync(ScorecardFactory.Manager);
        var people = await hr.GetJsonAsync("/api/v1/people?search=aisha");
        var aisha = people["items"]![0]!;
        Assert.Equal("female", aisha["gender"].Str());
        Assert.Equal(1993, aisha["birthYear"]!.GetValue<int>());

        foreach (var client in new[] { employee, manager })
        {
            var list = await client.GetStringAsync("/api/v1/people?limit=1000");
            var single = await client.GetStringAsync($"/api/v1/people/{aisha["id"].Str()}");
            var export = await client.GetStringAsync("/api/v1/people/export");
            foreach (var body in new[] { list, single })
            {
                Assert.DoesNotContain("gender", body);
                Assert.DoesNotContain("birthYear", body);
            }
            Assert.DoesNotContain("gender", export.Split('\n')[0]);
            Assert.DoesNotContain("female", export);
        }
        var hrExport = await hr.GetStringAsync("/api/v1/people/export");
        Assert.StartsWith("email,name,jobTitle,orgUnit,managerEmail,hireDate,gender,birthYear", hrExport.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Only_HR_and_admins_create_or_edit_people()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var manager = await factory.ClientForAsync(ScorecardFactory.Manager);
        var units = await employee.GetJsonAsync("/api/v1/org-units");
        var body = new { email = "someone@brightline.example", name = "Someone", orgUnitId = units["items"]![0]!["id"].Str(), hireDate = "2026-01-05" };
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/v1/people", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/people", body)).StatusCode);
        var me = await employee.GetJsonAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PatchJsonAsync($"/api/v1/people/{me["person"]!["id"].Str()}", new { jobTitle = "CEO" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/v1/org-units", new { name = "Shadow IT", parentId = units["items"]![0]!["id"].Str() })).StatusCode);
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/people", body)).StatusCode);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","name":"X","orgUnitId":"UNIT","hireDate":"2026-01-05"}""", "email")]
    [InlineData("""{"email":"x1@brightline.example","name":"  ","orgUnitId":"UNIT","hireDate":"2026-01-05"}""", "name")]
    [InlineData("""{"email":"x2@brightline.example","name":"X","orgUnitId":"UNIT","hireDate":"2999-01-05"}""", "hireDate")]
    [InlineData("""{"email":"x3@brightline.example","name":"X","orgUnitId":"UNIT","hireDate":"2026-01-05","birthYear":1800}""", "birthYear")]
    public async Task Invalid_field_values_are_400_naming_the_field_and_nothing_is_written(string json, string field)
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var unit = (await hr.GetJsonAsync("/api/v1/org-units"))["items"]![0]!["id"].Str();
        var before = (await hr.GetJsonAsync("/api/v1/people?limit=1"))["total"]!.GetValue<int>();
        var response = await hr.PostAsync("/api/v1/people", new StringContent(json.Replace("UNIT", unit), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await Json.ReadAsync(response))["field"].Str());
        Assert.Equal(before, (await hr.GetJsonAsync("/api/v1/people?limit=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Malformed_JSON_is_400_naming_where_it_broke()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var response = await hr.PostAsync("/api/v1/people", new StringContent("""{"email": "a@b.co", "hireDate": "yesterday"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("hireDate", problem["field"].Str());
        Assert.DoesNotContain("System.", problem.ToJsonString());   // no .NET type names echoed back
    }

    [Fact]
    public async Task A_stale_edit_gets_409_and_does_not_overwrite()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var person = (await hr.GetJsonAsync("/api/v1/people?search=lena.vogel"))["items"]![0]!;
        var id = person["id"].Str();
        var version = person["version"].Str();

        var first = await hr.PatchJsonAsync($"/api/v1/people/{id}", new { jobTitle = "Senior Account Executive", version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await hr.PatchJsonAsync($"/api/v1/people/{id}", new { jobTitle = "Overwritten", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Senior Account Executive", (await hr.GetJsonAsync($"/api/v1/people/{id}"))["jobTitle"].Str());
    }

    [Fact]
    public async Task A_manager_change_that_closes_a_reporting_cycle_is_422()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var priya = (await hr.GetJsonAsync("/api/v1/people?search=priya.raman"))["items"]![0]!;
        var tomas = (await hr.GetJsonAsync("/api/v1/people?search=tomas.novak"))["items"]![0]!;
        var response = await hr.PatchJsonAsync($"/api/v1/people/{priya["id"].Str()}", new { managerId = tomas["id"].Str() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("managerId", (await Json.ReadAsync(response))["field"].Str());
    }

    [Fact]
    public async Task An_unknown_patch_field_is_400()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var person = (await hr.GetJsonAsync("/api/v1/people?search=raj.patel"))["items"]![0]!;
        var response = await hr.PatchJsonAsync($"/api/v1/people/{person["id"].Str()}", new { salary = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("salary", (await Json.ReadAsync(response))["field"].Str());
    }

    [Fact]
    public async Task An_unknown_person_is_404()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/api/v1/people/{Guid.NewGuid()}")).StatusCode);
    }
}
