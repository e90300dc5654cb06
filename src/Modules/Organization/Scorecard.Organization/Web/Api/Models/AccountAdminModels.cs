namespace Scorecard.Organization.Web.Api.Models;

/// <summary>A person's roles; <c>account</c> is their account state (none, invited, active, locked, left).</summary>
public sealed record PersonRolesDto(Guid PersonId, string Account, IReadOnlyList<string> Roles);

public sealed record SetRolesRequest(IReadOnlyList<string?>? Roles);

public sealed record SetupRequest(string? CompanyName, string? Name, string? JobTitle);

public sealed record SetupDto(Guid OrgUnitId, PersonDto Person);

public sealed record CreateInvitationsRequest(IReadOnlyList<Guid>? PersonIds, bool? AllWithoutAccount);

public sealed record InvitationDto(Guid PersonId, string Email, string Link, DateTimeOffset ExpiresAt);
