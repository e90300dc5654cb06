namespace Scorecard.Organization.Domain;

internal sealed class Person
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;
    public const int GenderMaxLength = 50;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Email { get; set; }
    public required string Name { get; set; }
    public string? JobTitle { get; set; }
    public Guid OrgUnitId { get; set; }
    public Guid? ManagerId { get; set; }
    public DateOnly HireDate { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>HR-only; used only in suppressed aggregates.</summary>
    public string? Gender { get; set; }

    /// <summary>HR-only; used only in suppressed aggregates (age bands).</summary>
    public int? BirthYear { get; set; }

    /// <summary>Concurrency token: changes on every write, so a stale edit is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
