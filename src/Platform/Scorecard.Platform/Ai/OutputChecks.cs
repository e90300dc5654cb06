using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scorecard.Platform.Ai;

/// <summary>Parses a model's JSON answer and checks it against the expected shape (a practical JSON-schema subset).</summary>
public static partial class AiJson
{
    internal static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Parses the answer (tolerating a surrounding ```json fence); on failure <paramref name="error"/> says why, without echoing the text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out JsonNode? node, [NotNullWhen(false)] out string? error)
    {
        node = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the answer was empty";
            return false;
        }

        var trimmed = StripFence(text);
        try
        {
            node = JsonNode.Parse(trimmed, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            error = $"the answer is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1})";
            return false;
        }

        if (node is null)
        {
            error = "the answer was JSON null";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Every way <paramref name="value"/> departs from <paramref name="schema"/>. Supports type (incl. arrays of types),
    /// enum, const, properties, required, additionalProperties:false, items, min/maxItems, min/maxLength, minimum/maximum, anyOf/oneOf.
    /// </summary>
    public static IReadOnlyList<string> CheckShape(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors, 0);
        return errors;
    }

    /// <summary>Parse, shape-check and deserialize; throws <see cref="FormatException"/> with a clear message.</summary>
    public static T Parse<T>(string? text, JsonElement schema, JsonSerializerOptions? options = null)
    {
        if (!TryParse(text, out var node, out var error)) throw new FormatException($"The AI answer could not be read: {error}.");
        return Deserialize<T>(node, schema, options);
    }

    internal static T Deserialize<T>(JsonNode node, JsonElement schema, JsonSerializerOptions? options)
    {
        var element = JsonSerializer.SerializeToElement(node, DefaultOptions);
        var problems = CheckShape(schema, element);
        if (problems.Count > 0)
            throw new FormatException($"The AI answer does not have the expected shape: {string.Join("; ", problems.Take(5))}.");
        try
        {
            return element.Deserialize<T>(options ?? DefaultOptions)
                ?? throw new FormatException("The AI answer could not be read: it was empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The AI answer does not have the expected shape: {ex.Path ?? "$"} has the wrong type.");
        }
    }

    private static string StripFence(string text)
    {
        var t = text.Trim();
        var m = Fence().Match(t);
        return m.Success ? m.Groups[1].Value.Trim() : t;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (errors.Count >= 20 || depth > 32) return;
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path} is not allowed");
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object) return;

        if (schema.TryGetProperty("anyOf", out var anyOf) || schema.TryGetProperty("oneOf", out anyOf))
        {
            var branches = anyOf.EnumerateArray().ToList();
            if (branches.Count > 0 && !branches.Any(b => CheckShape(b, value).Count == 0))
                errors.Add($"{path} matches none of the allowed shapes");
        }

        if (schema.TryGetProperty("type", out var type))
        {
            string[] types = type.ValueKind == JsonValueKind.Array
                ? [.. type.EnumerateArray().Select(t => t.GetString() ?? "")]
                : [type.GetString() ?? ""];
            if (!types.Any(t => Matches(t, value)))
            {
                errors.Add($"{path} should be {string.Join(" or ", types)} but is {Describe(value)}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path} is not one of the allowed values");
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add($"{path} is not the expected constant");

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
                var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
                foreach (var property in value.EnumerateObject())
                {
                    if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
                        Check(propertySchema, property.Value, $"{path}.{property.Name}", errors, depth + 1);
                    else if (closed)
                        errors.Add($"{path} has an unexpected property '{Shorten(property.Name)}'");
                    else if (additional.ValueKind == JsonValueKind.Object)
                        Check(additional, property.Value, $"{path}.{property.Name}", errors, depth + 1);
                }
                if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
                        if (!value.TryGetProperty(name, out _))
                            errors.Add($"{path} is missing the required property '{name}'");
                break;
            case JsonValueKind.Array:
                var count = value.GetArrayLength();
                if (schema.TryGetProperty("minItems", out var minItems) && minItems.TryGetInt32(out var min) && count < min)
                    errors.Add($"{path} should have at least {min} items but has {count}");
                if (schema.TryGetProperty("maxItems", out var maxItems) && maxItems.TryGetInt32(out var max) && count > max)
                    errors.Add($"{path} should have at most {max} items but has {count}");
                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                        Check(items, item, $"{path}[{i++}]", errors, depth + 1);
                }
                break;
            case JsonValueKind.String:
                var length = value.GetString()!.Length;
                if (schema.TryGetProperty("minLength", out var minLength) && minLength.TryGetInt32(out var minL) && length < minL)
                    errors.Add($"{path} should have at least {minL} characters but has {length}");
                if (schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var maxL) && length > maxL)
                    errors.Add($"{path} should have at most {maxL} characters but has {length}");
                break;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (schema.TryGetProperty("minimum", out var minimum) && minimum.TryGetDouble(out var lo) && number < lo)
                    errors.Add($"{path} should be at least {lo}");
                if (schema.TryGetProperty("maximum", out var maximum) && maximum.TryGetDouble(out var hi) && number > hi)
                    errors.Add($"{path} should be at most {hi}");
                break;
        }
    }

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex(@"^```[a-zA-Z]*\s*\n?(.*?)\n?```$", RegexOptions.Singleline)]
    private static partial Regex Fence();
}

/// <summary>
/// The model decides nothing: rejects text that gives a rating or score, ranks or compares people,
/// or recommends promotion, demotion, termination or pay changes.
/// </summary>
public static partial class JudgmentContentCheck
{
    /// <summary>Each finding names the kind and quotes the offending phrase.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var findings = new List<string>();
        Add(findings, "a rating", Rating().Matches(text));
        Add(findings, "a ranking or comparison of people", Ranking().Matches(text));
        Add(findings, "a promotion, termination or pay recommendation", Recommendation().Matches(text));
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

    private const string Who = @"(?:him|her|them|me|you|this\s+person|the\s+employee|\[PERSON_\d+\]|[A-Z][\p{L}'\-]+)";

    [GeneratedRegex(@"\brat(?:e|ed|es|ing)\s+(?:" + Who + @"\s+)?(?:(?:a|an|as|at|with)\s+)?(?:\d(?:[.,]\d)?|one|two|three|four|five)\b"
        + @"|\b(?:rating|grade|score)\s*(?::|=|-|of|is|was|would\s+be|should\s+be)\s*\d(?:[.,]\d)?\b"
        + @"|\b(?:rat(?:e|ed|ing)|grade[ds]?)\b[^.\n]{0,30}?\b\d(?:[.,]\d)?\s*(?:/|out\s+of)\s*\d+\b"
        + @"|\b(?:deserves?|earns?|merits?|warrants?|gets?|give|assign)\s+(?:" + Who + @"\s+)?(?:a|an|the)?\s*(?:top|high|higher|highest|low|lower|lowest|perfect|maximum|max|\d)\s*(?:rating|score|grade|mark)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Rating();

    [GeneratedRegex(@"\b(?:top|bottom|best|worst|highest|lowest|strongest|weakest)(?:[\s\-]+[\p{L}]+){0,2}?[\s\-]+(?:performers?|ranked|rated)\b"
        + @"|\b(?:high|low|under|poor|star)[\s\-]?performers?\b"
        + @"|\brank(?:ed|s|ing)?\s+(?:as\s+)?(?:#?\d+|no\.\s*\d+|first|second|third|last|top|bottom|highest|lowest|above|below|ahead\s+of)\b"
        + @"|\b(?:team|stack|forced|peer|performance)[\s\-]+rank(?:ing|ed)?\b"
        + @"|\b(?:top|bottom)\s+\d+\s*(?:%|percent)"
        + @"|\b(?:better|worse|stronger|weaker)\s+than\s+(?:\[PERSON_\d+\]|(?:his|her|their)\s+(?:peers|colleagues|teammates)|(?:the\s+)?(?:rest\s+of\s+the\s+team|other\s+team\s+members|others|everyone\s+else))",
        RegexOptions.IgnoreCase)]
    private static partial Regex Ranking();

    [GeneratedRegex(@"\b(?:should|must|ought\s+to|could|can|deserves?\s+to|needs?\s+to|is\s+ready\s+to|will)\s+(?:now\s+)?(?:be\s+)?(?:promoted|demoted|terminated|fired|dismissed|let\s+go|laid\s+off|put\s+on\s+(?:a\s+)?(?:PIP|performance\s+improvement\s+plan))\b"
        + @"|\brecommend(?:s|ed|ing|ation)?\s+(?:that\s+\S+\s+(?:be\s+|is\s+)?|(?:of\s+)?" + Who + @"\s+)?(?:for\s+)?(?:a\s+)?(?:promotion|promoting|promoted|demotion|demoting|demoted|termination|terminating|terminated|dismissal|dismissing|dismissed|firing|fired|layoff|raise|pay\s+(?:rise|increase|cut)|bonus|PIP)\b"
        + @"|\b(?:ready|eligible|up|in\s+line|a\s+candidate|candidate|recommended|nominated)\s+for\s+(?:a\s+)?(?:promotion|termination|dismissal|demotion)\b"
        + @"|\b(?:promotable|promotion[\s\-]ready)\b"
        + @"|\b(?:promote|fire|terminate|dismiss|demote)\s+(?:him|her|them|\[PERSON_\d+\])\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Recommendation();
}

/// <summary>Citations must point at real evidence.</summary>
public static partial class CitationCheck
{
    /// <summary>Canonical inline citation marker, e.g. <c>[evidence:fb-12]</c>.</summary>
    public static string Marker(string evidenceId) => $"[evidence:{evidenceId}]";

    /// <summary>Evidence ids cited inline with markers like <c>[evidence:ID]</c>.</summary>
    public static IReadOnlyList<string> ExtractMarkers(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. MarkerLike().Matches(text).Select(m => m.Groups["id"].Value.Trim()).Distinct()];

    /// <summary>Cited ids that are not in <paramref name="knownIds"/> (ordinal, case-insensitive), each once.</summary>
    public static IReadOnlyList<string> FindUnknown(IEnumerable<string> citedIds, IEnumerable<string> knownIds)
    {
        var known = new HashSet<string>(knownIds, StringComparer.OrdinalIgnoreCase);
        return [.. citedIds.Where(id => !known.Contains(id.Trim())).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static AiValidation Validate(IEnumerable<string> citedIds, IEnumerable<string> knownIds, bool requireAtLeastOne = false)
    {
        var cited = citedIds.ToList();
        var unknown = FindUnknown(cited, knownIds);
        var result = unknown.Count == 0 ? AiValidation.Ok
            : AiValidation.Reject($"the draft cites evidence that does not exist: {string.Join(", ", unknown.Take(10))}");
        if (requireAtLeastOne && cited.Count == 0) result += AiValidation.Reject("the draft cites no evidence");
        return result;
    }

    [GeneratedRegex(@"\[\s*(?:evidence|ev|e|cite|citation|ref|reference|source|src)\s*[:#=]\s*(?<id>[^\]\r\n]{1,80})\]", RegexOptions.IgnoreCase)]
    internal static partial Regex MarkerLike();
}
