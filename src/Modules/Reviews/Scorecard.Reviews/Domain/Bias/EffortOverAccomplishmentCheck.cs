namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// EFFORT_OVER_ACCOMPLISHMENT: effort words ("hard-working", "dedicated", "tried", "worked hard",
/// "diligent", …) far outnumber accomplishment words ("delivered", "shipped", "achieved", "reduced",
/// "increased", "launched", "led", "closed", …). Rule (design): effort ≥ 2 and effort ≥ 2 ×
/// accomplishment — at least two effort mentions, and at least twice as many as accomplishments
/// (so 2 vs 0 and 4 vs 2 fire, 3 vs 2 does not). Severity info.
/// </summary>
internal static class EffortOverAccomplishmentCheck
{
    public const string Category = "effort";
    public const int MinimumEffortWords = 2;
    public const int Ratio = 2;

    public const string Method =
        "Effort vs accomplishment word counts: flagged when effort words ≥ 2 and ≥ 2 × accomplishment words (design).";

    public const string SuggestedRewrite =
        "Name what the effort achieved — e.g. instead of \"worked hard and was dedicated to onboarding\": "
        + "\"Rebuilt the onboarding flow; new-customer activation rose from 40 % to 55 % in Q2.\"";

    private static readonly PhraseLexicon EffortWords = new(
    [
        "hard-working", "hardworking", "hard working", "hard worker", "works hard", "worked hard",
        "working hard", "work hard", "dedicated", "dedication", "diligent", "diligently", "diligence",
        "tried", "tries", "trying", "tireless", "tirelessly", "effort", "efforts", "long hours",
        "extra mile", "busy",
    ]);

    public static LanguageFinding? Check(IReadOnlyList<IReadOnlyList<FeedbackToken>> sentences)
    {
        var tally = new WordTally();
        foreach (var sentence in sentences)
        {
            foreach (var match in EffortWords.FindAll(sentence))
            {
                tally.Add(match.Phrase, Category);
            }

            foreach (var match in AccomplishmentWords.Verbs.FindAll(sentence))
            {
                tally.Add(match.Phrase, AccomplishmentWords.Category);
            }
        }

        int effort = tally.CountOf(Category);
        int accomplishment = tally.CountOf(AccomplishmentWords.Category);
        if (effort < MinimumEffortWords || effort < Ratio * accomplishment)
        {
            return null;
        }

        return new LanguageFinding(
            BiasCodes.EffortOverAccomplishment,
            FindingSeverity.Info,
            tally.ToFoundWords(),
            new Dictionary<string, int> { ["effortWords"] = effort, ["accomplishmentWords"] = accomplishment },
            Method,
            SuggestedRewrite);
    }
}
