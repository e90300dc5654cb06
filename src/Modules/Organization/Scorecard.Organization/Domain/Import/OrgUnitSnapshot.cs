namespace Scorecard.Organization.Domain.Import;

/// <summary>An org unit as stored; <see cref="ParentId"/> is null for a root unit.</summary>
internal sealed record OrgUnitSnapshot(Guid Id, string Name, Guid? ParentId);
