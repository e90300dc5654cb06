using Scorecard.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Application;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Persistence;

namespace Scorecard.Organization.Tests.Directory;

/// <summary>The contract other modules use, against a real migrated SQLite file.</summary>
public sealed class OrganizationDirectoryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("org");
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
        Unit("Sales", "Acme");
        Add("ceo", "Acme", null, "female", 1970);
        Add("cto", "Engineering", "ceo");
        Add("lead", "Platform", "cto");
        Add("dev1", "Platform", "lead");
        Add("dev2", "Platform", "lead", "male", 1995);
        Add("seller", "Sales", "ceo");
        await _db.SaveChangesAsync();
    }

    private void Unit(string name, string? parent)
    {
        var unit = new OrgUnit { Name = name, ParentId = parent is null ? null : _units[parent].Id };
        _units[name] = unit;
        _db.Units.Add(unit);
    }

    private void Add(string login, string unit, string? manager, string? gender = null, int? birthYear = null)
    {
        var person = new Person
        {
            Email = $"{login}@acme.example", Name = login.ToUpperInvariant(), OrgUnitId = _units[unit].Id,
            ManagerId = manager is null ? null : _people[manager].Id, HireDate = new DateOnly(2020, 1, 1),
            Gender = gender, BirthYear = birthYear,
        };
        _people[login] = person;
        _db.People.Add(person);
    }

    private OrganizationDirectory Directory => new(_db);

    [Fact]
    public async Task The_manager_chain_runs_from_the_nearest_manager_to_the_top()
    {
        var chain = await Directory.GetManagerChainAsync(_people["dev1"].Id);
        Assert.Equal(["LEAD", "CTO", "CEO"], chain.Select(p => p.Name));
        Assert.Empty(await Directory.GetManagerChainAsync(_people["ceo"].Id));
    }

    [Fact]
    public async Task Direct_and_indirect_reports()
    {
        Assert.Equal(["DEV1", "DEV2"], (await Directory.GetDirectReportsAsync(_people["lead"].Id)).Select(p => p.Name));
        var all = await Directory.GetAllReportsAsync(_people["cto"].Id);
        Assert.Equal(["DEV1", "DEV2", "LEAD"], all.Select(p => p.Name).Order());
        Assert.Equal(5, (await Directory.GetAllReportsAsync(_people["ceo"].Id)).Count);
    }

    [Fact]
    public async Task People_in_a_unit_with_or_without_its_sub_units()
    {
        var engineering = _units["Engineering"].Id;
        Assert.Equal(["CTO"], (await Directory.GetPeopleInUnitAsync(engineering, includeSubUnits: false)).Select(p => p.Name));
        Assert.Equal(["CTO", "DEV1", "DEV2", "LEAD"], (await Directory.GetPeopleInUnitAsync(engineering, includeSubUnits: true)).Select(p => p.Name).Order());
    }

    [Fact]
    public async Task A_unit_is_headed_by_its_members_whose_manager_is_outside_it()
    {
        Assert.Equal(["LEAD"], (await Directory.GetUnitHeadsAsync(_units["Platform"].Id, includeSubUnits: false)).Select(p => p.Name));
        Assert.Equal(["CTO"], (await Directory.GetUnitHeadsAsync(_units["Engineering"].Id, includeSubUnits: true)).Select(p => p.Name));
        Assert.Equal(["CEO"], (await Directory.GetUnitHeadsAsync(_units["Acme"].Id, includeSubUnits: true)).Select(p => p.Name));
        _people["lead"].Active = false;
        await _db.SaveChangesAsync();
        // A head who has left heads nothing, and their reports still answer to someone inside the unit:
        // the unit has no head until the org chart is updated (callers fall back, e.g. to the parent unit).
        Assert.Empty(await Directory.GetUnitHeadsAsync(_units["Platform"].Id, includeSubUnits: false));
    }

    [Fact]
    public async Task Manager_chain_membership_and_lookups()
    {
        Assert.True(await Directory.IsInManagerChainAsync(_people["ceo"].Id, _people["dev2"].Id));
        Assert.False(await Directory.IsInManagerChainAsync(_people["seller"].Id, _people["dev2"].Id));
        Assert.Equal("DEV2", (await Directory.FindByEmailAsync("  DEV2@acme.example "))!.Name);
        Assert.Null(await Directory.GetPersonAsync(Guid.NewGuid()));
        Assert.Equal(4, (await Directory.GetUnitsAsync()).Count);
    }

    [Fact]
    public async Task HR_attributes_come_only_from_their_own_contract()
    {
        var attributes = await Directory.GetAsync([_people["ceo"].Id, _people["dev1"].Id, _people["dev2"].Id]);
        Assert.Equal("female", attributes[_people["ceo"].Id].Gender);
        Assert.Null(attributes[_people["dev1"].Id].Gender);
        Assert.Equal(1995, attributes[_people["dev2"].Id].BirthYear);
        // The general person summary has no HR-only attribute at all.
        Assert.DoesNotContain(typeof(Contracts.PersonSummary).GetProperties(), p => p.Name is "Gender" or "BirthYear");
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
