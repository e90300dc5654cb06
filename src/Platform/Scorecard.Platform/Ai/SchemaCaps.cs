using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Every string in an answer schema has a length cap: a string without <c>maxLength</c> (for example in a schema generated
/// from a type) gets <see cref="DefaultMaxLength"/>, and an array without <c>maxItems</c> gets <see cref="DefaultMaxItems"/>.
/// The gateway sends the capped schema and checks the answer against it.
/// </summary>
public static class SchemaCaps
{
    public const int DefaultMaxLength = 4_000;
    public const int DefaultMaxItems = 50;

    public static JsonElement Apply(JsonElement schema)
    {
        if (JsonNode.Parse(schema.GetRawText()) is not JsonNode node) return schema;
        Walk(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (Has(o, "string") && !o.ContainsKey("maxLength") && !o.ContainsKey("enum") && !o.ContainsKey("const"))
                    o["maxLength"] = DefaultMaxLength;
                if (Has(o, "array") && !o.ContainsKey("maxItems"))
                    o["maxItems"] = DefaultMaxItems;
                foreach (var (_, child) in o.ToList()) Walk(child);
                break;
            case JsonArray a:
                foreach (var child in a) Walk(child);
                break;
        }
    }

    private static bool Has(JsonObject o, string type) => o["type"] switch
    {
        JsonValue v => v.TryGetValue<string>(out var t) && t == type,
        JsonArray types => types.Any(t => t is JsonValue tv && tv.TryGetValue<string>(out var s) && s == type),
        _ => false,
    };
}
