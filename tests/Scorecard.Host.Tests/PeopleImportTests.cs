using System.Net;
using System.Text;

namespace Scorecard.Host.Tests;

public sealed class PeopleImportTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private const string NewTeam = """"
        email,name,jobTitle,orgUnit,managerEmail,hireDate,gender,birthYear
        dana.lee@brightline.example,Dana Lee,Data Engineering Manager,Brightline/Engineering/Data,daniel.okafor@brightline.example,2026-02-02,female,1987
        "ivo.petrov@brightline.example","Petrov, Ivo",Data Engineer,Brightline/Engineering/Data,dana.lee@brightline.example,2026-03-09,male,1994
        kim.osei@brightline.example,Kim Osei,"Analytics Engineer, ""dbt""",Brightline/Engineering/Data,dana.lee@brightline.example,2026-04-13,,
        """";

    [Fact]
    public async Task HR_imports_people_with_a_new_unit_and_importing_the_same_file_again_changes_nothing()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var first = await hr.PostAsync("/api/v1/people/import", Csv(NewTeam));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await Json.ReadAsync(first);
        Assert.Equal(3, result["created"]!.GetValue<int>());
        Assert.Equal(0, result["updated"]!.GetValue<int>());

        var ivo = (await hr.GetJsonAsync("/api/v1/people?search=ivo.petrov"))["items"]![0]!;
        var dana = (await hr.GetJsonAsync("/api/v1/people?search=dana.lee"))["items"]![0]!;
        Assert.Equal("Petrov, Ivo", ivo["name"].Str());
        Assert.Equal(dana["id"].Str(), ivo["managerId"].Str());
        var units = (await hr.GetJsonAsync("/api/v1/org-units"))["items"]!.AsArray();
        Assert.Single(units, u => u!["path"].Str() == "Brightline/Engineering/Data");

        var again = await Json.ReadAsync(await hr.PostAsync("/api/v1/people/import", Csv(NewTeam)));
        Assert.Equal(0, again["created"]!.GetValue<int>());
        Assert.Equal(0, again["updated"]!.GetValue<int>());
        Assert.Equal(ivo["version"].Str(), (await hr.GetJsonAsync($"/api/v1/people/{ivo["id"].Str()}"))["version"].Str());

        var promoted = await Json.ReadAsync(await hr.PostAsync("/api/v1/people/import", Csv(NewTeam.Replace("Data Engineer,", "Senior Data Engineer,"))));
        Assert.Equal(1, promoted["updated"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_file_with_errors_lists_each_with_line_and_column_and_nothing_is_written()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var before = await hr.GetStringAsync("/api/v1/people/export");
        var unitsBefore = (await hr.GetJsonAsync("/api/v1/org-units"))["total"]!.GetValue<int>();
        const string bad = """
            email,name,jobTitle,orgUnit,managerEmail,hireDate
            good.one@brightline.example,Good One,Engineer,Brightline/Engineering/Newly Created,,2025-01-01
            not-an-email,Bad Email,Engineer,Brightline/Engineering,,2025-01-01
            bad.date@brightline.example,Bad Date,Engineer,Brightline/Engineering,,01/02/2025
            orphan@brightline.example,Orphan,Engineer,Brightline/Engineering,nobody@brightline.example,2025-01-01
            good.one@brightline.example,Duplicate,Engineer,Brightline/Engineering,,2025-01-01
            nowhere@brightline.example,Nowhere,Engineer,Atlantis/Deep,,2025-01-01
            """;
        var response = await hr.PostAsync("/api/v1/people/import", Csv(bad));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await Json.ReadAsync(response))["errors"]!.AsArray()
            .Select(e => (Line: e!["line"]!.GetValue<int>(), Column: e["column"].Str())).ToList();
        Assert.Contains((3, "email"), errors);
        Assert.Contains((4, "hireDate"), errors);
        Assert.Contains((5, "managerEmail"), errors);
        Assert.Contains((6, "email"), errors);
        Assert.Contains((7, "orgUnit"), errors);

        Assert.Equal(before, await hr.GetStringAsync("/api/v1/people/export"));
        Assert.Equal(unitsBefore, (await hr.GetJsonAsync("/api/v1/org-units"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_reporting_cycle_between_file_and_directory_is_refused()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        const string cycle = """
            email,name,jobTitle,orgUnit,managerEmail,hireDate
            priya.raman@brightline.example,Priya Raman,"Engineering Manager, Platform",Brightline/Engineering/Platform,tomas.novak@brightline.example,2018-09-03
            """;
        var response = await hr.PostAsync("/api/v1/people/import", Csv(cycle));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cycle", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("email,name,jobTitle,orgUnit,managerEmail,hireDate,salary\nx@brightline.example,X,,Brightline,,2025-01-01,100\n")]
    [InlineData("email,name\nx@brightline.example,X\n")]
    [InlineData("email,name,jobTitle,orgUnit,managerEmail,hireDate\n\"x@brightline.example,X,,Brightline,,2025-01-01\n")]
    public async Task Malformed_files_are_422_with_the_problem_located(string csv)
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var response = await hr.PostAsync("/api/v1/people/import", Csv(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var first = (await Json.ReadAsync(response))["errors"]!.AsArray()[0]!;
        Assert.True(first["line"]!.GetValue<int>() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(first["message"].Str()));
    }

    [Fact]
    public async Task A_body_over_10_MB_is_413()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var big = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        while (big.Length <= 10 * 1024 * 1024) big.Append("someone@brightline.example,Some One,Engineer,Brightline,,2025-01-01\n");
        var response = await hr.PostAsync("/api/v1/people/import", Csv(big.ToString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Employees_and_managers_cannot_import()
    {
        foreach (var email in new[] { ScorecardFactory.Employee, ScorecardFactory.Manager })
        {
            var client = await factory.ClientForAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/people/import", Csv(NewTeam))).StatusCode);
        }
    }

    [Fact]
    public async Task The_export_imports_back_unchanged()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var export = await hr.GetStringAsync("/api/v1/people/export");
        var result = await Json.ReadAsync(await hr.PostAsync("/api/v1/people/import", Csv(export)));
        Assert.Equal(0, result["created"]!.GetValue<int>());
        Assert.Equal(0, result["updated"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_large_bad_file_gets_a_bounded_answer_listing_each_problem_once_with_the_total()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        for (var i = 0; i < 5000; i++) csv.Append($"bulk{i}@brightline.example,Bulk {i},Engineer,Brightline/Engineering,,31.12.2025\n");

        var response = await hr.PostAsync("/api/v1/people/import", Csv(csv.ToString()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 20_000, $"{body.Length} characters");
        var problem = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal(5000, problem["total"]!.GetValue<int>());
        Assert.True(problem["truncated"]!.GetValue<bool>());
        Assert.Equal(422, problem["status"]!.GetValue<int>());
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal((2, "hireDate"), (error["line"]!.GetValue<int>(), error["column"].Str()));
        Assert.Equal(200, error["lines"]!.AsArray().Count);
        Assert.Equal(5000, error["lineCount"]!.GetValue<int>());
    }
}
