using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests;

/// <summary>Org units through the API on the demo: create, rename, move, delete and who may do it.</summary>
public sealed class OrgUnitsApiTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private async Task<JsonNode> UnitAsync(HttpClient client, string path) =>
        (await client.GetJsonAsync("/api/v1/org-units?limit=1000"))["items"]!.AsArray().Single(u => u!["path"].Str() == path)!;

    private static async Task<JsonNode> CreateAsync(HttpClient client, string name, string parentId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/org-units", new { name, parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    [Fact]
    public async Task Concurrent_case_variants_of_one_name_under_one_parent_give_one_unit_and_409s_naming_the_name()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var root = await UnitAsync(hr, "Brightline");
        var parent = await CreateAsync(hr, $"Race {Guid.NewGuid():N}", root["id"].Str());
        string[] variants = ["Field Sales", "field sales", "FIELD SALES", "Field sales", "fIELD sALES", "Field Sales ", "field Sales", "FIELD sales", "Fíeld Sales", "field salés"];

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = variants.Select(async name =>
        {
            await gate.Task;
            return await hr.PostAsJsonAsync("/api/v1/org-units", new { name, parentId = parent["id"].Str() });
        }).ToList();
        gate.SetResult();
        var answered = await Task.WhenAll(requests);

        Assert.Single(answered, r => r.StatusCode == HttpStatusCode.Created);
        var refused = answered.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(variants.Length - 1, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("already exists", (await Json.ReadAsync(response))["detail"].Str());
        }
        var children = (await hr.GetJsonAsync("/api/v1/org-units?limit=1000"))["items"]!.AsArray()
            .Where(u => u!["parentId"]?.GetValue<string>() == parent["id"].Str()).ToList();
        Assert.Single(children);
    }

    [Fact]
    public async Task A_duplicate_sibling_name_is_409_naming_the_name_and_another_parent_may_use_it()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var engineering = await UnitAsync(hr, "Brightline/Engineering");
        var duplicate = await hr.PostAsJsonAsync("/api/v1/org-units", new { name = "PLATFORM", parentId = engineering["id"].Str() });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("'Platform'", (await Json.ReadAsync(duplicate))["detail"].Str());

        var sales = await UnitAsync(hr, "Brightline/Sales");
        await CreateAsync(hr, "Platform", sales["id"].Str());
    }

    [Fact]
    public async Task HR_renames_and_moves_a_unit_a_cycle_is_422_with_the_path_and_a_stale_version_is_409()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var root = await UnitAsync(hr, "Brightline");
        var outer = await CreateAsync(hr, "Moves Outer", root["id"].Str());
        var inner = await CreateAsync(hr, "Moves Inner", outer["id"].Str());

        var renamed = await hr.PatchJsonAsync($"/api/v1/org-units/{outer["id"].Str()}", new { name = "Moves Outside", version = outer["version"].Str() });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Brightline/Moves Outside", (await Json.ReadAsync(renamed))["path"].Str());
        Assert.Equal("Brightline/Moves Outside/Moves Inner", (await UnitAsync(hr, "Brightline/Moves Outside/Moves Inner"))["path"].Str());

        var stale = await hr.PatchJsonAsync($"/api/v1/org-units/{outer["id"].Str()}", new { name = "Stale", version = outer["version"].Str() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var cycle = await hr.PatchJsonAsync($"/api/v1/org-units/{outer["id"].Str()}", new { parentId = inner["id"].Str() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        var problem = await Json.ReadAsync(cycle);
        Assert.Equal("parentId", problem["field"].Str());
        Assert.Contains("'Brightline/Moves Outside/Moves Inner'", problem["detail"].Str());
        Assert.Contains("cycle", problem["detail"].Str());
        var self = await hr.PatchJsonAsync($"/api/v1/org-units/{outer["id"].Str()}", new { parentId = outer["id"].Str() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);

        var engineering = await UnitAsync(hr, "Brightline/Engineering");
        var moved = await hr.PatchJsonAsync($"/api/v1/org-units/{inner["id"].Str()}", new { parentId = engineering["id"].Str() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Brightline/Engineering/Moves Inner", (await Json.ReadAsync(moved))["path"].Str());

        var intoTaken = await hr.PatchJsonAsync($"/api/v1/org-units/{inner["id"].Str()}", new { name = "platform" });
        Assert.Equal(HttpStatusCode.Conflict, intoTaken.StatusCode);
    }

    [Theory]
    [InlineData("Brightline/Marketing", "scorecard")]
    [InlineData("Brightline/Sales/Enterprise Sales", "OKR objective")]
    [InlineData("Brightline/Engineering/Platform", "people (")]
    [InlineData("Brightline/Engineering", "units under it")]
    public async Task A_unit_in_use_is_not_deleted_and_the_409_names_what_uses_it(string path, string user)
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var unit = await UnitAsync(hr, path);
        var response = await hr.DeleteAsync($"/api/v1/org-units/{unit["id"].Str()}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await Json.ReadAsync(response))["detail"].Str();
        Assert.Contains($"'{path}'", detail);
        Assert.Contains(user, detail);
        Assert.Equal(path, (await UnitAsync(hr, path))["path"].Str());
    }

    [Fact]
    public async Task An_unused_unit_is_deleted()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var root = await UnitAsync(hr, "Brightline");
        var unit = await CreateAsync(hr, "Short Lived", root["id"].Str());
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/v1/org-units/{unit["id"].Str()}")).StatusCode);
        Assert.DoesNotContain((await hr.GetJsonAsync("/api/v1/org-units?limit=1000"))["items"]!.AsArray(), u => u!["name"].Str() == "Short Lived");
        Assert.Equal(HttpStatusCode.NotFound, (await hr.DeleteAsync($"/api/v1/org-units/{unit["id"].Str()}")).StatusCode);
    }

    [Fact]
    public async Task An_employee_reads_units_but_cannot_create_change_or_delete_them()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var sales = await UnitAsync(employee, "Brightline/Sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/v1/org-units", new { name = "Mine", parentId = sales["id"].Str() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PatchJsonAsync($"/api/v1/org-units/{sales["id"].Str()}", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.DeleteAsync($"/api/v1/org-units/{sales["id"].Str()}")).StatusCode);
        Assert.Equal("Brightline/Sales", (await UnitAsync(employee, "Brightline/Sales"))["path"].Str());
    }
}
