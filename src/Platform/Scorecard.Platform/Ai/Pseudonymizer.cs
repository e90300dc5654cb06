using System.Text;
using System.Text.RegularExpressions;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Replaces people's names and e-mails with tokens (<c>[PERSON_1]</c>, ...) in text leaving the
/// process, and restores them in the answer. Matches are case-insensitive and word-boundary aware:
/// the e-mail, the full name (any whitespace between parts), and a single first or last name when
/// exactly one registered person has it. A name part that is also a common word (Will, May, Mark)
/// is only matched when capitalised.
/// </summary>
public sealed partial class Pseudonymizer
{
    public const string TokenPrefix = "PERSON_";

    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "be", "is",
        "will", "may", "can", "mark", "grant", "bill", "rose", "hope", "faith", "joy", "sunny", "page",
        "young", "long", "white", "black", "brown", "green", "gray", "grey", "king", "price", "love",
        "case", "bell", "hill", "rich", "max", "frank", "art", "ray", "dean", "chase", "drew", "miles",
        "summer", "lane", "park", "june", "april", "august", "rob", "sue", "pat", "guy", "amber", "crystal",
        "cook", "baker", "smith", "fisher", "hunter", "carpenter", "wood", "stone", "field", "ford", "wells",
        "day", "may", "new", "best", "good", "strong", "little", "short", "small", "head", "gay", "patience",
        "lead", "fair", "sage", "dawn", "eve", "ivy", "iris", "lily", "robin", "jack", "victor", "harmony",
    };

    private readonly List<string> names = [];
    private readonly Regex? matcher;
    private readonly Dictionary<string, int> tokenByAlias = new(StringComparer.OrdinalIgnoreCase);

    public Pseudonymizer(IEnumerable<AiPerson> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var aliases = new List<(string Pattern, int Length)>();
        var parts = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        var fullNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var person in people)
        {
            var name = NormalizeSpace(person.Name);
            var email = person.Email?.Trim().Normalize(NormalizationForm.FormC);
            if (name.Length == 0 && string.IsNullOrEmpty(email)) continue;

            // One token per distinct person (same name or same e-mail = same token).
            var existing = (name.Length > 0 && tokenByAlias.TryGetValue(name, out var byName)) ? byName
                : (!string.IsNullOrEmpty(email) && tokenByAlias.TryGetValue(email, out var byEmail)) ? byEmail
                : 0;
            var index = existing;
            if (index == 0)
            {
                names.Add(name.Length > 0 ? name : email!);
                index = names.Count;
            }

            if (!string.IsNullOrEmpty(email) && tokenByAlias.TryAdd(email, index))
                aliases.Add((Regex.Escape(email), email.Length));
            if (name.Length > 0 && tokenByAlias.TryAdd(name, index))
            {
                fullNames.Add(name);
                aliases.Add((string.Join(@"\s+", name.Split(' ').Select(Regex.Escape)), name.Length));
            }
            foreach (var part in name.Split(' '))
            {
                if (part.Length < 2) continue;
                if (!parts.TryGetValue(part, out var owners)) parts[part] = owners = [];
                owners.Add(index);
            }
        }

        foreach (var (part, owners) in parts)
        {
            // Ambiguous parts (two people called Anna) and parts equal to someone's full name stay out.
            if (owners.Count != 1 || fullNames.Contains(part) || tokenByAlias.ContainsKey(part)) continue;
            tokenByAlias[part] = owners.Single();
            var escaped = Regex.Escape(part);
            aliases.Add((CommonWords.Contains(part) ? $"(?-i:{Capitalize(escaped)})" : escaped, part.Length));
        }

        if (aliases.Count == 0) return;
        var alternation = string.Join("|", aliases.OrderByDescending(a => a.Length).Select(a => a.Pattern));
        matcher = new Regex($@"(?<![\p{{L}}\p{{M}}\p{{N}}_@.])(?:{alternation})(?![\p{{L}}\p{{M}}\p{{N}}_@])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    /// <summary>Token to real name, e.g. <c>[PERSON_1]</c> → <c>Anna Schmidt</c>.</summary>
    public IReadOnlyDictionary<string, string> Tokens =>
        names.Select((n, i) => (Token: Token(i + 1), Name: n)).ToDictionary(x => x.Token, x => x.Name);

    public static string Token(int index) => $"[{TokenPrefix}{index}]";

    public string Pseudonymize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (matcher is null) return text;
        return matcher.Replace(text.Normalize(NormalizationForm.FormC), m =>
            tokenByAlias.TryGetValue(NormalizeSpace(m.Value), out var index) ? Token(index) : m.Value);
    }

    /// <summary>Puts the names back. Accepts the token with or without brackets (models drop them sometimes).</summary>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (names.Count == 0) return text;
        return TokenPattern().Replace(text, m =>
            int.TryParse(m.Groups[1].Success ? m.Groups[1].ValueSpan : m.Groups[2].ValueSpan, out var i) && i >= 1 && i <= names.Count ? names[i - 1] : m.Value);
    }

    private static string NormalizeSpace(string? s) =>
        string.IsNullOrWhiteSpace(s) ? "" : WhitespaceRun().Replace(s.Trim().Normalize(NormalizationForm.FormC), " ");

    private static string Capitalize(string escaped) =>
        escaped.Length == 0 ? escaped : char.ToUpperInvariant(escaped[0]) + escaped[1..];

    [GeneratedRegex(@"\[\s*PERSON_(\d{1,4})\s*\]|(?<![\p{L}\p{N}_])PERSON_(\d{1,4})(?![\p{L}\p{N}_])")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
