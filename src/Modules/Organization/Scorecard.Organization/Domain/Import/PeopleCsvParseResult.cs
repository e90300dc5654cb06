namespace Scorecard.Organization.Domain.Import;

/// <summary>Either the rows of a well-formed file, or the errors that make it unreadable (then no rows).</summary>
internal sealed record PeopleCsvParseResult(IReadOnlyList<PeopleCsvRow> Rows, IReadOnlyList<PeopleImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static PeopleCsvParseResult Success(IReadOnlyList<PeopleCsvRow> rows) => new(rows, []);

    public static PeopleCsvParseResult Failure(IReadOnlyList<PeopleImportError> errors) => new([], errors);
}
