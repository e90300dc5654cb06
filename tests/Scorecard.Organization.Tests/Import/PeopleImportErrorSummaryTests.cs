using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

public sealed class PeopleImportErrorSummaryTests
{
    [Fact]
    public void Each_distinct_problem_is_listed_once_with_its_lines_in_order_of_the_first_line()
    {
        var summary = PeopleImportErrorSummary.Of(
        [
            new PeopleImportError(5, "hireDate", "Bad date."),
            new PeopleImportError(2, "email", "Bad e-mail."),
            new PeopleImportError(3, "hireDate", "Bad date."),
            new PeopleImportError(4, "email", "Other."),
        ]);

        Assert.Equal(4, summary.Total);
        Assert.False(summary.Truncated);
        Assert.Equal(
            [("email", "Bad e-mail.", "2"), ("hireDate", "Bad date.", "3,5"), ("email", "Other.", "4")],
            summary.Groups.Select(g => (g.Column!, g.Message, string.Join(',', g.Lines))));
    }

    [Fact]
    public void At_most_the_cap_of_lines_is_listed_in_all_and_the_counts_stay_whole()
    {
        var errors = Enumerable.Range(2, 5000).Select(line => new PeopleImportError(line, "hireDate", "Bad date."))
            .Concat(Enumerable.Range(2, 5000).Select(line => new PeopleImportError(line, "email", $"'{line}' is not an e-mail.")))
            .ToList();

        var summary = PeopleImportErrorSummary.Of(errors, maxListedLines: 200);

        Assert.Equal(10_000, summary.Total);
        Assert.True(summary.Truncated);
        Assert.Equal(200, summary.Groups.Sum(g => g.Lines.Count));
        var dates = summary.Groups.Single(g => g.Column == "hireDate");
        Assert.Equal(5000, dates.LineCount);
    }
}
