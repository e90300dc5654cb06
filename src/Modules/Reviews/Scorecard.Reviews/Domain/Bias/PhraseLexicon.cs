namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Exact whole-word matching of words and multi-word phrases ("great job", "worked hard") against a
/// token list. At each position the longest entry wins and matches never overlap, so "not a team
/// player" is one match, not also "team player".
/// </summary>
internal sealed class PhraseLexicon
{
    private readonly Dictionary<string, List<string[]>> _byFirstToken = new(StringComparer.Ordinal);

    public PhraseLexicon(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var tokens = FeedbackTokenizer.Tokens(entry).Select(t => t.Text).ToArray();
            if (tokens.Length == 0)
            {
                continue;
            }

            if (!_byFirstToken.TryGetValue(tokens[0], out var list))
            {
                list = [];
                _byFirstToken.Add(tokens[0], list);
            }

            list.Add(tokens);
        }

        foreach (var list in _byFirstToken.Values)
        {
            list.Sort((x, y) => y.Length.CompareTo(x.Length));
        }
    }

    public bool Contains(string token) =>
        _byFirstToken.TryGetValue(token, out var list) && list.Exists(e => e.Length == 1);

    /// <summary>The matched phrases, in order, each as its words joined by single spaces.</summary>
    public IReadOnlyList<PhraseMatch> FindAll(IReadOnlyList<FeedbackToken> tokens)
    {
        var matches = new List<PhraseMatch>();
        int i = 0;
        while (i < tokens.Count)
        {
            int length = LongestAt(tokens, i);
            if (length == 0)
            {
                i++;
                continue;
            }

            matches.Add(new PhraseMatch(string.Join(' ', tokens.Skip(i).Take(length).Select(t => t.Text)), i, length));
            i += length;
        }

        return matches;
    }

    private int LongestAt(IReadOnlyList<FeedbackToken> tokens, int start)
    {
        if (!_byFirstToken.TryGetValue(tokens[start].Text, out var candidates))
        {
            return 0;
        }

        foreach (var entry in candidates)
        {
            if (start + entry.Length > tokens.Count)
            {
                continue;
            }

            bool all = true;
            for (int k = 1; k < entry.Length && all; k++)
            {
                all = string.Equals(tokens[start + k].Text, entry[k], StringComparison.Ordinal);
            }

            if (all)
            {
                return entry.Length;
            }
        }

        return 0;
    }
}

/// <summary>A phrase found at token index Start spanning Length tokens.</summary>
internal sealed record PhraseMatch(string Phrase, int Start, int Length);
