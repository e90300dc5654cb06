using System.Text;
using System.Text.RegularExpressions;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Replaces people's names and e-mails with tokens (<c>[PERSON_1]</c>, ...) in text leaving the
/// process, and restores them in the answer. Matching is case-insensitive, diacritic-insensitive
/// ("Tomas" matches "Tomáš") and word-boundary aware: the e-mail and its local part
/// (<c>tomas.novak</c>), the full name (any whitespace between parts), first and last names, and
/// <c>@mentions</c> of any of them; a possessive keeps its <c>'s</c> after the token. A name part
/// shared by several people (two called Anna) gets a token of its own that restores to the part as
/// written. A name part that is also a common word (Will, May, Mark) is only matched when capitalised.
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
        "day", "new", "best", "good", "strong", "little", "short", "small", "head", "gay", "patience",
        "lead", "fair", "sage", "dawn", "eve", "ivy", "iris", "lily", "robin", "jack", "victor", "harmony",
    };

    private readonly List<string> names = [];
    private readonly Regex? matcher;
    private readonly Dictionary<string, int> tokenByAlias = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> used = [];

    public Pseudonymizer(IEnumerable<AiPerson> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var aliases = new List<(string Pattern, int Length)>();
        var parts = new Dictionary<string, (HashSet<int> Owners, string Written)>(StringComparer.OrdinalIgnoreCase);
        var fullNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void AddAlias(string alias, int index, bool caseSensitive = false)
        {
            var folded = Fold(alias);
            if (folded.Length == 0 || !tokenByAlias.TryAdd(folded, index)) return;
            var escaped = string.Join(@"\s+", folded.Split(' ').Select(Regex.Escape));
            aliases.Add((caseSensitive ? $"(?-i:{Capitalize(escaped)})" : escaped, folded.Length));
            if (!alias.StartsWith('@')) AddAlias("@" + alias.Replace(' ', '.'), index, caseSensitive);
        }

        foreach (var person in people)
        {
            var display = string.IsNullOrWhiteSpace(person.Name) ? "" : WhitespaceRun().Replace(person.Name.Trim().Normalize(NormalizationForm.FormC), " ");
            var name = NormalizeSpace(person.Name);
            var email = person.Email?.Trim().Normalize(NormalizationForm.FormC);
            if (name.Length == 0 && string.IsNullOrEmpty(email)) continue;

            // One token per distinct person (same name or same e-mail = same token).
            var index = (name.Length > 0 && tokenByAlias.TryGetValue(Fold(name), out var byName)) ? byName
                : (!string.IsNullOrEmpty(email) && tokenByAlias.TryGetValue(Fold(email), out var byEmail)) ? byEmail
                : 0;
            if (index == 0)
            {
                names.Add(display.Length > 0 ? display : email!);
                index = names.Count;
            }

            if (!string.IsNullOrEmpty(email))
            {
                AddAlias(email, index);
                var local = email.Split('@')[0];
                if (local.Length >= 3) AddAlias(local, index);
            }
            if (name.Length > 0)
            {
                fullNames.Add(Fold(name));
                AddAlias(name, index);
            }
            foreach (var part in display.Split(' ', '-'))
            {
                if (part.Length < 2) continue;
                var key = Fold(part);
                if (!parts.TryGetValue(key, out var entry)) parts[key] = entry = ([], part);
                entry.Owners.Add(index);
            }
        }

        foreach (var (part, (owners, written)) in parts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (fullNames.Contains(part) || tokenByAlias.ContainsKey(part)) continue;
            var index = owners.Count == 1 ? owners.Single() : AddName(written); // "Anna" of two people: its own token
            AddAlias(written, index, CommonWords.Contains(part));
        }

        if (aliases.Count == 0) return;
        var alternation = string.Join("|", aliases.OrderByDescending(a => a.Length).ThenBy(a => a.Pattern, StringComparer.Ordinal).Select(a => a.Pattern));
        matcher = new Regex($@"(?<![\p{{L}}\p{{M}}\p{{N}}_@.])(?:{alternation})(?![\p{{L}}\p{{M}}\p{{N}}_@]|\.[\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    private int AddName(string written)
    {
        names.Add(written);
        return names.Count;
    }

    /// <summary>Token to real name, e.g. <c>[PERSON_1]</c> → <c>Anna Schmidt</c>.</summary>
    public IReadOnlyDictionary<string, string> Tokens =>
        names.Select((n, i) => (Token: Token(i + 1), Name: n)).ToDictionary(x => x.Token, x => x.Name);

    /// <summary>The tokens this instance put into text so far (the only ones an answer may use).</summary>
    public IReadOnlySet<int> UsedTokens => used;

    public static string Token(int index) => $"[{TokenPrefix}{index}]";

    public string Pseudonymize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (matcher is null) return text;
        var source = text.Normalize(NormalizationForm.FormC);
        var folded = Fold(source);
        var result = new StringBuilder(source.Length);
        var last = 0;
        foreach (Match m in matcher.Matches(folded))
        {
            if (!tokenByAlias.TryGetValue(NormalizeSpace(m.Value), out var index)) continue;
            result.Append(source, last, m.Index - last).Append(Token(index));
            used.Add(index);
            last = m.Index + m.Length;
        }
        return result.Append(source, last, source.Length - last).ToString();
    }

    /// <summary>Puts the names back. Accepts the token with or without brackets (models drop them sometimes).</summary>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (names.Count == 0) return text;
        return TokenPattern().Replace(text, m =>
            int.TryParse(m.Groups[1].Success ? m.Groups[1].ValueSpan : m.Groups[2].ValueSpan, out var i) && i >= 1 && i <= names.Count ? names[i - 1] : m.Value);
    }

    /// <summary>
    /// Placeholders in <paramref name="text"/> that this instance never sent: a <c>PERSON_n</c> token that was not used,
    /// or a made-up placeholder such as <c>[NAME]</c> or <c>[EMPLOYEE_2]</c>.
    /// </summary>
    public IReadOnlyList<string> FindInventedPlaceholders(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var invented = new List<string>();
        foreach (Match m in TokenPattern().Matches(text))
            if (!int.TryParse(m.Groups[1].Success ? m.Groups[1].ValueSpan : m.Groups[2].ValueSpan, out var i) || !used.Contains(i))
                invented.Add(m.Value.Trim());
        invented.AddRange(OtherPlaceholder().Matches(text).Select(m => m.Value));
        return [.. invented.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Lower-cases nothing, removes diacritics one character for one ("Tomáš" → "Tomas", "Ø" → "O"), so indexes stay aligned.</summary>
    internal static string Fold(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c < 128) continue;
            chars[i] = c switch
            {
                'ø' => 'o', 'Ø' => 'O', 'ł' => 'l', 'Ł' => 'L', 'đ' => 'd', 'Đ' => 'D', 'ı' => 'i', '’' => '\'',
                _ => Base(c),
            };
        }
        return new string(chars);

        static char Base(char c)
        {
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            return d.Length > 1 && char.IsLetter(d[0]) && d[1..].All(x => char.GetUnicodeCategory(x) == System.Globalization.UnicodeCategory.NonSpacingMark) ? d[0] : c;
        }
    }

    private static string NormalizeSpace(string? s) =>
        string.IsNullOrWhiteSpace(s) ? "" : Fold(WhitespaceRun().Replace(s.Trim().Normalize(NormalizationForm.FormC), " "));

    private static string Capitalize(string escaped) =>
        escaped.Length == 0 ? escaped : escaped[0] == '@' ? "@" + Capitalize(escaped[1..]) : char.ToUpperInvariant(escaped[0]) + escaped[1..];

    [GeneratedRegex(@"\[\s*PERSON_(\d{1,6})\s*\]|(?<![\p{L}\p{N}_])PERSON_(\d{1,6})(?![\p{L}\p{N}_])")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\[\s*(?:NAME|FULL_?NAME|FIRST_?NAME|LAST_?NAME|EMPLOYEE|MANAGER|COLLEAGUE|PEER|REVIEWER|EMAIL|PERSON(?!_\d))(?:[_ ]?\d{1,4})?\s*\]|\{\{\s*\w+\s*\}\}|<(?:NAME|PERSON|EMPLOYEE)>", RegexOptions.IgnoreCase)]
    private static partial Regex OtherPlaceholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
