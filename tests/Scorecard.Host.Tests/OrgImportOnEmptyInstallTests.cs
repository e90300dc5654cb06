using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Scorecard.Host.Tests;

/// <summary>The HRIS import builds the organization on an install without demo data and without units.</summary>
public sealed class OrgImportOnEmptyInstallTests(BootstrapFactory factory) : IClassFixture<BootstrapFactory>
{
    private static readonly string[] Departments = ["Sales", "Engineering", "Marketing", "Finance", "People"];

    /// <summary>40 people: the CEO in "Acme" without a manager, a head per department, the rest under their head.</summary>
    private static string FortyPeople(string ceoUnit = "Acme", string? secondTopUnit = null)
    {
        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        csv.Append($"ceo@acme.example,Carla Ceo,CEO,{ceoUnit},,2015-01-05\n");
        for (var i = 1; i < 40; i++)
        {
            var department = Departments[i % Departments.Length];
            var isHead = i <= Departments.Length;
            var manager = isHead ? (secondTopUnit is not null && i == 1 ? "" : "ceo@acme.example") : $"head{i % Departments.Length}@acme.example";
            var email = isHead ? $"head{i % Departments.Length}@acme.example" : $"person{i}@acme.example";
            var unit = secondTopUnit is not null && i == 1 ? secondTopUnit : department;
            csv.Append($"{email},Person {i},{(isHead ? "Head of " + department : "Specialist")},{unit},{manager},2020-02-{1 + i % 28:00}\n");
        }
        return csv.ToString();
    }

    private async Task<HttpClient> AdminAsync()
    {
        var token = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = "admin@example.org", password = "Bootstrap-Admin-2026" });
        token.EnsureSuccessStatusCode();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Json.ReadAsync(token))["accessToken"].Str());
        return client;
    }

    [Fact]
    public async Task A_file_of_plain_departments_creates_the_root_from_the_person_without_a_manager_and_the_units_under_it()
    {
        var admin = await AdminAsync();

        // Two people without a manager in different units: the root is unknown, nothing is written.
        var twoTops = await admin.PostAsync("/api/v1/people/import", new StringContent(FortyPeople(secondTopUnit: "Board"), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twoTops.StatusCode);
        var problem = await Json.ReadAsync(twoTops);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("orgUnit", error["column"].Str());
        Assert.Equal([2, 3], error["lines"]!.AsArray().Select(l => l!.GetValue<int>()));
        Assert.Contains("(Acme, Board)", error["message"].Str());
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/org-units"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/people"))["total"]!.GetValue<int>());

        var response = await admin.PostAsync("/api/v1/people/import", new StringContent(FortyPeople(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json.ReadAsync(response);
        Assert.Equal(40, result["created"]!.GetValue<int>());
        Assert.Equal(6, result["unitsCreated"]!.GetValue<int>());

        var paths = (await admin.GetJsonAsync("/api/v1/org-units"))["items"]!.AsArray().Select(u => u!["path"].Str()).ToList();
        Assert.Equal(["Acme", "Acme/Engineering", "Acme/Finance", "Acme/Marketing", "Acme/People", "Acme/Sales"], paths);
        var sales = (await admin.GetJsonAsync("/api/v1/org-units"))["items"]!.AsArray().Single(u => u!["name"].Str() == "Sales")!;
        Assert.Equal(7, (await admin.GetJsonAsync($"/api/v1/people?orgUnitId={sales["id"].Str()}"))["total"]!.GetValue<int>());
    }
}
