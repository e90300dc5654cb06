using System.Text;

namespace Scorecard.Okr.Domain;

/// <summary>
/// Turns goal text into index terms: lower-case; known phrases joined; split on anything that is not a
/// letter, digit or hyphen; abbreviations expanded (<see cref="TermExpansions"/>); a concept term added for
/// words in a concept group; hyphenated words also split into their parts; stop words, one-letter words
/// and words containing digits dropped (numbers such as "45" or "Q4" describe the size of a goal, not
/// its subject); the rest Porter-stemmed.
/// </summary>
internal static class TermExtractor
{
    private const int CacheLimit = 100_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    /// <summary>The terms of a text, remembered (the same goal and candidate texts are analysed again and again).</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (Cache.TryGetValue(text, out var known)) return known;
        if (Cache.Count >= CacheLimit) Cache.Clear();
        return Cache[text] = [.. Extract(text)];
    }

    /// <summary>The term vector of a text: term → count (what is stored per objective).</summary>
    public static IReadOnlyDictionary<string, int> Counts(string? text) =>
        Terms(text).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Whether the terms of <paramref name="text"/> are remembered already.</summary>
    public static bool Knows(string text) => Cache.ContainsKey(text);

    /// <summary>
    /// Takes a stored term vector of <paramref name="text"/> (see <see cref="Counts"/>) instead of analysing the text again.
    /// Only the counts matter to the similarity measures, not the order of the terms.
    /// </summary>
    public static void Remember(string text, IReadOnlyDictionary<string, int> counts)
    {
        if (string.IsNullOrWhiteSpace(text) || Cache.ContainsKey(text)) return;
        if (Cache.Count >= CacheLimit) Cache.Clear();
        Cache[text] = [.. counts.SelectMany(kv => Enumerable.Repeat(kv.Key, Math.Max(0, kv.Value)))];
    }

    private static List<string> Extract(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        var lower = text.ToLowerInvariant();
        foreach (var (phrase, word) in TermExpansions.Phrases)
        {
            lower = lower.Replace(phrase, word, StringComparison.Ordinal);
        }

        foreach (var raw in SplitWords(lower))
        {
            AddWord(raw, terms, expand: true);
        }

        return terms;
    }

    private static void AddWord(string word, List<string> terms, bool expand)
    {
        var trimmed = word.Trim('-');
        if (trimmed.Length == 0)
        {
            return;
        }

        if (TermExpansions.ConceptOf(trimmed) is { } concept)
        {
            terms.Add(concept);
        }

        if (expand && TermExpansions.Abbreviations.TryGetValue(trimmed, out var expansion))
        {
            foreach (var part in SplitWords(expansion))
            {
                AddWord(part, terms, expand: false);
            }

            return;
        }

        if (trimmed.Contains('-', StringComparison.Ordinal))
        {
            foreach (var part in trimmed.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                AddWord(part, terms, expand);
            }

            return;
        }

        if (trimmed.Length < 2 || trimmed.Any(char.IsDigit) || EnglishStopWords.Contains(trimmed))
        {
            return;
        }

        terms.Add(PorterStemmer.Stem(trimmed));
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '-')
            {
                current.Append(c);
            }
            else if (c == '\'' || c == '’')
            {
                // "customer's" → "customers" → stemmed like the plural
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
