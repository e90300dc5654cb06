namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// Reads an HRIS people export: a header line naming the columns (case-insensitive, any order), then one person
/// per record. Required columns: email,name,jobTitle,orgUnit,managerEmail,hireDate; optional: gender,birthYear.
/// Unknown columns are an error. A leading UTF-8 BOM and blank lines are ignored.
/// </summary>
internal static class PeopleCsvParser
{
    private const char ByteOrderMark = '\uFEFF';

    public static PeopleCsvParseResult Parse(string content)
    {
        var text = content.Length > 0 && content[0] == ByteOrderMark ? content[1..] : content;
        if (string.IsNullOrWhiteSpace(text))
            return PeopleCsvParseResult.Failure([new PeopleImportError(1, null, "The file is empty.")]);

        var errors = new List<PeopleImportError>();
        using var records = CsvRecordReader.Read(text).GetEnumerator();
        records.MoveNext();
        var header = PeopleCsvHeader.TryRead(records.Current, errors);
        if (header is null) return PeopleCsvParseResult.Failure(errors);

        var rows = new List<PeopleCsvRow>();
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.IsBlank) continue;
            if (ReadRow(record, header, errors) is { } row) rows.Add(row);
        }
        return errors.Count == 0 ? PeopleCsvParseResult.Success(rows) : PeopleCsvParseResult.Failure(errors);
    }

    private static PeopleCsvRow? ReadRow(CsvRecord record, PeopleCsvHeader header, List<PeopleImportError> errors)
    {
        if (record.Problems.Count > 0)
        {
            foreach (var problem in record.Problems)
                errors.Add(new PeopleImportError(record.Line, header.ColumnName(problem.FieldIndex),
                    CsvSyntaxMessages.For(problem.Kind, record.Line)));
            return null;
        }

        var fields = record.Fields;
        if (fields.Count != header.FieldCount)
        {
            var firstOff = Math.Min(fields.Count, header.FieldCount);
            var direction = fields.Count > header.FieldCount ? "more" : "fewer";
            errors.Add(new PeopleImportError(record.Line, header.ColumnName(firstOff),
                $"The record has {fields.Count} fields but the header has {header.FieldCount} ({direction} than the header)."));
            return null;
        }

        string Cell(string column) => SpreadsheetFormulaGuard.Unprotect(header.Value(fields, column));
        string? OptionalCell(string column) =>
            header.OptionalValue(fields, column) is { } value ? SpreadsheetFormulaGuard.Unprotect(value) : null;

        return new PeopleCsvRow(
            record.Line,
            Cell(PeopleCsvColumns.Email),
            Cell(PeopleCsvColumns.Name),
            Cell(PeopleCsvColumns.JobTitle),
            Cell(PeopleCsvColumns.OrgUnit),
            Cell(PeopleCsvColumns.ManagerEmail),
            Cell(PeopleCsvColumns.HireDate),
            OptionalCell(PeopleCsvColumns.Gender),
            OptionalCell(PeopleCsvColumns.BirthYear));
    }
}
