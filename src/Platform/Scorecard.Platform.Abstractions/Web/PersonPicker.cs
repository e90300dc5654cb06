namespace Scorecard.Platform.Web;

/// <summary>Something chosen in a search picker: shown by name, posted by id.</summary>
public record Picked(Guid Id, string Name);

/// <summary>A person chosen in a picker.</summary>
public sealed record PickedPerson(Guid Id, string Name) : Picked(Id, Name);

/// <summary>An org unit chosen in a picker, shown by its path (<c>Acme/Sales/EMEA</c>).</summary>
public sealed record PickedUnit(Guid Id, string Path) : Picked(Id, Path);

/// <summary>
/// A search-as-you-type field (the shared partial <c>_SearchPicker</c> and <c>/js/person-picker.js</c>): as the user
/// types it asks <see cref="SearchUrl"/> for at most ten matches, so no page lists the whole organization.
/// <see cref="Field"/> is the posted form name; a single picker always posts one value (empty when nothing is chosen),
/// so pickers repeated in one form keep their positions.
/// </summary>
public interface ISearchPicker
{
    string Id { get; }
    string Field { get; }
    string Label { get; }
    bool Multiple { get; }
    string? Hint { get; }
    IReadOnlyList<Picked> Chosen { get; }

    /// <summary>Ids never offered (the unit being moved, the person being edited), comma-separated.</summary>
    string ExcludeList { get; }

    /// <summary>The search endpoint; the script adds <c>search</c> and <c>limit</c>.</summary>
    string SearchUrl { get; }
    string Placeholder { get; }

    /// <summary>What the matches are, for the list's accessible name: "matching people".</summary>
    string Matches { get; }
}

/// <summary>A person field: active people from <c>GET /api/v1/people</c>.</summary>
public sealed record PersonPicker(
    string Id,
    string Field,
    string Label,
    bool Multiple = false,
    IReadOnlyList<PickedPerson>? Selected = null,
    IReadOnlyList<Guid>? Exclude = null,
    string? Hint = null) : ISearchPicker
{
    public IReadOnlyList<Picked> Chosen => Selected ?? [];

    public string ExcludeList => string.Join(',', Exclude ?? []);

    public string SearchUrl => "/api/v1/people?active=true";

    public string Placeholder => "Type a name";

    public string Matches => "matching people";
}

/// <summary>An org unit field: units from <c>GET /api/v1/org-units</c>, matched on name or path.</summary>
public sealed record UnitPicker(
    string Id,
    string Field,
    string Label,
    bool Multiple = false,
    IReadOnlyList<PickedUnit>? Selected = null,
    IReadOnlyList<Guid>? Exclude = null,
    string? Hint = null) : ISearchPicker
{
    public IReadOnlyList<Picked> Chosen => Selected ?? [];

    public string ExcludeList => string.Join(',', Exclude ?? []);

    public string SearchUrl => "/api/v1/org-units";

    public string Placeholder => "Type a unit";

    public string Matches => "matching units";
}
