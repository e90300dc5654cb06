using System.Globalization;
using Microsoft.AspNetCore.Http;
using Scorecard.Platform;

namespace Scorecard.Strategy.Web.Pages.Forms;

/// <summary>Reads typed values from a posted form; a typo is a 400 naming the field, an empty field is "not given".</summary>
internal static class FormValues
{
    public static string? Text(IFormCollection form, string name) =>
        form[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public static Guid? Id(IFormCollection form, string name) =>
        Text(form, name) is not { } text ? null
        : Guid.TryParse(text, out var id) ? id
        : throw new BadInputException(name, $"'{text}' is not a valid choice.");

    public static double? Number(IFormCollection form, string name) =>
        Text(form, name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new BadInputException(name, $"'{text}' is not a number; use digits with a point for decimals, e.g. 42.5.");

    public static DateOnly? Date(IFormCollection form, string name) =>
        Text(form, name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new BadInputException(name, "Enter the date as yyyy-MM-dd.");
}

/// <summary>Which builder form was refused, on which field, and why.</summary>
internal sealed record BuilderError(string Part, string? Field, string Message);

/// <summary>The values a refused form is shown again with, and its error beside the field it names.</summary>
internal sealed class BuilderInput(IFormCollection? form, BuilderError? error)
{
    public BuilderError? Error => error;

    /// <summary>The value typed into <paramref name="name"/> of form <paramref name="part"/>, if that form was the refused one.</summary>
    public string? Value(string part, string name, string? fallback = null) =>
        error?.Part == part && form is not null && form.ContainsKey(name) ? form[name].FirstOrDefault() : fallback;

    public bool Selected(string part, string name, string option, bool byDefault = false) =>
        Value(part, name) is { } v ? v == option : byDefault;

    /// <summary>The error of form <paramref name="part"/> if it belongs beside <paramref name="field"/>.</summary>
    public string? ErrorFor(string part, string field) =>
        error is { } e && e.Part == part && string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase) ? e.Message : null;

    /// <summary>The error of form <paramref name="part"/> that names no field shown on it.</summary>
    public string? GeneralError(string part, params string[] fields) =>
        error is { } e && e.Part == part && (e.Field is null || !fields.Contains(e.Field, StringComparer.OrdinalIgnoreCase)) ? e.Message : null;
}
