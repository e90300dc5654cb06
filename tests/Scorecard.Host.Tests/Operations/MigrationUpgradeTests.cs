using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Scorecard.Host.Tests.Operations;

/// <summary>The host on a database someone already has.</summary>
public sealed class LegacyDatabaseFactory(TestDatabase database) : ScorecardFactory(database);

/// <summary>
/// A SQLite database made by the release of 2026-11-22 (hand-written migrations; its demo data plus one
/// feedback item written through the API, dumped with <c>sqlite3 .dump</c>) upgrades without losing data.
/// </summary>
public sealed class MigrationUpgradeTests
{
    [Fact]
    public async Task A_database_made_by_the_previous_release_upgrades_in_place_and_keeps_its_data()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var load = connection.CreateCommand();
            load.CommandText = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "release-2026-11-22.sql"));
            await load.ExecuteNonQueryAsync();
        }
        Assert.Equal(0, database.Count("SELECT count(*) FROM __platform_migrations WHERE \"MigrationId\" LIKE '%Baseline'"));
        var feedbackBefore = database.Count("SELECT count(*) FROM reviews_feedback");

        await using var factory = new LegacyDatabaseFactory(database);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);

        // The earlier history is kept, the EF baseline is recorded as applied, and the later migrations ran.
        foreach (var history in new[] { "__platform_migrations", "__org_migrations", "__strategy_migrations", "__okr_migrations", "__reviews_migrations" })
        {
            Assert.Equal(1, database.Count($"SELECT count(*) FROM {history} WHERE \"MigrationId\" LIKE '%Baseline'"));
            Assert.True(database.Count($"SELECT count(*) FROM {history} WHERE \"MigrationId\" LIKE '20261122%'") >= 1);
        }
        Assert.Equal(1, database.Count("SELECT count(*) FROM __platform_migrations WHERE \"MigrationId\" LIKE '%SharedInstances'"));

        // The data is all there: people (with their new search keys filled), the demo, and the feedback written through the API.
        Assert.Equal(49, database.Count("SELECT count(*) FROM org_people"));
        Assert.Equal(0, database.Count("SELECT count(*) FROM org_people WHERE \"NameKey\" = ''"));
        Assert.Equal(99, database.Count("SELECT count(*) FROM okr_objectives"));
        Assert.Equal(feedbackBefore, database.Count("SELECT count(*) FROM reviews_feedback"));
        Assert.Equal(1, database.Count("SELECT count(*) FROM reviews_feedback WHERE \"Text\" LIKE 'Legacy row:%'"));

        // And it works: the old accounts sign in, search finds people, and audited writes commit.
        var client = await factory.ClientForAsync(ScorecardFactory.Admin);
        var found = await client.GetJsonAsync("/api/v1/people?search=tomas");
        Assert.Contains(found["items"]!.AsArray(), p => p!["email"].Str() == ScorecardFactory.Employee);
        var units = await client.GetJsonAsync("/api/v1/org-units");
        var created = await client.PostAsJsonAsync("/api/v1/scorecards", new
        {
            orgUnitId = units["items"]!.AsArray().Select(u => u!["id"].Str()).Last(), name = "After the upgrade",
            periodStart = "2027-01-01", periodEnd = "2027-12-31",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, database.Count("SELECT count(*) FROM platform_audit_log WHERE \"Action\" = 'strategy.scorecard.created'"));
    }
}
