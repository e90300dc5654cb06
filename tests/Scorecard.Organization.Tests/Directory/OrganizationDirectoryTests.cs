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
    private AcmeOrganization _acme = null!;

    public async Task InitializeAsync()
    {
        _db = _database.Context<OrganizationDbContext, OrganizationSqliteDbContext, OrganizationPostgresDbContext>(OrganizationTables.Prefix);
        _acme = new AcmeOrganization(_db);
        await _db.Database.MigrateAsync();

        _acme.Unit("Acme", null);
        _acme.Unit("Engineering", "Acme");
        _acme.Unit("Platform", "Engineering");
        _acme.Unit("Sales", "Acme");
        _acme.Add("ceo", "Acme", null, "female", 1970);
        _acme.Add("cto", "Engineering", "ceo");
        _acme.Add("lead", "Platform", "cto");
        _acme.Add("dev1", "Platform", "lead");
        _acme.Add("dev2", "Platform", "lead", "male", 1995);
        _acme.Add("seller", "Sales", "ceo");
        await _db.SaveChangesAsync();
    }

    private OrganizationDirectory Directory => new(_db);

    [Fact]
    public async Task The_manager_chain_runs_from_the_nearest_manager_to_the_top()
    {
        var chain = await Directory.GetManagerChainAsync(_acme.People["dev1"].Id);
        Assert.Equal(["LEAD", "CTO", "CEO"], chain.Select(p => p.Name));
        Assert.Empty(await Directory.GetManagerChainAsync(_acme.People["ceo"].Id));
    }

    [Fact]
    public async Task Direct_and_indirect_reports()
    {
        Assert.Equal(["DEV1", "DEV2"], (await Directory.GetDirectReportsAsync(_acme.People["lead"].Id)).Select(p => p.Name));
        var all = await Directory.GetAllReportsAsync(_acme.People["cto"].Id);
        Assert.Equal(["DEV1", "DEV2", "LEAD"], all.Select(p => p.Name).Order());
        Assert.Equal(5, (await Directory.GetAllReportsAsync(_acme.People["ceo"].Id)).Count);
    }

    [Fact]
    public async Task People_in_a_unit_with_or_without_its_sub_units()
    {
        var engineering = _acme.Units["Engineering"].Id;
        Assert.Equal(["CTO"], (await Directory.GetPeopleInUnitAsync(engineering, includeSubUnits: false)).Select(p => p.Name));
        Assert.Equal(["CTO", "DEV1", "DEV2", "LEAD"], (await Directory.GetPeopleInUnitAsync(engineering, includeSubUnits: true)).Select(p => p.Name).Order());
    }

    [Fact]
    public async Task A_unit_is_headed_by_its_members_whose_manager_is_outside_it()
    {
        Assert.Equal(["LEAD"], (await Directory.GetUnitHeadsAsync(_acme.Units["Platform"].Id, includeSubUnits: false)).Select(p => p.Name));
        Assert.Equal(["CTO"], (await Directory.GetUnitHeadsAsync(_acme.Units["Engineering"].Id, includeSubUnits: true)).Select(p => p.Name));
        Assert.Equal(["CEO"], (await Directory.GetUnitHeadsAsync(_acme.Units["Acme"].Id, includeSubUnits: true)).Select(p => p.Name));
        _acme.People["lead"].Active = false;
        await _db.SaveChangesAsync();
        // A head who has left heads nothing, and their reports still answer to someone inside the unit:
        // the unit has no head until the org chart is updated (callers fall back, e.g. to the parent unit).
        Assert.Empty(await Directory.GetUnitHeadsAsync(_acme.Units["Platform"].Id, includeSubUnits: false));
    }

    [Fact]
    public async Task Manager_chain_membership_and_lookups()
    {
        Assert.True(await Directory.IsInManagerChainAsync(_acme.People["ceo"].Id, _acme.People["dev2"].Id));
        Assert.False(await Directory.IsInManagerChainAsync(_acme.People["seller"].Id, _acme.People["dev2"].Id));
        Assert.Equal("DEV2", (await Directory.FindByEmailAsync("  DEV2@acme.example "))!.Name);
        Assert.Null(await Directory.GetPersonAsync(Guid.NewGuid()));
        Assert.Equal(4, (await Directory.GetUnitsAsync()).Count);
    }

    [Fact]
    public async Task HR_attributes_come_only_from_their_own_contract()
    {
        var attributes = await Directory.GetAsync([_acme.People["ceo"].Id, _acme.People["dev1"].Id, _acme.People["dev2"].Id]);
        Assert.Equal("female", attributes[_acme.People["ceo"].Id].Gender);
        Assert.Null(attributes[_acme.People["dev1"].Id].Gender);
        Assert.Equal(1995, attributes[_acme.People["dev2"].Id].BirthYear);
        // The general person summary has no HR-only attribute at all.
        Assert.DoesNotContain(typeof(Contracts.PersonSummary).GetProperties(), p => p.Name is "Gender" or "BirthYear");
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
