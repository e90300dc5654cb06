using System.Globalization;
using System.Text;

namespace Scorecard.Organization.Domain;

/// <summary>
/// Folds text for search and sorting the same way on every database: lower case, accents removed
/// ("Åsa" → "asa", "Tomáš" → "tomas"), and the letters that do not decompose spelled out ("ø" → "o", "ß" → "ss").
/// Stored in its own columns, so SQLite and PostgreSQL compare the same bytes.
/// </summary>
internal static class SearchFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(c) switch
            {
                'ø' => "o",
                'æ' => "ae",
                'œ' => "oe",
                'ß' => "ss",
                'ł' => "l",
                'đ' => "d",
                'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                var lower => lower.ToString(),
            });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
