using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Scorecard.Strategy.Web.Pages.Forms;

/// <summary>A field of an item's edit form: its posted name and the label people read.</summary>
internal sealed record ItemField(string Name, string Label);

/// <summary>A field that differs between the refused stale save and what is stored now.</summary>
internal sealed record FieldChange(string Label, string Yours, string Current);

/// <summary>
/// The values an item's edit form shows, with the version it was read at. A refused save shows the values as typed with
/// the error beside its field; a stale save (409) shows the stored values, their version, and what differs from the typed ones.
/// </summary>
internal sealed class ItemForm(IReadOnlyDictionary<string, string?> values, Guid version)
{
    public Guid Version => version;

    public BuilderError? Error { get; init; }

    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    public string? Value(string name) => values.TryGetValue(name, out var v) ? v : null;

    public bool Selected(string name, string option) => string.Equals(Value(name), option, StringComparison.OrdinalIgnoreCase);

    public string? ErrorFor(string field) =>
        Error is { Field: { } f } e && string.Equals(f, field, StringComparison.OrdinalIgnoreCase) ? e.Message : null;

    /// <summary>The error that names none of the form's fields (shown at its top).</summary>
    public string? GeneralError(IEnumerable<ItemField> fields) =>
        Error is { } e && (e.Field is null || !fields.Any(f => string.Equals(f.Name, e.Field, StringComparison.OrdinalIgnoreCase))) ? e.Message : null;

    public static IReadOnlyDictionary<string, string?> Posted(IFormCollection form, IEnumerable<ItemField> fields) =>
        fields.ToDictionary(f => f.Name, f => form[f.Name].FirstOrDefault());

    /// <summary>The fields whose typed value differs from the stored one, compared as numbers where both are numbers.</summary>
    public static IReadOnlyList<FieldChange> Differences(IEnumerable<ItemField> fields, IReadOnlyDictionary<string, string?> yours,
        IReadOnlyDictionary<string, string?> current, Func<string, string?, string> show) =>
        fields.Where(f => !Same(yours.GetValueOrDefault(f.Name), current.GetValueOrDefault(f.Name)))
            .Select(f => new FieldChange(f.Label, show(f.Name, yours.GetValueOrDefault(f.Name)), show(f.Name, current.GetValueOrDefault(f.Name))))
            .ToList();

    private static bool Same(string? a, string? b)
    {
        a = string.IsNullOrWhiteSpace(a) ? null : a.Trim();
        b = string.IsNullOrWhiteSpace(b) ? null : b.Trim();
        if (a is not null && b is not null
            && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x.Equals(y);
        }

        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    public static string Num(double? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Num(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
