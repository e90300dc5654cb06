namespace Scorecard.Organization.Domain.Import;

/// <summary>One distinct problem of a refused file and the lines it applies to (the first of them listed).</summary>
internal sealed record PeopleImportErrorGroup(string? Column, string Message, IReadOnlyList<int> Lines, int LineCount);

/// <summary>
/// The problems of a refused file, each distinct (column, message) once, in order of its first line. At most
/// <see cref="MaxListedLines"/> lines are listed in all, so a large bad file gets a small answer;
/// <see cref="Total"/> counts every problem.
/// </summary>
internal sealed record PeopleImportErrorSummary(IReadOnlyList<PeopleImportErrorGroup> Groups, int Total, bool Truncated)
{
    public const int MaxListedLines = 200;

    public static PeopleImportErrorSummary Of(IReadOnlyCollection<PeopleImportError> errors, int maxListedLines = MaxListedLines)
    {
        var groups = errors
            .GroupBy(e => (e.Column, e.Message))
            .Select(g => (g.Key.Column, g.Key.Message, Lines: g.Select(e => e.Line).Distinct().Order().ToList()))
            .OrderBy(g => g.Lines[0])
            .ToList();
        var listed = new List<PeopleImportErrorGroup>();
        var budget = maxListedLines;
        foreach (var (column, message, lines) in groups)
        {
            if (budget == 0) break;
            var shown = lines.Take(budget).ToList();
            budget -= shown.Count;
            listed.Add(new PeopleImportErrorGroup(column, message, shown, lines.Count));
        }
        var truncated = listed.Count < groups.Count || listed.Any(g => g.Lines.Count < g.LineCount);
        return new PeopleImportErrorSummary(listed, errors.Count, truncated);
    }
}
