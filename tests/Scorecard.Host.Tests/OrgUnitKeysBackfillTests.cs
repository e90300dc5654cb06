using System.Net;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests;

/// <summary>Units stored before the sibling keys existed get them at the next start.</summary>
public sealed class OrgUnitKeysBackfillTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Placeholder_keys_left_by_the_migration_are_folded_at_start_and_then_refuse_duplicates()
    {
        (await factory.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();
        // What the OrganizationOrgUnitNames migration leaves for units it finds: a unique placeholder key.
        factory.Database.Scalar("""UPDATE org_units SET "NameKey" = '~' || CAST("Id" AS TEXT)""");

        await using var restarted = new RestartedWithDemoFactory(factory.Database);
        (await restarted.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();

        Assert.Equal(0, factory.Database.Count("""SELECT COUNT(*) FROM org_units WHERE "NameKey" LIKE '~%'"""));
        Assert.Equal("engineering", factory.Database.Scalar("""SELECT "NameKey" FROM org_units WHERE "Name" = 'Engineering'"""));
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var root = (await hr.GetJsonAsync("/api/v1/org-units"))["items"]!.AsArray().Single(u => u!["path"].Str() == "Brightline")!;
        var duplicate = await hr.PostAsJsonAsync("/api/v1/org-units", new { name = "ENGINEERING", parentId = root["id"].Str() });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}
