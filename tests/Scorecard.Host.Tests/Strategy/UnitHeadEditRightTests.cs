using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Host.Tests.Okr;
using Scorecard.Organization.Contracts;

namespace Scorecard.Host.Tests.Strategy;

/// <summary>
/// A unit scorecard's editors are the unit's heads (sub-units included) and everyone above them. The heads are stored
/// by the Organization module; after each kind of people change made through the API — a manager change, a move, a
/// person leaving, an HRIS import — the stored heads and the edit right follow. One host (and database) per scenario.
/// </summary>
public static class UnitHeadScenario
{
    public const string Priya = "priya.raman@brightline.example";
    public const string Tomas = "tomas.novak@brightline.example";
    public const string Elena = "elena.petrova@brightline.example";
    public const string Ben = "ben.harris@brightline.example";
    public const string Julia = "julia.fischer@brightline.example";
    public const string Daniel = "daniel.okafor@brightline.example";

    public static async Task<string> PersonIdAsync(HttpClient hr, string email) =>
        (await hr.GetJsonAsync($"/api/v1/people?search={Uri.EscapeDataString(email)}"))["items"]!.AsArray()
        .Single(p => p!["email"].Str() == email)!["id"].Str();

    public static async Task<string> ScorecardForAsync(HttpClient admin, string unitPath)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/scorecards", new
        {
            orgUnitId = await OkrHostHelpers.UnitIdAsync(admin, unitPath), name = $"{unitPath} 2026", periodStart = "2026-01-01", periodEnd = "2026-12-31",
            perspectives = new[] { new { name = "Customer", weight = 1.0 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json.ReadAsync(created))["id"].Str();
    }

    public static async Task<bool> CanEditAsync(ScorecardFactory factory, string email, string scorecardId) =>
        (await (await factory.ClientForAsync(email)).GetJsonAsync($"/api/v1/scorecards/{scorecardId}"))["canEdit"]!.GetValue<bool>();

    /// <summary>The heads as other modules ask for them (the Organization module's contract, on the host's database).</summary>
    public static async Task<string[]> HeadsAsync(ScorecardFactory factory, HttpClient client, string unitPath)
    {
        var unit = await OkrHostHelpers.UnitIdAsync(client, unitPath);
        await using var scope = factory.Services.CreateAsyncScope();
        var heads = await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().GetUnitHeadsAsync(unit, includeSubUnits: true);
        return heads.Select(p => p.Name).Order().ToArray();
    }

    public static async Task PatchPersonAsync(HttpClient hr, string email, object patch)
    {
        var response = await hr.PatchJsonAsync($"/api/v1/people/{await PersonIdAsync(hr, email)}", patch);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class UnitHeadManagerChangeTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task When_a_head_gets_another_manager_the_new_manager_may_edit_and_the_old_one_no_longer()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var support = await UnitHeadScenario.ScorecardForAsync(admin, "Brightline/Customer Success/Support");
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Elena, support));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Priya, support));

        await UnitHeadScenario.PatchPersonAsync(hr, UnitHeadScenario.Ben, new { managerId = await UnitHeadScenario.PersonIdAsync(hr, UnitHeadScenario.Priya) });

        Assert.Equal(["Ben Harris"], await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Customer Success/Support"));
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Priya, support));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Elena, support));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, ScorecardFactory.Hr, support));
    }
}

public sealed class UnitHeadMoveTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_manager_moved_to_another_unit_heads_it_and_the_reports_left_behind_head_their_unit()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var marketing = await UnitHeadScenario.ScorecardForAsync(admin, "Brightline/Marketing");
        var platform = await UnitHeadScenario.ScorecardForAsync(admin, "Brightline/Engineering/Platform");
        Assert.Equal(["Priya Raman"], await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Engineering/Platform"));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Priya, marketing));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Tomas, platform));

        await UnitHeadScenario.PatchPersonAsync(hr, UnitHeadScenario.Priya, new { orgUnitId = await OkrHostHelpers.UnitIdAsync(hr, "Brightline/Marketing") });

        Assert.Contains("Priya Raman", await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Marketing"));
        var platformHeads = await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Engineering/Platform");
        Assert.Contains("Tomas Novak", platformHeads);
        Assert.DoesNotContain("Priya Raman", platformHeads);
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Priya, marketing));
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Tomas, platform));
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Priya, platform)); // above the new heads
    }
}

public sealed class UnitHeadLeaveTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_head_who_leaves_heads_nothing_and_the_people_above_them_lose_the_edit_right_through_them()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var support = await UnitHeadScenario.ScorecardForAsync(admin, "Brightline/Customer Success/Support");
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Elena, support));

        await UnitHeadScenario.PatchPersonAsync(hr, UnitHeadScenario.Ben, new { active = false });

        // Ben's reports still answer to someone inside Support: the unit has no head until the org chart is updated.
        Assert.Empty(await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Customer Success/Support"));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Elena, support));
        Assert.Contains("Elena Petrova", await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Customer Success"));
    }
}

public sealed class UnitHeadImportTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private const string Csv = """
        email,name,jobTitle,orgUnit,managerEmail,hireDate,gender,birthYear
        tomas.novak@brightline.example,Tomas Novak,Senior Platform Engineer,Brightline/Engineering/Platform,julia.fischer@brightline.example,2019-02-11,male,1988
        dana.lee@brightline.example,Dana Lee,Data Engineering Manager,Brightline/Engineering/Data,daniel.okafor@brightline.example,2026-02-02,female,1987
        ivo.petrov@brightline.example,Ivo Petrov,Data Engineer,Brightline/Engineering/Data,dana.lee@brightline.example,2026-03-09,male,1994
        """;

    [Fact]
    public async Task An_import_that_changes_managers_and_adds_a_unit_updates_the_heads_and_the_edit_right()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var platform = await UnitHeadScenario.ScorecardForAsync(admin, "Brightline/Engineering/Platform");
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Tomas, platform));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Julia, platform));

        var imported = await hr.PostAsync("/api/v1/people/import", new StringContent(Csv, Encoding.UTF8, "text/csv"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        Assert.Equal(["Priya Raman", "Tomas Novak"], await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Engineering/Platform"));
        Assert.Equal(["Dana Lee"], await UnitHeadScenario.HeadsAsync(factory, hr, "Brightline/Engineering/Data"));
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Tomas, platform));
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Julia, platform)); // above the new head
        var data = await UnitHeadScenario.ScorecardForAsync(admin, "Brightline/Engineering/Data");
        Assert.True(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Daniel, data));
        Assert.False(await UnitHeadScenario.CanEditAsync(factory, UnitHeadScenario.Priya, data));
    }
}
