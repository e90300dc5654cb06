using CsvHelper;

namespace Scorecard.Organization.Domain.Import;

/// <summary>RFC 4180 output by CsvHelper: CRLF after each record; a field is quoted when it holds a comma, a quote,
/// a line break, or blanks at either end (so that a reader that trims keeps them).</summary>
internal sealed class CsvFieldWriter : IDisposable
{
    public const string LineBreak = "\r\n";

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        Mode = CsvMode.Rfc4180,
        NewLine = LineBreak,
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        // Formulas are guarded by SpreadsheetFormulaGuard, which the import undoes again.
        Injection = CsvInjection.None,
    };

    private readonly StringWriter _text = new();
    private readonly CsvWriter _csv;

    public CsvFieldWriter() => _csv = CsvWriter.Create(_text, Options, leaveOpen: true);

    public void AppendRecord(IEnumerable<string> fields) => _csv.WriteRecord(fields.ToArray());

    public override string ToString()
    {
        _csv.Flush();
        return _text.ToString();
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }
}
