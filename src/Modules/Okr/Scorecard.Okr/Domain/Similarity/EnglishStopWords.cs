namespace Scorecard.Okr.Domain;

/// <summary>
/// Words ignored by the lexical similarity: a classic English function-word list (articles,
/// pronouns, auxiliaries, prepositions, conjunctions, common adverbs), plus OKR boilerplate — the
/// verbs and time words nearly every goal uses ("increase", "reduce", "quarter"…), which say how a
/// goal is phrased, not what it is about. Checked against the lower-cased word before stemming.
/// </summary>
internal static class EnglishStopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // function words
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "every", "few",
        "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "least", "less", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with",
        "within", "without", "would", "you", "your", "yours", "yourself", "yourselves", "etc", "per",
        "across", "among", "around", "onto", "toward", "towards", "whose", "yet",

        // OKR boilerplate: how goals are phrased, not what they are about
        "increase", "increased", "increasing", "decrease", "decreased", "reduce", "reduced", "reducing",
        "raise", "raised", "grow", "growing", "improve", "improved", "improving", "achieve", "achieved",
        "cut", "lift", "boost", "drive", "ensure", "deliver", "make", "get", "keep", "hit", "reach",
        "maintain", "least", "below", "above", "under", "new", "target", "targets", "goal", "goals",
        "objective", "objectives", "key", "result", "results", "okr", "okrs", "quarter", "quarterly",
        "month", "monthly", "week", "weekly", "year", "yearly", "annual", "annually", "day", "days",
        "q1", "q2", "q3", "q4", "h1", "h2", "percent", "x",
    };

    public static bool Contains(string lowerCaseWord) => Words.Contains(lowerCaseWord);
}
