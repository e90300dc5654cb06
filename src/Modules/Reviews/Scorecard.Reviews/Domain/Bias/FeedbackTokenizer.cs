using System.Text;

namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Splits feedback into sentences of lower-cased word tokens.
/// <list type="bullet">
/// <item>A token is a run of letters and digits. A hyphen or apostrophe between two letters/digits
/// stays inside it ("hard-working", "don't"); a '.' or ',' between two digits too ("3.5", "1,200").
/// Typographic apostrophes (’ ‘) count as "'". A trailing possessive "'s" is dropped ("team's" → "team").</item>
/// <item>Everything else separates tokens; '.', '!', '?', ';' and line breaks also end a sentence.</item>
/// <item>Case is folded with the invariant culture.</item>
/// </list>
/// </summary>
internal static class FeedbackTokenizer
{
    public static IReadOnlyList<IReadOnlyList<FeedbackToken>> Sentences(string? text)
    {
        var sentences = new List<IReadOnlyList<FeedbackToken>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sentences;
        }

        var current = new List<FeedbackToken>();
        var word = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = Normalize(text[i]);
            if (char.IsLetterOrDigit(c))
            {
                word.Clear();
                bool hasDigit = false;
                while (i < text.Length)
                {
                    char ch = Normalize(text[i]);
                    if (char.IsLetterOrDigit(ch))
                    {
                        hasDigit |= char.IsDigit(ch);
                        word.Append(char.ToLowerInvariant(ch));
                        i++;
                        continue;
                    }

                    char next = i + 1 < text.Length ? Normalize(text[i + 1]) : '\0';
                    char previous = Normalize(text[i - 1]);
                    bool joinsWords = (ch is '-' or '\'') && char.IsLetterOrDigit(next);
                    bool joinsDigits = (ch is '.' or ',') && char.IsDigit(previous) && char.IsDigit(next);
                    if (!joinsWords && !joinsDigits)
                    {
                        break;
                    }

                    word.Append(ch);
                    i++;
                }

                string token = word.ToString();
                if (token.EndsWith("'s", StringComparison.Ordinal) && token.Length > 2)
                {
                    token = token[..^2];
                }

                current.Add(new FeedbackToken(token, hasDigit));
                continue;
            }

            if (c is '.' or '!' or '?' or ';' or '\n' or '\r')
            {
                EndSentence(sentences, ref current);
            }

            i++;
        }

        EndSentence(sentences, ref current);
        return sentences;
    }

    public static IReadOnlyList<FeedbackToken> Tokens(string? text) =>
        Sentences(text).SelectMany(s => s).ToList();

    private static void EndSentence(List<IReadOnlyList<FeedbackToken>> sentences, ref List<FeedbackToken> current)
    {
        if (current.Count > 0)
        {
            sentences.Add(current);
            current = [];
        }
    }

    private static char Normalize(char c) => c is '\u2019' or '\u2018' ? '\'' : c;
}
