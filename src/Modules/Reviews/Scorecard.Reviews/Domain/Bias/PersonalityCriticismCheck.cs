namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// PERSONALITY_CRITICISM: criticism of who someone is rather than what they did (Snyder 2014:
/// critical feedback in 87.9 % of women's reviews vs 58.9 % of men's; "abrasive" 17 times for women,
/// never for men). Unambiguous trait words ("abrasive", "bossy", "shrill", …) count anywhere.
/// Words that also describe work ("a difficult problem", "an aggressive timeline", "a dramatic
/// improvement") count only when they describe the person: directly after a linking/degree word
/// ("is", "was", "can be", "too", "very", "comes across as", …), directly after another trait word
/// or after "and"/"or"/"but" following one ("abrasive and emotional"), or before "to work with"
/// (design). One word is enough for the finding (severity warning).
/// </summary>
internal static class PersonalityCriticismCheck
{
    public const string Category = "personality";

    public const string Method =
        "Personality-word list (Snyder 2014): trait words that criticise the person instead of a "
        + "behaviour; context-dependent words (difficult, aggressive, emotional, …) only when they "
        + "describe the person (after is/was/be/too/very/as…, or in 'difficult to work with').";

    public const string SuggestedRewrite =
        "Describe the behaviour and its effect instead of a trait: what the person did, in which "
        + "situation, and what happened as a result — e.g. instead of \"she is abrasive in meetings\": "
        + "\"In the Q3 planning review she interrupted two colleagues before they finished; the team "
        + "left without their input. Next quarter: let each speaker finish, then respond.\"";

    private static readonly HashSet<string> Unambiguous = new(StringComparer.Ordinal)
    {
        "abrasive", "bossy", "shrill", "strident", "hysterical", "pushy", "temperamental", "moody",
        "arrogant", "irrational", "judgmental", "judgemental", "opinionated", "condescending",
        "combative", "catty", "brash", "overbearing", "domineering", "whiny", "feisty", "hormonal",
    };

    private static readonly HashSet<string> ContextDependent = new(StringComparer.Ordinal)
    {
        "difficult", "aggressive", "emotional", "dramatic", "intense", "harsh", "abrupt",
        "demanding", "defensive", "cold",
    };

    private static readonly HashSet<string> PersonCues = new(StringComparer.Ordinal)
    {
        "is", "was", "are", "were", "be", "been", "being", "seem", "seems", "seemed", "appear",
        "appears", "appeared", "too", "very", "overly", "so", "quite", "really", "extremely",
        "often", "sometimes", "always", "as", "become", "becomes", "became", "get", "gets", "got",
    };

    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "and", "or", "but" };

    public static LanguageFinding? Check(IReadOnlyList<IReadOnlyList<FeedbackToken>> sentences)
    {
        var tally = new WordTally();
        foreach (var sentence in sentences)
        {
            int lastHit = -2;
            for (int i = 0; i < sentence.Count; i++)
            {
                string word = sentence[i].Text;
                bool hit = Unambiguous.Contains(word)
                    || (ContextDependent.Contains(word) && DescribesPerson(sentence, i, lastHit));
                if (hit)
                {
                    tally.Add(word, Category);
                    lastHit = i;
                }
            }
        }

        if (tally.Total == 0)
        {
            return null;
        }

        return new LanguageFinding(
            BiasCodes.PersonalityCriticism,
            FindingSeverity.Warning,
            tally.ToFoundWords(),
            new Dictionary<string, int> { ["personalityWords"] = tally.Total },
            Method,
            SuggestedRewrite);
    }

    private static bool DescribesPerson(IReadOnlyList<FeedbackToken> sentence, int i, int lastHit)
    {
        if (i > 0 && PersonCues.Contains(sentence[i - 1].Text))
        {
            return true;
        }

        if (lastHit == i - 1 || (lastHit == i - 2 && Conjunctions.Contains(sentence[i - 1].Text)))
        {
            return true;
        }

        return i + 3 < sentence.Count
            && sentence[i + 1].Text == "to" && sentence[i + 2].Text == "work" && sentence[i + 3].Text == "with";
    }
}
