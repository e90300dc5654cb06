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
    private readonly Dictionary<string, Person> _people = new();
    private readonly Dictionary<string, OrgUnit> _units = new();

    public async Task InitializeAsync()
    {
        _db = _database.Context<OrganizationDbContext, OrganizationSqliteDbContext, OrganizationPostgresDbContext>(OrganizationTables.Prefix);
        await _db.Database.MigrateAsync();
        Unit("Acme", null);
        Unit("Engineering", "Acme");
        Unit("Platform", "Engineering");
        Unit("Data", "Engineering");
        Unit("Sales", "Acme");
        Unit("Nordics", "Sales");
        Add("ceo", "Acme", null);
        Add("cto", "Engineering", "ceo");
        Add("lead", "Platform", "cto");
        Add("dev1", "Platform", "lead");
        Add("dev2", "Platform", "lead");
        Add("analyst", "Data", "cto");
        Add("seller", "Sales", "ceo");
        Add("rep", "Nordics", "seller");
        await _db.SaveChangesAsync();
    }

    private void Unit(string name, string? parent)
    {
        var unit = new OrgUnit { Name = name, ParentId = parent is null ? null : _units[parent].Id };
        _units[name] = unit;
        _db.Units.Add(unit);
    }

    private void Add(string login, string unit, string? manager)
    {
        var person = new Person
        {
            Email = $"{login}@acme.example", Name = login.ToUpperInvariant(), OrgUnitId = _units[unit].Id,
            ManagerId = manager is null ? null : _people[manager].Id, HireDate = new DateOnly(2020, 1, 1),
        };
        _people[login] = person;
        _db.People.Add(person);
    }

    private async Task<string[]> HeadsAsync(string unit) =>
        (await new OrganizationDirectory(_db).GetUnitHeadsAsync(_units[unit].Id, includeSubUnits: true)).Select(p => p.Name).Order().ToArray();

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
        _people["dev1"].ManagerId = _people["seller"].Id; // dev1 now answers to Sales: dev1 heads Platform and Engineering too
        await _db.SaveChangesAsync();
        Assert.Equal(["DEV1", "LEAD"], await HeadsAsync("Platform"));
        Assert.Equal(["CTO", "DEV1"], await HeadsAsync("Engineering"));
        Assert.Equal(["CEO"], await HeadsAsync("Acme"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task Moving_a_manager_to_another_unit_makes_their_reports_the_heads()
    {
        _people["lead"].OrgUnitId = _units["Data"].Id; // lead's reports stay in Platform, their manager is now outside it
        await _db.SaveChangesAsync();
        Assert.Equal(["DEV1", "DEV2"], await HeadsAsync("Platform"));
        Assert.Equal(["ANALYST", "LEAD"], await HeadsAsync("Data"));
        Assert.Equal(["CTO"], await HeadsAsync("Engineering"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task A_person_who_leaves_heads_nothing()
    {
        _people["seller"].Active = false;
        await _db.SaveChangesAsync();
        Assert.Empty(await HeadsAsync("Sales")); // the rep still answers to someone inside Sales
        Assert.Equal(["REP"], await HeadsAsync("Nordics"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task Moving_a_unit_recomputes_the_heads_above_it()
    {
        _units["Nordics"].ParentId = _units["Engineering"].Id; // rep's manager (seller) is outside Engineering
        await _db.SaveChangesAsync();
        Assert.Equal(["CTO", "REP"], await HeadsAsync("Engineering"));
        Assert.Equal(["SELLER"], await HeadsAsync("Sales"));
        await AssertEveryUnitMatchesTheDefinitionAsync();
    }

    [Fact]
    public async Task A_bulk_write_and_a_rebuild_give_the_same_heads()
    {
        for (var i = 0; i < 600; i++) Add($"p{i}", i % 2 == 0 ? "Data" : "Nordics", i % 3 == 0 ? "analyst" : i % 3 == 1 ? "rep" : null);
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
