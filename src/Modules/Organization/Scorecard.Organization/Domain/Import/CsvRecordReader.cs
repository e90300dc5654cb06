using System.Text;

namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// RFC 4180 records: fields separated by commas, records by CRLF, LF or CR; a field in double quotes may hold
/// commas, line breaks and doubled quotes. A final line break does not start an empty record.
/// A quote inside an unquoted field is kept as text; spaces after a closing quote are ignored.
/// </summary>
internal static class CsvRecordReader
{
    private const char Quote = '"';
    private const char Separator = ',';

    public static IEnumerable<CsvRecord> Read(string text)
    {
        var cursor = new Cursor(text);
        while (!cursor.AtEnd)
        {
            var record = ReadRecord(cursor);
            yield return record;
            if (record.Problems.Any(p => p.Kind == CsvSyntaxProblemKind.UnterminatedQuote)) yield break;
        }
    }

    private static CsvRecord ReadRecord(Cursor cursor)
    {
        var startLine = cursor.Line;
        var fields = new List<string>();
        var problems = new List<CsvSyntaxProblem>();
        var anyQuoted = false;
        var field = new StringBuilder();
        while (true)
        {
            field.Clear();
            if (cursor.Peek() == Quote)
            {
                anyQuoted = true;
                if (!ReadQuoted(cursor, field))
                {
                    problems.Add(new CsvSyntaxProblem(fields.Count, CsvSyntaxProblemKind.UnterminatedQuote));
                    fields.Add(field.ToString());
                    return new CsvRecord(startLine, fields, problems, IsBlank: false);
                }
                if (!SkipAfterClosingQuote(cursor))
                    problems.Add(new CsvSyntaxProblem(fields.Count, CsvSyntaxProblemKind.TextAfterClosingQuote));
            }
            else
            {
                while (!cursor.AtEnd && !IsFieldEnd(cursor.Peek())) field.Append(cursor.Next());
            }
            fields.Add(field.ToString());

            if (cursor.AtEnd) break;
            if (cursor.Peek() == Separator)
            {
                cursor.Next();
                continue;
            }
            cursor.SkipLineBreak();
            break;
        }
        var isBlank = !anyQuoted && fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]);
        return new CsvRecord(startLine, fields, problems, isBlank);
    }

    /// <summary>Reads a quoted field after its opening quote; false when the file ends before the closing quote.</summary>
    private static bool ReadQuoted(Cursor cursor, StringBuilder field)
    {
        cursor.Next();
        while (!cursor.AtEnd)
        {
            var c = cursor.Peek();
            if (c == Quote)
            {
                cursor.Next();
                if (cursor.Peek() != Quote) return true;
                cursor.Next();
                field.Append(Quote);
            }
            else if (c is '\r' or '\n')
            {
                field.Append(cursor.SkipLineBreak());
            }
            else
            {
                field.Append(cursor.Next());
            }
        }
        return false;
    }

    /// <summary>Skips to the end of the field; false when anything but spaces stood between.</summary>
    private static bool SkipAfterClosingQuote(Cursor cursor)
    {
        var clean = true;
        while (!cursor.AtEnd && !IsFieldEnd(cursor.Peek()))
        {
            if (cursor.Next() is not (' ' or '\t')) clean = false;
        }
        return clean;
    }

    private static bool IsFieldEnd(char c) => c is Separator or '\r' or '\n';

    /// <summary>A position in the text that counts physical lines.</summary>
    private sealed class Cursor(string text)
    {
        private int _position;

        public int Line { get; private set; } = 1;

        public bool AtEnd => _position >= text.Length;

        /// <summary>The current character, or NUL at the end.</summary>
        public char Peek() => AtEnd ? '\0' : text[_position];

        public char Next() => text[_position++];

        /// <summary>Consumes one CRLF, LF or CR and returns it as written.</summary>
        public string SkipLineBreak()
        {
            Line++;
            if (text[_position] == '\r' && _position + 1 < text.Length && text[_position + 1] == '\n')
            {
                _position += 2;
                return "\r\n";
            }
            return text[_position++].ToString();
        }
    }
}
