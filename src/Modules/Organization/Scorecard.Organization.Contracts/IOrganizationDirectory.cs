namespace Scorecard.Organization.Contracts;

/// <summary>
/// What other modules may ask the Organization module: people, units and reporting lines.
/// Never returns HR-only attributes; see <see cref="IHrAttributes"/>.
/// </summary>
public interface IOrganizationDirectory
{
    Task<PersonSummary?> GetPersonAsync(Guid personId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PersonSummary>> GetPeopleAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default);

    Task<PersonSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<OrgUnitSummary?> GetUnitAsync(Guid unitId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrgUnitSummary>> GetUnitsAsync(CancellationToken cancellationToken = default);

    /// <summary>The person's manager, their manager, ... up to the top (nearest first).</summary>
    Task<IReadOnlyList<PersonSummary>> GetManagerChainAsync(Guid personId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PersonSummary>> GetDirectReportsAsync(Guid managerId, CancellationToken cancellationToken = default);

    /// <summary>Direct and indirect reports.</summary>
    Task<IReadOnlyList<PersonSummary>> GetAllReportsAsync(Guid managerId, CancellationToken cancellationToken = default);

    /// <summary>People in the unit, and in its sub-units when asked.</summary>
    Task<IReadOnlyList<PersonSummary>> GetPeopleInUnitAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default);

    /// <summary>
    /// The heads of a unit: its active members (with those of its sub-units when asked) whose own manager is
    /// outside that group, earliest hired first. Empty when the unit has no active members.
    /// </summary>
    Task<IReadOnlyList<PersonSummary>> GetUnitHeadsAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="managerId"/> is the person's manager or above them in the chain.</summary>
    Task<bool> IsInManagerChainAsync(Guid managerId, Guid personId, CancellationToken cancellationToken = default);
}

/// <summary>
/// HR-only attributes, for aggregate fairness analytics. Callers must check that the
/// current user is HR or Admin before asking, and must only publish suppressed aggregates.
/// </summary>
public interface IHrAttributes
{
    Task<IReadOnlyDictionary<Guid, HrAttributes>> GetAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default);
}

public sealed record PersonSummary(
    Guid Id,
    string Name,
    string Email,
    string? JobTitle,
    Guid OrgUnitId,
    Guid? ManagerId,
    DateOnly HireDate,
    bool Active);

public sealed record OrgUnitSummary(Guid Id, string Name, Guid? ParentId);

public sealed record HrAttributes(string? Gender, int? BirthYear);
