using System.Text;

namespace Scorecard.Organization.Domain.Import;

/// <summary>RFC 4180 output: a field is quoted when it holds a comma, a quote, a line break or edge blanks.</summary>
internal static class CsvFieldWriter
{
    public const string LineBreak = "\r\n";

    public static void AppendRecord(StringBuilder output, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) output.Append(',');
            first = false;
            AppendField(output, field);
        }
        output.Append(LineBreak);
    }

    private static void AppendField(StringBuilder output, string field)
    {
        if (!NeedsQuotes(field))
        {
            output.Append(field);
            return;
        }
        output.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static bool NeedsQuotes(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0
        || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
}
