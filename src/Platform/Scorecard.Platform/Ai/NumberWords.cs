using System.Text.RegularExpressions;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Numbers written as words ("three", "twenty-five", "a hundred", "half"), so a check on the numbers in a model's
/// answer treats "seven items" like "7 items".
/// </summary>
public static partial class NumberWords
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["thousand"] = 1000,
        ["half"] = 0.5, ["twice"] = 2, ["dozen"] = 12,
    };

    /// <summary>Each number word or compound ("twenty-five", "two hundred") with its value, in order of appearance.</summary>
    public static IReadOnlyList<(string Text, double Value)> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var found = new List<(string, double)>();
        foreach (Match m in Compound().Matches(text))
        {
            double total = 0, current = 0;
            foreach (var word in WordSplit().Split(m.Value.ToLowerInvariant()).Where(w => w.Length > 0 && w != "and" && w != "a"))
            {
                var v = Units[word];
                if (v is 100 or 1000) current = (current == 0 ? 1 : current) * v;
                else current += v;
                if (v == 1000) { total += current; current = 0; }
            }
            found.Add((m.Value, total + current));
        }
        return found;
    }

    [GeneratedRegex(@"\b(?:(?:a\s+)?(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half|twice|dozen)(?:[\s\-]+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Compound();

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex WordSplit();
}
