using CsvHelper;

namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// RFC 4180 records read by CsvHelper: fields separated by commas, records by CRLF, LF or CR; a field in double
/// quotes may hold commas, line breaks and doubled quotes. A quote inside an unquoted field is kept as text;
/// spaces after a closing quote are ignored. Malformed quoting is reported per field, never guessed at:
/// the caller refuses the file.
/// </summary>
internal static class CsvRecordReader
{
    private const byte Quote = (byte)'"';

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        TrackLineNumbers = true,
        SkipEmptyLines = false,
        DetectSeparatorHint = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    public static IEnumerable<CsvRecord> Read(string text)
    {
        using var reader = CsvReader.FromText(text, Options);
        while (reader.Read())
        {
            var record = ReadRecord(reader);
            yield return record;
            if (record.Problems.Any(p => p.Kind == CsvSyntaxProblemKind.UnterminatedQuote)) yield break;
        }
    }

    private static CsvRecord ReadRecord(CsvReader reader)
    {
        var fields = new List<string>(reader.FieldCount);
        var problems = new List<CsvSyntaxProblem>();
        var anyQuoted = false;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetString(i) ?? "";
            var raw = reader.GetRawSpan(i);
            if (raw.Length > 0 && raw[0] == Quote)
            {
                anyQuoted = true;
                var after = AfterClosingQuote(raw);
                if (after is null)
                    problems.Add(new CsvSyntaxProblem(i, CsvSyntaxProblemKind.UnterminatedQuote));
                else if (IsBlank(after))
                    value = value[..^Math.Min(after.Length, value.Length)];   // the reader appends what follows the closing quote
                else
                    problems.Add(new CsvSyntaxProblem(i, CsvSyntaxProblemKind.TextAfterClosingQuote));
            }
            fields.Add(value);
        }
        var isBlank = !anyQuoted && fields.Count <= 1 && string.IsNullOrWhiteSpace(fields.FirstOrDefault());
        return new CsvRecord((int)reader.LineNumber, fields, problems, isBlank);
    }

    /// <summary>What follows the closing quote of a raw quoted field (as UTF-8 text), or null when it is never closed.</summary>
    private static string? AfterClosingQuote(ReadOnlySpan<byte> raw)
    {
        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] != Quote) continue;
            if (i + 1 < raw.Length && raw[i + 1] == Quote)
            {
                i++;
                continue;
            }
            return System.Text.Encoding.UTF8.GetString(raw[(i + 1)..]);
        }
        return null;
    }

    private static bool IsBlank(string text) => text.All(c => c is ' ' or '\t');
}
