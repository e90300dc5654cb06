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

    /// <summary>The folded name (<see cref="SearchFolding"/>): the directory's sort order on every database.</summary>
    public string NameKey { get; private set; } = "";

    /// <summary>Name, e-mail and job title folded for case- and accent-insensitive search.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Keeps <see cref="NameKey"/> and <see cref="SearchText"/> in step with what they fold; called on every save.</summary>
    public void RefreshSearchKeys()
    {
        NameKey = SearchFolding.Fold(Name);
        SearchText = SearchFolding.Fold($"{Name} {Email} {JobTitle}");
    }

    /// <summary>Concurrency token: changes on every write, so a stale edit is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
