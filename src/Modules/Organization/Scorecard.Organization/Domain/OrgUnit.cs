namespace Scorecard.Organization.Domain;

/// <summary>A node of the organization tree: the company at the root, then departments and teams.</summary>
internal sealed class OrgUnit
{
    public const int NameMaxLength = 200;

    /// <summary>Stands for "no parent" in <see cref="ParentKey"/>: unique indexes treat NULLs as distinct.</summary>
    public static readonly Guid RootParentKey = Guid.Empty;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>The parent, or <see cref="RootParentKey"/> for a root: with <see cref="NameKey"/> unique, so the
    /// database refuses two siblings whose names differ only in case or accents (also under concurrent requests).</summary>
    public Guid ParentKey { get; private set; }

    /// <summary>The trimmed name folded by <see cref="SearchFolding"/>.</summary>
    public string NameKey { get; private set; } = "";

    /// <summary>Concurrency token: changes on every write, so a stale rename or move is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Keeps the sibling keys in step with the name and parent; called on every save.</summary>
    public void RefreshKeys()
    {
        ParentKey = ParentId ?? RootParentKey;
        NameKey = KeyOf(Name);
    }

    public static string KeyOf(string name) => SearchFolding.Fold(name.Trim());
}
