using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scorecard.Platform.Ai;

/// <summary>Names out of outgoing text, around the spotlight delimiters, and back into an answer.</summary>
internal static class AiNames
{
    /// <summary>
    /// Pseudonymizes everything except the delimiters themselves (a person called "Data" must not break
    /// <c>untrusted-data</c>); a delimiter's source label is pseudonymized on its own.
    /// </summary>
    public static string PseudonymizeAroundDelimiters(string text, string boundary, Pseudonymizer pseudonymizer)
    {
        var delimiter = new Regex(
            $@"<</?{Spotlighting.Tag} id={boundary}(?: source=""(?<source>[^""]*)"")?>>", RegexOptions.CultureInvariant);
        var result = new System.Text.StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in delimiter.Matches(text))
        {
            result.Append(pseudonymizer.Pseudonymize(text[last..m.Index]));
            var source = m.Groups["source"];
            result.Append(source.Success
                ? m.Value[..(source.Index - m.Index)] + pseudonymizer.Pseudonymize(source.Value) + m.Value[(source.Index - m.Index + source.Length)..]
                : m.Value);
            last = m.Index + m.Length;
        }
        result.Append(pseudonymizer.Pseudonymize(text[last..]));
        return result.ToString();
    }

    /// <summary>Rewrites every string in the answer with the names put back.</summary>
    public static JsonElement RestoreNames(JsonElement element, Pseudonymizer pseudonymizer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(element, writer, pseudonymizer);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();

        static void Write(JsonElement e, Utf8JsonWriter w, Pseudonymizer p)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    w.WriteStartObject();
                    foreach (var property in e.EnumerateObject())
                    {
                        w.WritePropertyName(property.Name);
                        Write(property.Value, w, p);
                    }
                    w.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    w.WriteStartArray();
                    foreach (var item in e.EnumerateArray()) Write(item, w, p);
                    w.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    w.WriteStringValue(p.Restore(e.GetString()!));
                    break;
                default:
                    e.WriteTo(w);
                    break;
            }
        }
    }

}
