namespace Scorecard.Organization.Domain.Import;

internal static class CsvSyntaxMessages
{
    public static string For(CsvSyntaxProblemKind kind, int line) => kind switch
    {
        CsvSyntaxProblemKind.UnterminatedQuote =>
            $"The quoted field that starts in the record on line {line} is never closed: a closing \" is missing.",
        CsvSyntaxProblemKind.TextAfterClosingQuote =>
            "Text follows the closing quote of a quoted field; a \" inside a quoted field must be written as \"\".",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
