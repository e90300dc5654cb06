using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;

namespace Scorecard.Organization.Tests.Directory;

/// <summary>A small organization built by name for directory tests: units and people added to the module's context.</summary>
internal sealed class AcmeOrganization(OrganizationDbContext db)
{
    public Dictionary<string, OrgUnit> Units { get; } = new();

    public Dictionary<string, Person> People { get; } = new();

    public OrgUnit Unit(string name, string? parent)
    {
        var unit = new OrgUnit { Name = name, ParentId = parent is null ? null : Units[parent].Id };
        Units[name] = unit;
        db.Units.Add(unit);
        return unit;
    }

    public Person Add(string login, string unit, string? manager, string? gender = null, int? birthYear = null)
    {
        var person = new Person
        {
            Email = $"{login}@acme.example", Name = login.ToUpperInvariant(), OrgUnitId = Units[unit].Id,
            ManagerId = manager is null ? null : People[manager].Id, HireDate = new DateOnly(2020, 1, 1),
            Gender = gender, BirthYear = birthYear,
        };
        People[login] = person;
        db.People.Add(person);
        return person;
    }
}
