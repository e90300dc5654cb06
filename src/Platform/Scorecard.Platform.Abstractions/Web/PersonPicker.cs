namespace Scorecard.Platform.Web;

/// <summary>
/// A person chosen in a picker: shown by name, posted by id.
/// </summary>
public sealed record PickedPerson(Guid Id, string Name);

/// <summary>
/// A search-as-you-type person field (the shared partial <c>_PersonPicker</c> and <c>/js/person-picker.js</c>):
/// it asks <c>GET /api/v1/people?search=&amp;limit=</c> for active people as the user types, so no page lists the
/// whole organization. <paramref name="Field"/> is the posted form name; a single picker always posts one value
/// (empty when nobody is chosen), so pickers repeated in one form keep their positions.
/// </summary>
public sealed record PersonPicker(
    string Id,
    string Field,
    string Label,
    bool Multiple = false,
    IReadOnlyList<PickedPerson>? Selected = null,
    IReadOnlyList<Guid>? Exclude = null,
    string? Hint = null)
{
    public IReadOnlyList<PickedPerson> Chosen => Selected ?? [];

    public string ExcludeList => string.Join(',', Exclude ?? []);
}
