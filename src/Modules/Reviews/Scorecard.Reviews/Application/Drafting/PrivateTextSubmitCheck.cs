using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// The narrative is released to the employee, so it may not repeat private feedback or a manager's private note
/// about them (any sentence of 30 characters or more, whitespace and case aside): such a submit gets 422 naming
/// <c>narrative</c>. A paraphrase in the manager's own words is theirs to write.
/// </summary>
internal sealed partial class PrivateTextSubmitCheck(ReviewsDbContext db) : IReviewSubmitCheck
{
    public const int MinimumQuoteLength = 30;

    public async Task CheckAsync(ReviewSubmitContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Narrative)) return;
        var narrative = Normalize(context.Narrative);
        var confidential = await db.Feedback.AsNoTracking()
            .Where(f => f.ToPersonId == context.PersonId && (f.Visibility == FeedbackVisibility.Private || f.Kind == FeedbackKind.Note))
            .Select(f => f.Text).ToListAsync(cancellationToken);
        foreach (var text in confidential)
            foreach (var sentence in Sentences(text))
                if (sentence.Length >= MinimumQuoteLength && narrative.Contains(sentence, StringComparison.Ordinal))
                    throw new RuleViolationException("narrative",
                        "The narrative repeats private feedback or a private note about this person; the employee will read the narrative. " +
                        "Put it in your own words, or leave it out.");
    }

    internal static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(Normalize).Where(s => s.Length > 0).Append(Normalize(text));

    internal static string Normalize(string text) => Space().Replace(text.Trim().ToLowerInvariant(), " ");

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
