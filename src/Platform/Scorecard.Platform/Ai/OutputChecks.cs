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
