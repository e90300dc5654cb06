namespace Scorecard.Okr.Domain;

/// <summary>
/// The Porter stemming algorithm exactly as published: M. F. Porter, "An algorithm for suffix
/// stripping", Program 14(3), 1980, pp. 130–137 — steps 1a, 1b, 1c, 2, 3, 4, 5a, 5b. It follows the
/// paper, not the later reference code's departures (so step 2 maps "abli" → "able" and has no
/// "logi" rule). Input is expected in lower case; words of one or two letters are returned unchanged.
/// Examples: caresses → caress, ponies → poni, relational → relat, hopping → hop.
/// </summary>
internal static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
        "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2)
        {
            return word;
        }

        var w = word;
        w = Step1A(w);
        w = Step1B(w);
        w = Step1C(w);
        w = Step2(w);
        w = Step3(w);
        w = Step4(w);
        w = Step5A(w);
        w = Step5B(w);
        return w;
    }

    /// <summary>True if letter <paramref name="i"/> is a consonant: not a, e, i, o, u, and a y preceded by a consonant is a vowel.</summary>
    private static bool IsConsonant(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    /// <summary>The measure m of a stem written [C](VC)^m[V].</summary>
    private static int Measure(string stem)
    {
        var m = 0;
        var i = 0;
        var n = stem.Length;
        while (i < n && IsConsonant(stem, i))
        {
            i++;
        }

        while (i < n)
        {
            while (i < n && !IsConsonant(stem, i))
            {
                i++;
            }

            if (i >= n)
            {
                break;
            }

            while (i < n && IsConsonant(stem, i))
            {
                i++;
            }

            m++;
        }

        return m;
    }

    private static bool ContainsVowel(string stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>*d: the stem ends with a double consonant.</summary>
    private static bool EndsWithDoubleConsonant(string stem) =>
        stem.Length >= 2 && stem[^1] == stem[^2] && IsConsonant(stem, stem.Length - 1);

    /// <summary>*o: the stem ends consonant-vowel-consonant, the last consonant not w, x or y.</summary>
    private static bool EndsCvc(string stem)
    {
        var n = stem.Length;
        return n >= 3
            && IsConsonant(stem, n - 3) && !IsConsonant(stem, n - 2) && IsConsonant(stem, n - 1)
            && stem[n - 1] is not ('w' or 'x' or 'y');
    }

    private static string Step1A(string w) =>
        w.EndsWith("sses", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith("ies", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith("ss", StringComparison.Ordinal) ? w
        : w.EndsWith('s') ? w[..^1]
        : w;

    private static string Step1B(string w)
    {
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            return Measure(w[..^3]) > 0 ? w[..^1] : w;
        }

        string stem;
        if (w.EndsWith("ed", StringComparison.Ordinal) && ContainsVowel(w[..^2]))
        {
            stem = w[..^2];
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && ContainsVowel(w[..^3]))
        {
            stem = w[..^3];
        }
        else
        {
            return w;
        }

        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
        {
            return stem + "e";
        }

        if (EndsWithDoubleConsonant(stem) && stem[^1] is not ('l' or 's' or 'z'))
        {
            return stem[..^1];
        }

        return Measure(stem) == 1 && EndsCvc(stem) ? stem + "e" : stem;
    }

    private static string Step1C(string w) =>
        w.EndsWith('y') && ContainsVowel(w[..^1]) ? w[..^1] + "i" : w;

    private static string Step2(string w) => ReplaceSuffix(w, Step2Rules, minMeasure: 1);

    private static string Step3(string w) => ReplaceSuffix(w, Step3Rules, minMeasure: 1);

    private static string Step4(string w)
    {
        // The longest matching suffix decides; only it is tried.
        string? match = null;
        foreach (var suffix in Step4Suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && (match is null || suffix.Length > match.Length))
            {
                match = suffix;
            }
        }

        if (match is null)
        {
            return w;
        }

        var stem = w[..^match.Length];
        if (Measure(stem) <= 1)
        {
            return w;
        }

        // (m>1 and (*S or *T)) ION
        if (match == "ion" && !(stem.EndsWith('s') || stem.EndsWith('t')))
        {
            return w;
        }

        return stem;
    }

    private static string Step5A(string w)
    {
        if (!w.EndsWith('e'))
        {
            return w;
        }

        var stem = w[..^1];
        var m = Measure(stem);
        return m > 1 || (m == 1 && !EndsCvc(stem)) ? stem : w;
    }

    private static string Step5B(string w) =>
        Measure(w) > 1 && EndsWithDoubleConsonant(w) && w.EndsWith('l') ? w[..^1] : w;

    private static string ReplaceSuffix(string w, (string Suffix, string Replacement)[] rules, int minMeasure)
    {
        // Rules are tried longest-match first; the first (longest) matching suffix decides.
        (string Suffix, string Replacement)? best = null;
        foreach (var rule in rules)
        {
            if (w.EndsWith(rule.Suffix, StringComparison.Ordinal) && (best is null || rule.Suffix.Length > best.Value.Suffix.Length))
            {
                best = rule;
            }
        }

        if (best is null)
        {
            return w;
        }

        var stem = w[..^best.Value.Suffix.Length];
        return Measure(stem) >= minMeasure ? stem + best.Value.Replacement : w;
    }
}
