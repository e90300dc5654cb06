using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Pages;

/// <summary>One field a stale save would have overwritten: what it is now, and what the person typed.</summary>
internal sealed record StaleChange(string Field, string Current, string Yours);

/// <summary>Compares what a stale form sent with the review as it is now, so nothing typed is lost and nothing is overwritten.</summary>
internal static class StaleChanges
{
    public static IReadOnlyList<StaleChange> OfSelf(ReviewDto current, IReadOnlyDictionary<Guid, string?> answers) =>
        current.Questions
            .Where(q => answers.ContainsKey(q.Id) && Text(answers[q.Id]) != Text(q.Answer))
            .Select(q => new StaleChange(q.Text, Text(q.Answer), Text(answers[q.Id])))
            .ToList();

    public static IReadOnlyList<StaleChange> OfManager(ReviewDto current, IReadOnlyDictionary<Guid, int?> ratings, int? overall, int? potential, string? narrative)
    {
        var changes = new List<StaleChange>();
        foreach (var c in current.Competencies)
        {
            var yours = ratings.GetValueOrDefault(c.Id);
            if (yours != c.Rating) changes.Add(new StaleChange(c.Name, Number(c.Rating), Number(yours)));
        }
        if (overall != current.OverallRating) changes.Add(new StaleChange("Overall rating", Number(current.OverallRating), Number(overall)));
        if (current.NineBox && potential != current.Potential) changes.Add(new StaleChange("Potential", Number(current.Potential), Number(potential)));
        if (Text(narrative) != Text(current.Narrative)) changes.Add(new StaleChange("Narrative", Text(current.Narrative), Text(narrative)));
        return changes;
    }

    private static string Text(string? s) => string.IsNullOrWhiteSpace(s) ? "" : s.Trim();

    private static string Number(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
