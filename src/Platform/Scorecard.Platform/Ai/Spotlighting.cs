using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Spotlighting (Hines et al. 2024): untrusted text goes to the model between labelled delimiters
/// carrying a random per-request id, after anything inside it that could pass for a delimiter,
/// a message-role marker, a chat-template control token, a citation marker or a person token
/// has been neutralised. The system preamble tells the model that delimited text is data.
/// </summary>
public static partial class Spotlighting
{
    public const string Tag = "untrusted-data";

    /// <summary>A fresh 128-bit boundary id (32 hex characters).</summary>
    public static string NewBoundary() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string OpeningDelimiter(string boundary, string? source = null) =>
        source is null ? $"<<{Tag} id={boundary}>>" : $"<<{Tag} id={boundary} source=\"{SafeLabel(source)}\">>";

    public static string ClosingDelimiter(string boundary) => $"<</{Tag} id={boundary}>>";

    /// <summary>Neutralises <paramref name="text"/> and wraps it; <paramref name="inline"/> keeps it on one line (titles).</summary>
    public static string Wrap(string? text, string boundary, string? source = null, bool inline = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(boundary);
        var body = Neutralize(text ?? "");
        if (inline) body = LineBreaks().Replace(body, " ");
        var separator = inline ? "" : "\n";
        return OpeningDelimiter(boundary, source) + separator + body + separator + ClosingDelimiter(boundary);
    }

    /// <summary>Defuses delimiter look-alikes, role prefixes, chat control tokens, fake citations and person tokens.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Normalize(NormalizationForm.FormKC); // full-width "＜＜" etc. become ASCII first
        s = FakeDelimiter().Replace(s, "[removed: fake data delimiter]");
        s = ChatControlToken().Replace(s, "[removed: chat control token]");
        s = s.Replace("<<", "«", StringComparison.Ordinal).Replace(">>", "»", StringComparison.Ordinal);
        s = RolePrefix().Replace(s, m => $"{m.Groups["lead"].Value}(role label \"{m.Groups["role"].Value.ToLowerInvariant()}\" removed)");
        s = MarkdownRoleHeading().Replace(s, m => $"(heading \"{m.Groups["role"].Value.ToLowerInvariant()}\" removed)");
        s = CitationCheck.MarkerLike().Replace(s, m => $"(unverified reference \"{m.Groups["id"].Value.Trim()}\")");
        s = PersonToken().Replace(s, "[removed: placeholder token]");
        return s;
    }

    internal static string SafeLabel(string source)
    {
        var cleaned = new string(source.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ').Take(60).ToArray());
        return cleaned.Length == 0 ? "data" : cleaned;
    }

    // << untrusted-data ...>>, <</untrusted-data ...>>, also with spaces/underscores and single brackets.
    [GeneratedRegex(@"<{1,2}\s*/?\s*/?\s*untrusted[\s_\-]*data\b[^<>\r\n]{0,200}>{0,2}", RegexOptions.IgnoreCase)]
    internal static partial Regex FakeDelimiter();

    // <|im_start|>, <|system|>, <|eot_id|>, [INST], [/INST], <<SYS>>, <</SYS>>, <start_of_turn>, </s>
    [GeneratedRegex(@"<\|[^|<>\r\n]{0,40}\|>|\[/?INST\]|<</?SYS>>|</?(?:start_of_turn|end_of_turn|system|assistant|user|im_start|im_end)>|</s>|<s>", RegexOptions.IgnoreCase)]
    internal static partial Regex ChatControlToken();

    // "SYSTEM:", "assistant:" at the start of a line or sentence.
    [GeneratedRegex(@"(?<lead>(?:^|[\r\n]|[.!?;]\s)[\s>*#\-""'`]*)(?<role>system|assistant|developer|user|tool|human|ai|model|instruction|instructions)\s*:", RegexOptions.IgnoreCase)]
    internal static partial Regex RolePrefix();

    // "### System", "### Instruction:" (Alpaca-style headings)
    [GeneratedRegex(@"#{2,}\s*(?<role>system|assistant|instruction|instructions|response|user|input)\b:?", RegexOptions.IgnoreCase)]
    internal static partial Regex MarkdownRoleHeading();

    [GeneratedRegex(@"\[\s*PERSON_\d+\s*\]", RegexOptions.IgnoreCase)]
    internal static partial Regex PersonToken();

    [GeneratedRegex(@"[\r\n]+")]
    private static partial Regex LineBreaks();
}

/// <summary>A sign that untrusted text tries to steer the model; kinds are stable codes, for the audit log.</summary>
public sealed record InjectionSignal(string Kind, string Source);

/// <summary>Reports "possible prompt injection" signals in untrusted text so callers can audit (not block) them.</summary>
public static partial class PromptInjectionDetector
{
    public const string IgnoreInstructions = "ignore-instructions";
    public const string NewInstructions = "new-instructions";
    public const string RoleMarker = "role-marker";
    public const string ChatControlToken = "chat-control-token";
    public const string DelimiterForgery = "delimiter-forgery";
    public const string RatingRequest = "rating-request";
    public const string CitationForgery = "citation-forgery";
    public const string PlaceholderForgery = "placeholder-forgery";

    /// <summary>The distinct signal kinds found in <paramref name="text"/>, in a stable order.</summary>
    public static IReadOnlyList<string> Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var s = text.Normalize(NormalizationForm.FormKC);
        var kinds = new List<string>();
        if (IgnorePattern().IsMatch(s)) kinds.Add(IgnoreInstructions);
        if (NewInstructionsPattern().IsMatch(s)) kinds.Add(NewInstructions);
        if (Spotlighting.RolePrefix().IsMatch(s) || Spotlighting.MarkdownRoleHeading().IsMatch(s)) kinds.Add(RoleMarker);
        if (Spotlighting.ChatControlToken().IsMatch(s)) kinds.Add(ChatControlToken);
        if (Spotlighting.FakeDelimiter().IsMatch(s)) kinds.Add(DelimiterForgery);
        if (RatingPattern().IsMatch(s)) kinds.Add(RatingRequest);
        if (CitationCheck.MarkerLike().IsMatch(s)) kinds.Add(CitationForgery);
        if (Spotlighting.PersonToken().IsMatch(s)) kinds.Add(PlaceholderForgery);
        return kinds;
    }

    public static IReadOnlyList<InjectionSignal> Detect(string? text, string source) =>
        [.. Detect(text).Select(k => new InjectionSignal(k, source))];

    [GeneratedRegex(@"\b(?:ignore|disregard|forget|override|bypass|skip|do\s+not\s+follow|don'?t\s+follow)\s+(?:(?:all|any|every|the|your|my|these|those|of|previous|prior|above|earlier|preceding|original|system|existing|other)\s+){0,4}(?:instructions?|prompts?|rules|directions|directives|guidelines|guardrails|context|constraints)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IgnorePattern();

    [GeneratedRegex(@"\b(?:you\s+are\s+now|new\s+instructions?|from\s+now\s+on|act\s+as\s+(?:a|an|the)\b|pretend\s+(?:to\s+be|you\s+are)|system\s+prompt|jailbreak|developer\s+mode|DAN\s+mode)", RegexOptions.IgnoreCase)]
    private static partial Regex NewInstructionsPattern();

    [GeneratedRegex(@"\b(?:rate|rating|score|grade|mark|rank)\s+(?:me|him|her|them|this(?:\s+person)?|us)\b|\b(?:give|assign|award)\s+(?:me|him|her|them|us)\s+(?:a|an|the)?\s*(?:top|highest|max(?:imum)?|perfect|best|\d)|\b\d(?:[.,]\d)?\s*(?:/|out\s+of)\s*(?:5|10|100)\b|\b(?:promote|fire|terminate|dismiss)\s+(?:me|him|her|them)\b|\b(?:exceeds|outstanding|exceptional)\s+(?:rating|score)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RatingPattern();
}
