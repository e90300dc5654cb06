using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Application;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Testing;

namespace Scorecard.Organization.Tests.Directory;

/// <summary>
/// The stored heads of every unit (sub-units included) stay equal to the definition — active members of the subtree
/// whose manager is outside it — after each kind of write, saved through the module's context on the real database.
/// </summary>
public sealed class StoredUnitHeadsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("heads");
    private OrganizationDbContext _db = null!;
    private AcmeOrganization _acme = null!;

    public async Task InitializeAsync()
    {
        _db = _database.Context<OrganizationDbContext, OrganizationSqliteDbContext, OrganizationPostgresDbContext>(OrganizationTables.Prefix);
        _acme = new AcmeOrganization(_db);
        await _db.Database.MigrateAsync();
        _acme.Unit("Acme", null);
        _acme.Unit("Engineering", "Acme");
        _acme.Unit("Platform", "Engineering");
        _acme.Unit("Data", "Engineering");
        _acme.Unit("Sales", "Acme");
        _acme.Unit("Nordics", "Sales");
        _acme.Add("ceo", "Acme", null);
        _acme.Add("cto", "Engineering", "ceo");
        _acme.Add("lead", "Platform", "cto");
        _acme.Add("dev1", "Platform", "lead");
        _acme.Add("dev2", "Platform", "lead");
        _acme.Add("analyst", "Data", "cto");
        _acme.Add("seller", "Sales", "ceo");
        _acme.Add("rep", "Nordics", "seller");
        await _db.SaveChangesAsync();
    }

    private async Task<string[]> HeadsAsync(string unit) =>
        (await new OrganizationDirectory(_db).GetUnitHeadsAsync(_acme.Units[unit].Id, includeSubUnits: true)).Select(p => p.Name).Order().ToArray();

    /// <summary>Every unit's stored heads against the definition computed from all people.</summary>
    private async Task AssertEveryUnitMatchesTheDefinitionAsync()
    {
        var units = await _db.Units.AsNoTracking().ToListAsync();
        var people = await _db.People.AsNoTracking().ToListAsync();
        foreach (var unit in units)
        {
            var subtree = ReportingLines.UnitAndDescendants(unit.Id, units);
            var expected = ReportingLines.Heads(people.Where(p => subtree.Contains(p.OrgUnitId)).ToList()).Select(p => p.Name).Order();
            var stored = (await new OrganizationDirectory(_db).GetUnitHeadsAsync(unit.Id, includeSubUnits: true)).Select(p => p.Name).Order();
            Assert.True(expected.SequenceEqual(stored), $"{unit.Name}: expected [{string.Join(", ", expected)}], stored [{string.Join(", ", stored)}]");
        }
    }

    [Fact]
    public async Task Created_people_are_stored_as_the_heads_of_their_units()
    {
        Assert.Equal(["CEO"], await HeadsAsync("Acme"));
        Assert.Equal(["CTO"], await HeadsAsync("Engineering"));
        Assert.Equal(["LEAD"], await HeadsAsync("Platform"));
        Assert.Equal(["REP"], await HeadsAsync("Nordics"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task A_manager_change_moves_the_headship()
    {
        _acme.People["dev1"].ManagerId = _acme.People["seller"].Id; // dev1 now answers to Sales: dev1 heads Platform and Engineering too
        await _db.SaveChangesAsync();
        Assert.Equal(["DEV1", "LEAD"], await HeadsAsync("Platform"));
        Assert.Equal(["CTO", "DEV1"], await HeadsAsync("Engineering"));
        Assert.Equal(["CEO"], await HeadsAsync("Acme"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task Moving_a_manager_to_another_unit_makes_their_reports_the_heads()
    {
        _acme.People["lead"].OrgUnitId = _acme.Units["Data"].Id; // lead's reports stay in Platform, their manager is now outside it
        await _db.SaveChangesAsync();
        Assert.Equal(["DEV1", "DEV2"], await HeadsAsync("Platform"));
        Assert.Equal(["ANALYST", "LEAD"], await HeadsAsync("Data"));
        Assert.Equal(["CTO"], await HeadsAsync("Engineering"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task A_person_who_leaves_heads_nothing()
    {
        _acme.People["seller"].Active = false;
        await _db.SaveChangesAsync();
        Assert.Empty(await HeadsAsync("Sales")); // the rep still answers to someone inside Sales
        Assert.Equal(["REP"], await HeadsAsync("Nordics"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task Moving_a_unit_recomputes_the_heads_above_it()
    {
        _acme.Units["Nordics"].ParentId = _acme.Units["Engineering"].Id; // rep's manager (seller) is outside Engineering
        await _db.SaveChangesAsync();
        Assert.Equal(["CTO", "REP"], await HeadsAsync("Engineering"));
        Assert.Equal(["SELLER"], await HeadsAsync("Sales"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task A_bulk_write_and_a_rebuild_give_the_same_heads()
    {
        for (var i = 0; i < 600; i++) _acme.Add($"p{i}", i % 2 == 0 ? "Data" : "Nordics", i % 3 == 0 ? "analyst" : i % 3 == 1 ? "rep" : null);
        await _db.SaveChangesAsync();
        await AssertEveryUnitMatchesTheDefinitionAsync();
        var before = await _db.UnitHeads.AsNoTracking().CountAsync();
        await _db.UnitHeads.ExecuteDeleteAsync();
        _db.ChangeTracker.Clear();
        await UnitHeadsMaintenance.RebuildAsync(_db, default);
        Assert.Equal(before, await _db.UnitHeads.AsNoTracking().CountAsync());
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
