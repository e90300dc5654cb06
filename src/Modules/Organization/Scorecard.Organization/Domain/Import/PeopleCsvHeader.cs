namespace Scorecard.Organization.Domain.Import;

/// <summary>The header line of a people CSV: which column each field holds.</summary>
internal sealed class PeopleCsvHeader
{
    private const int HeaderLine = 1;

    private readonly IReadOnlyList<string?> _columnOfField;
    private readonly Dictionary<string, int> _fieldOfColumn;

    private PeopleCsvHeader(IReadOnlyList<string?> columnOfField)
    {
        _columnOfField = columnOfField;
        _fieldOfColumn = columnOfField
            .Select((column, index) => (column, index))
            .Where(c => c.column is not null)
            .ToDictionary(c => c.column!, c => c.index, StringComparer.Ordinal);
    }

    public int FieldCount => _columnOfField.Count;

    /// <summary>The canonical column name of a 0-based field index, or its 1-based number as text.</summary>
    public string ColumnName(int fieldIndex) =>
        fieldIndex < _columnOfField.Count && _columnOfField[fieldIndex] is { } name
            ? name
            : (fieldIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool Has(string column) => _fieldOfColumn.ContainsKey(column);

    public string Value(IReadOnlyList<string> fields, string column) => fields[_fieldOfColumn[column]];

    public string? OptionalValue(IReadOnlyList<string> fields, string column) =>
        _fieldOfColumn.TryGetValue(column, out var index) ? fields[index] : null;

    /// <summary>Reads the header; all problems are reported at once.</summary>
    public static PeopleCsvHeader? TryRead(CsvRecord record, List<PeopleImportError> errors)
    {
        var names = record.Fields.Select(f => f.Trim()).ToList();
        var canonical = names.Select(PeopleCsvColumns.Canonical).ToList();
        if (record.IsBlank || canonical.All(c => c is null))
        {
            errors.Add(new PeopleImportError(HeaderLine, null,
                $"The first line must be a header naming the columns: {string.Join(',', PeopleCsvColumns.All)}."));
            return null;
        }

        var before = errors.Count;
        var firstFieldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (canonical[i] is not { } column)
            {
                errors.Add(names[i].Length == 0
                    ? new PeopleImportError(HeaderLine, number, $"Header column {number} has no name.")
                    : new PeopleImportError(HeaderLine, names[i],
                        $"Unknown column '{names[i]}'. The columns are: {string.Join(',', PeopleCsvColumns.All)}."));
            }
            else if (firstFieldOf.TryGetValue(column, out var first))
            {
                errors.Add(new PeopleImportError(HeaderLine, column,
                    $"Column '{column}' appears more than once in the header (columns {first + 1} and {number})."));
            }
            else
            {
                firstFieldOf.Add(column, i);
            }
        }

        var missing = PeopleCsvColumns.Required.Where(c => !firstFieldOf.ContainsKey(c)).ToList();
        foreach (var column in missing)
            errors.Add(new PeopleImportError(HeaderLine, column,
                $"Required column '{column}' is missing from the header (missing: {string.Join(", ", missing)})."));

        foreach (var problem in record.Problems)
            errors.Add(new PeopleImportError(HeaderLine, (problem.FieldIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CsvSyntaxMessages.For(problem.Kind, HeaderLine)));

        return errors.Count == before ? new PeopleCsvHeader(canonical) : null;
    }
}
