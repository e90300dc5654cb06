namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// VAGUE_FEEDBACK: praise or criticism not tied to an outcome (Correll &amp; Simard, HBR 2016: women
/// got vague feedback in 57 % of reviews, men in 43 %). Heuristic (design), per sentence: the sentence
/// contains a vague stock phrase ("great job", "team player", "good attitude", "nice work",
/// "needs to improve", …) AND has no number AND no accomplishment verb or outcome/deliverable noun
/// (<see cref="AccomplishmentWords"/>). "Great job on the launch" is specific; "Great job this year,
/// a real team player" is vague. One vague sentence is enough (severity info).
/// </summary>
internal static class VagueFeedbackCheck
{
    public const string Category = "vague";

    public const string Method =
        "Vague-feedback heuristic (Correll & Simard 2016): a sentence with a stock praise/criticism "
        + "phrase and no number, no accomplishment verb and no deliverable/outcome word.";

    public const string SuggestedRewrite =
        "Tie the praise or criticism to a concrete deliverable and its outcome — e.g. instead of "
        + "\"great job, a real team player\": \"Took over the billing migration when it slipped, "
        + "shipped it two weeks early and cut invoice errors by 30 %.\"";

    private static readonly PhraseLexicon Phrases = new(
    [
        "great job", "good job", "nice job", "nice work", "great work", "good work", "excellent work",
        "well done", "team player", "good attitude", "great attitude", "positive attitude",
        "great to work with", "pleasure to work with", "rock star", "rockstar", "keep it up",
        "keep up the good work", "solid performer", "asset to the team", "good communicator",
        "great communicator", "needs to improve", "needs improvement", "could do better",
        "needs to step up", "step up", "not a team player", "bad attitude", "attitude problem",
        "lacks confidence", "be more strategic", "more visible", "room for improvement",
    ]);

    public static LanguageFinding? Check(IReadOnlyList<IReadOnlyList<FeedbackToken>> sentences)
    {
        var tally = new WordTally();
        int vagueSentences = 0;
        foreach (var sentence in sentences)
        {
            var matches = Phrases.FindAll(sentence);
            if (matches.Count == 0 || AccomplishmentWords.IsSpecific(sentence))
            {
                continue;
            }

            vagueSentences++;
            foreach (var match in matches)
            {
                tally.Add(match.Phrase, Category);
            }
        }

        if (vagueSentences == 0)
        {
            return null;
        }

        return new LanguageFinding(
            BiasCodes.VagueFeedback,
            FindingSeverity.Info,
            tally.ToFoundWords(),
            new Dictionary<string, int> { ["vagueSentences"] = vagueSentences, ["sentences"] = sentences.Count },
            Method,
            SuggestedRewrite);
    }
}
