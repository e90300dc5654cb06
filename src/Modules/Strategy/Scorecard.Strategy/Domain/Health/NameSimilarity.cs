namespace Scorecard.Strategy.Domain.Health;

/// <summary>
/// Jaccard similarity of two names' token sets: lower-cased, split on anything not a letter or digit, stop words
/// dropped, each token lightly stemmed so "Increasing revenues" and "increase revenue" match.
/// </summary>
internal static class NameSimilarity
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "from", "into", "per",
        "our", "its", "their", "we", "all", "across", "within", "is", "are", "be", "s",
    ];

    /// <summary>0..1; 0 when either name has no content words.</summary>
    public static double Jaccard(string first, string second)
    {
        var a = Tokens(first);
        var b = Tokens(second);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0.0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static IReadOnlySet<string> Tokens(string name)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var ch in name + " ")
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words.Where(w => !StopWords.Contains(w)).Select(Stem).ToHashSet();
    }

    /// <summary>A deliberately small suffix stripper: plurals, -ing, -ed, -ment, final -e.</summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = w[..^3];
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (w.Length > 7 && w.EndsWith("ment", StringComparison.Ordinal))
        {
            w = w[..^4];
        }

        if (w.Length > 3 && w.EndsWith('e'))
        {
            w = w[..^1];
        }

        return w;
    }
}
