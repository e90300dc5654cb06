namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// GENDER_CODED_LANGUAGE: the text leans on masculine- or feminine-coded words
/// (<see cref="GenderCodedWords"/>). Rule (design): the dominant side has ≥ 2 occurrences and at
/// least twice as many as the other side — one coded word, or a balanced mix, is not a lean.
/// Severity info.
/// </summary>
internal static class GenderCodedLanguageCheck
{
    public const int MinimumDominantCount = 2;
    public const int Ratio = 2;

    public const string Method =
        "Gaucher, Friesen & Kay (2011) masculine/feminine word stems, matched at word starts with an "
        + "exclusion list of known false positives (committee, response, …); flagged when one side has "
        + "≥ 2 occurrences and ≥ 2 × the other (design).";

    public const string SuggestedRewrite =
        "Describe role-relevant behaviour and its outcome rather than traits associated with one "
        + "gender — e.g. instead of \"supportive, warm and nurturing with the team\": \"Mentored two new "
        + "engineers through their first releases; both shipped features on their own by month three.\"";

    public static LanguageFinding? Check(IReadOnlyList<IReadOnlyList<FeedbackToken>> sentences)
    {
        var tally = new WordTally();
        foreach (var token in sentences.SelectMany(s => s))
        {
            foreach (var word in GenderCodedWords.MasculineStems.Match(token.Text))
            {
                tally.Add(word, GenderCodedWords.Masculine);
            }

            foreach (var word in GenderCodedWords.FeminineStems.Match(token.Text))
            {
                tally.Add(word, GenderCodedWords.Feminine);
            }
        }

        int masculine = tally.CountOf(GenderCodedWords.Masculine);
        int feminine = tally.CountOf(GenderCodedWords.Feminine);
        int dominant = Math.Max(masculine, feminine);
        int other = Math.Min(masculine, feminine);
        if (dominant < MinimumDominantCount || dominant < Ratio * other)
        {
            return null;
        }

        return new LanguageFinding(
            BiasCodes.GenderCodedLanguage,
            FindingSeverity.Info,
            tally.ToFoundWords(),
            new Dictionary<string, int> { ["masculine"] = masculine, ["feminine"] = feminine },
            Method,
            SuggestedRewrite);
    }
}
