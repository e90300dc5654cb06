namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Runs every language check on written feedback or a review narrative, tokenising once. Findings
/// come in a fixed order: personality criticism, vague feedback, effort over accomplishment,
/// gender-coded language. Each is a nudge, never a block.
/// </summary>
internal static class FeedbackLanguageCheck
{
    public static IReadOnlyList<LanguageFinding> Check(string? text)
    {
        var sentences = FeedbackTokenizer.Sentences(text);
        if (sentences.Count == 0)
        {
            return [];
        }

        var findings = new List<LanguageFinding>(4);
        foreach (var finding in new[]
                 {
                     PersonalityCriticismCheck.Check(sentences),
                     VagueFeedbackCheck.Check(sentences),
                     EffortOverAccomplishmentCheck.Check(sentences),
                     GenderCodedLanguageCheck.Check(sentences),
                 })
        {
            if (finding is not null)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }
}
