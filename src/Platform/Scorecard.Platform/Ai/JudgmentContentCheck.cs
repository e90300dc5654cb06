using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scorecard.Platform.Ai;

/// <summary>
/// The model decides nothing: finds text that gives a rating or score, says what someone "deserves",
/// recommends promotion, demotion, pay, a raise, a bonus, firing or a performance plan, calls someone the
/// best or worst, or ranks or compares people with colleagues. Meant to run on the model's answer while
/// names are still placeholders (<c>[PERSON_1]</c>), so a name with an apostrophe cannot hide a sentence.
/// Numbers written as words ("four out of five") count like digits. Precision and recall are measured on a
/// labelled set of sentences in the tests.
/// </summary>
public static partial class JudgmentContentCheck
{
    /// <summary>Each finding names the kind and quotes the offending phrase.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var s = text.Replace('’', '\'');
        var findings = new List<string>();
        Add(findings, "a rating", Rating().Matches(s));
        Add(findings, "a statement of what someone deserves", Deserves().Matches(s));
        Add(findings, "a ranking or comparison of people", Ranking().Matches(s));
        Add(findings, "a superlative about a person", Superlative().Matches(s));
        Add(findings, "a promotion, demotion, pay, termination or performance-plan recommendation", Recommendation().Matches(s));
        return findings;
    }

    /// <summary>Checks every string value in a JSON answer.</summary>
    public static IReadOnlyList<string> FindInJson(JsonElement answer)
    {
        var findings = new List<string>();
        Walk(answer, findings);
        return [.. findings.Distinct()];
    }

    public static AiValidation Validate(string? text)
    {
        var findings = Find(text);
        return findings.Count == 0 ? AiValidation.Ok : new AiValidation([.. findings.Select(Describe)], []);
    }

    internal static string Describe(string finding) => $"the draft contains {finding}; AI never rates, ranks or recommends decisions about people";

    private static void Walk(JsonElement e, List<string> findings)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String: findings.AddRange(Find(e.GetString())); break;
            case JsonValueKind.Array: foreach (var item in e.EnumerateArray()) Walk(item, findings); break;
            case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value, findings); break;
        }
    }

    private static void Add(List<string> findings, string kind, MatchCollection matches)
    {
        foreach (Match m in matches)
        {
            var quote = m.Value.Trim();
            if (quote.Length > 60) quote = quote[..60] + "…";
            findings.Add($"{kind} (\"{quote}\")");
        }
    }

    private const string Who = @"(?:him|her|them|me|you|us|this\s+person|the\s+employee|\[PERSON_\d+\](?:'s)?|[A-Z][\p{L}'\-]+(?:\s+[A-Z][\p{L}'\-]+)?)";
    private const string Num = @"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|zero)";
    private const string Filler = @"(?:(?:him|her|them|\[PERSON_\d+\]|a|an|the|big|bigger|significant|generous|larger|higher|salary|pay|merit|year-end|annual)\s+){0,3}";

    [GeneratedRegex(@"\brat(?:e|ed|es|ing)\s+(?:" + Who + @"\s+)?(?:(?:a|an|as|at|with)\s+)?" + Num + @"\b"
        + @"|\b(?:rating|grade|score)\s*(?::|=|-|of|is|was|would\s+be|should\s+be)\s*(?:a\s+)?" + Num + @"\b"
        + @"|\b" + Num + @"\s*(?:/|out\s+of)\s*(?:5|10|100|five|ten|hundred)\b"
        + @"|\b(?:earns?|merits?|warrants?|gets?|give|assign|award)\s+(?:" + Who + @"\s+)?(?:a|an|the)?\s*(?:top|high|higher|highest|low|lower|lowest|perfect|maximum|max|best|" + Num + @")\s*(?:rating|score|grade|mark)\b"
        + @"|\b(?:top|highest|lowest|bottom|perfect|maximum)\s+(?:possible\s+)?(?:rating|score|grade)\b"
        + @"|\b(?:rating|rated|score|scored|grade|graded)\s+(?:as\s+|should\s+be\s+|would\s+be\s+|is\s+|of\s+)?[""']?(?:exceeds|meets|below|outstanding|exceptional|unsatisfactory|needs\s+improvement)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Rating();

    [GeneratedRegex(@"\b(?:deserv(?:e|es|ed|ing)|undeserving)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Deserves();

    [GeneratedRegex(@"\b(?:top|bottom|best|worst|highest|lowest|strongest|weakest)(?:[\s\-]+[\p{L}]+){0,2}?[\s\-]+(?:performers?|ranked|rated)\b"
        + @"|\b(?:high|low|under|poor|star|top|bottom)[\s\-]?performers?\b"
        + @"|\brank(?:ed|s|ing)?\s+(?:as\s+|him\s+|her\s+|them\s+|\[PERSON_\d+\]\s+)?(?:#?\d+|no\.\s*\d+|first|second|third|last|top|bottom|highest|lowest|above|below|ahead\s+of)\b"
        + @"|\b(?:team|stack|forced|peer|performance)[\s\-]+rank(?:ing|ed)?\b"
        + @"|\b(?:top|bottom)\s+(?:\d+|one|two|three|five|ten)\s*(?:%|percent|per\s+cent)"
        + @"|\b(?:better|worse|stronger|weaker|faster|slower|smarter|more\s+[\p{L}\-]+|less\s+[\p{L}\-]+)\s+than\s+(?:\[PERSON_\d+\]|(?:his|her|their|the\s+other|other|any\s+other|all\s+(?:the\s+)?other|every\s+other|most|the\s+rest\s+of\s+(?:the|his|her|their))\s*(?:peers?|colleagues?|teammates?|engineers?|members?|people|developers?|team(?:\s+members?)?|reports|one|person)|(?:anyone|everyone|everybody|anybody)(?:\s+else)?|the\s+rest|(?:the\s+)?others)(?![\p{L}\p{N}])"
        + @"|\bout(?:perform(?:s|ed|ing)?|shin(?:es|ed|ing)|shone|pac(?:es|ed|ing))\s+(?:\[PERSON_\d+\]|(?:his|her|their|all|the)\s+\w+|everyone|others|peers|colleagues)"
        + @"|\b(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|ahead\s+of|behind)\s+(?:\[PERSON_\d+\]|(?:his|her|their|the\s+other)\s+(?:peers|colleagues|teammates)|(?:the\s+)?(?:rest\s+of\s+the\s+team|others|peers|colleagues|other\s+team\s+members|everyone\s+else))",
        RegexOptions.IgnoreCase)]
    private static partial Regex Ranking();

    [GeneratedRegex(@"\b(?:the|our|my|his|her|their|one\s+of\s+(?:the|our))\s+(?:single\s+|very\s+)?(?:best|strongest|weakest|worst|smartest|brightest|greatest|top|most\s+(?:talented|valuable|capable|productive|effective|skilled|impressive|gifted|reliable)|least\s+(?:talented|valuable|capable|productive|effective|skilled|reliable))\s+(?:[\p{L}\-]+\s+){0,2}?(?:engineers?|developers?|persons?|people|employees?|performers?|members?|hires?|managers?|analysts?|designers?|reps?|representatives?|sellers?|marketers?|colleagues?|contributors?|individuals?|talents?|leaders?|ics?|staff)\b"
        + @"|\b(?:best|strongest|weakest|worst|smartest)\s+(?:one\s+)?(?:in|on|of)\s+(?:the|our|his|her|their|this)\s+(?:team|company|department|org|organization|group|unit|squad|cohort)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Superlative();

    [GeneratedRegex(@"\b(?:should|must|ought\s+to|could|can|deserves?\s+to|needs?\s+to|is\s+ready\s+to|will|would)\s+(?:now\s+|definitely\s+|certainly\s+|soon\s+)?(?:be\s+)?(?:promoted|demoted|terminated|fired|dismissed|let\s+go|laid\s+off|managed\s+out|put\s+on\s+(?:a\s+)?(?:PIP|performance\s+(?:improvement\s+)?plan))\b"
        + @"|\brecommend(?:s|ed|ing|ation)?\s+(?:that\s+\S+(?:\s+\S+)?\s+(?:be\s+|is\s+|gets?\s+)?|(?:of\s+)?" + Who + @"\s+)?(?:for\s+)?(?:a\s+|an\s+|the\s+)?(?:promotion|promoting|promoted|demotion|demoting|demoted|termination|terminating|terminated|dismissal|dismissing|dismissed|firing|fired|layoff|raise|pay\s+(?:rise|increase|cut)|salary\s+increase|bonus|PIP)\b"
        + @"|\b(?:ready|eligible|up|in\s+line|a\s+candidate|candidate|recommended|nominated|considered|put\s+forward|due)\s+for\s+(?:a\s+|the\s+)?(?:promotion|termination|dismissal|demotion|raise|pay\s+rise|bonus)\b"
        + @"|\b(?:promotable|promotion[\s\-]ready|unpromotable)\b"
        + @"|\b(?:promote|fire|terminate|dismiss|demote|sack|let\s+go\s+of|lay\s+off)\s+(?:him|her|them|\[PERSON_\d+\])(?![\p{L}\p{N}])"
        + @"|\bpromot(?:e|ed|ing|ion)\s+(?:of\s+)?(?:\[PERSON_\d+\]\s+|him\s+|her\s+|them\s+|(?-i:[A-Z][\p{L}'\-]+(?:\s+[A-Z][\p{L}'\-]+)?)\s+)?to\s+(?:a\s+)?(?:senior|staff|principal|lead|manager|director|head|vp|team\s+lead|the\s+next\s+level|level)\b"
        + @"|\b(?:get|gets|give|giving|receive|receives|earn|earns|award|deserve|deserves|offer)\s+" + Filler + @"(?:raise|pay\s+(?:rise|increase|bump)|salary\s+(?:increase|bump|raise)|bonus|merit\s+increase|compensation\s+increase|promotion)\b"
        + @"|\b(?:increase|raise|cut|reduce|lower)\s+(?:his|her|their|\[PERSON_\d+\]'s)\s+(?:pay|salary|compensation|bonus)\b"
        + @"|\b(?:PIP|performance\s+improvement\s+plan)\b"
        + @"|\bput\s+(?:him|her|them|\[PERSON_\d+\])\s+on\s+(?:a\s+)?(?:performance\s+)?plan\b"
        + @"|\b(?:grounds|case|reason)\s+for\s+(?:his\s+|her\s+|their\s+)?(?:termination|dismissal|demotion|firing)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Recommendation();
}
