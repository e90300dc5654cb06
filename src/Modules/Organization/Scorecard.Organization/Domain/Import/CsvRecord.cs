namespace Scorecard.Organization.Domain.Import;

/// <summary>One CSV record as read by <see cref="CsvRecordReader"/>.</summary>
/// <param name="Line">The 1-based physical line where the record starts.</param>
/// <param name="Fields">The unquoted field values.</param>
/// <param name="Problems">Syntax problems in the record, each at a 0-based field index.</param>
/// <param name="IsBlank">An empty (or blank) physical line with nothing quoted: skipped by the parser.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, IReadOnlyList<CsvSyntaxProblem> Problems, bool IsBlank);

internal sealed record CsvSyntaxProblem(int FieldIndex, CsvSyntaxProblemKind Kind);

internal enum CsvSyntaxProblemKind
{
    /// <summary>A quoted field runs to the end of the file; the reader stops after this record.</summary>
    UnterminatedQuote,

    /// <summary>Text follows the closing quote of a quoted field (a quote inside quotes must be doubled).</summary>
    TextAfterClosingQuote,
}
