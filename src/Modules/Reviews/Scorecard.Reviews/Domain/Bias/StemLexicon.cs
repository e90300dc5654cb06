namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Word-boundary stem matching in the style of Gaucher, Friesen &amp; Kay (2011): an entry ending in
/// '*' matches any word that starts with the stem ("support*" → "supportive", "supporting"), other
/// entries match the whole word only. Matching is per token, so a stem only matches at the start of
/// a word ("warm*" matches "warmth", never "swarm"). Words on the exclusion list never match — the
/// known false positives such as "committee" for "commit*" and "response" for "respon*". A
/// hyphenated token that does not match as a whole is matched part by part ("warm-hearted" → "warm").
/// </summary>
internal sealed class StemLexicon
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<string> _stems = [];
    private readonly HashSet<string> _exclusions;

    public StemLexicon(IEnumerable<string> entries, IEnumerable<string> exclusions)
    {
        foreach (var raw in entries)
        {
            string entry = raw.Trim().ToLowerInvariant();
            if (entry.EndsWith('*'))
            {
                _stems.Add(entry[..^1]);
            }
            else
            {
                _words.Add(entry);
            }
        }

        _stems.Sort((x, y) => y.Length.CompareTo(x.Length));
        _exclusions = new HashSet<string>(exclusions.Select(e => e.Trim().ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>The words of the token that match (the whole token, or matching hyphen parts).</summary>
    public IReadOnlyList<string> Match(string token)
    {
        if (Matches(token))
        {
            return [token];
        }

        if (!token.Contains('-', StringComparison.Ordinal) || _exclusions.Contains(token))
        {
            return [];
        }

        return token.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(Matches).ToList();
    }

    private bool Matches(string word)
    {
        if (_exclusions.Contains(word))
        {
            return false;
        }

        return _words.Contains(word) || _stems.Exists(stem => word.StartsWith(stem, StringComparison.Ordinal));
    }
}
