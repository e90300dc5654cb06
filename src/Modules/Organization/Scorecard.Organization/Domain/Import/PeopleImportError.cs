namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// One problem found in an import file.
/// <see cref="Line"/> is the 1-based physical line where the record starts (the header is line 1);
/// <see cref="Column"/> is the canonical column name (<c>email</c>, <c>orgUnit</c>, ...), the 1-based column
/// number as text when the column has no known name, or null when the problem concerns the whole file or row.
/// </summary>
internal sealed record PeopleImportError(int Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"Line {Line}: {Message}" : $"Line {Line}, column {Column}: {Message}";
}
