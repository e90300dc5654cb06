namespace Scorecard.Organization.Domain;

/// <summary>A node of the organization tree: the company at the root, then departments and teams.</summary>
internal sealed class OrgUnit
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public Guid? ParentId { get; set; }
}
