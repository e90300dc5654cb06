using System.Collections.Concurrent;
using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Scorecard.Platform.Web;

/// <summary>
/// Refuses null elements in lists (naming the path, e.g. <c>decisions[0]</c>), and text that is not valid UTF-8 or contains U+0000, anywhere in a request's bound arguments (JSON bodies, forms, query and
/// route values), naming the field — PostgreSQL cannot store it and SQLite would cut strings at it, so
/// both databases answer the same 400 instead of a 500 on one and a silent success on the other.
/// </summary>
internal sealed class MalformedArgumentsFilter : IAsyncActionFilter, IOrderedFilter
{
    /// <summary>Ahead of the other action filters: nothing runs on a malformed argument.</summary>
    public int Order => -100;

    private const int MaxDepth = 8;

    // Runs on every request: each bound type's readable properties are looked up once.
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesOf = new();

    // Which of an action's parameters come from the body, looked up once per action.
    private static readonly ConcurrentDictionary<string, HashSet<string>> BodyParametersOf = new();

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var fromBody = BodyParametersOf.GetOrAdd(context.ActionDescriptor.Id, _ => context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body).Select(p => p.Name).ToHashSet());
        foreach (var (name, value) in context.ActionArguments)
            if (FindNul(value, Camel(name), 0, topLevel: true, refuseNullElements: fromBody.Contains(name)) is { } field)
                throw new BadInputException(field, $"'{field}' contains a NUL character (U+0000), which text may not contain.");
        return next();
    }

    /// <summary>The path of the first string holding U+0000 (e.g. <c>answers[0].text</c>), or null.</summary>
    /// <remarks>Null list elements are refused only in bodies: a form's parallel lists (three decision rows, two left
    /// blank) bind blank fields as null, and the page's action skips them.</remarks>
    internal static string? FindNul(object? value, string path, int depth, bool topLevel = false, bool refuseNullElements = true)
    {
        if (value is null || depth > MaxDepth) return null;
        switch (value)
        {
            case string s:
                return s.Contains('\0') ? path : null;
            case JsonElement element:
                return FindNul(element, topLevel ? "" : path);
            case JsonDocument document:
                return FindNul(document.RootElement, topLevel ? "" : path);
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                    if ((FindNul(entry.Key as string, path, depth + 1) ?? FindNul(entry.Value, Join(path, entry.Key.ToString()!), depth + 1, refuseNullElements: refuseNullElements)) is { } inDictionary)
                        return inDictionary;
                return null;
            case IEnumerable sequence:
                var i = 0;
                foreach (var item in sequence)
                {
                    var itemPath = $"{path}[{i++}]";
                    // A list never holds "nothing": [null] is a malformed body, named by its path, not a 500 further in.
                    if (item is null)
                    {
                        if (refuseNullElements) throw new BadInputException(itemPath, $"'{itemPath}' is null; a list may not contain null.");
                        continue;
                    }
                    if (FindNul(item, itemPath, depth + 1, refuseNullElements: refuseNullElements) is { } inItem) return inItem;
                }
                return null;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Scorecard", StringComparison.Ordinal) != true) return null;
        var properties = PropertiesOf.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray());
        foreach (var property in properties)
        {
            var child = topLevel ? Camel(property.Name) : Join(path, Camel(property.Name));
            if (FindNul(property.GetValue(value), child, depth + 1, refuseNullElements: refuseNullElements) is { } inProperty) return inProperty;
        }
        return null;
    }

    private static string? FindNul(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json checks UTF-8 only when a string is read: a raw JSON body (merge-patch) meets it here.
                    var field = path.Length == 0 ? "body" : path;
                    throw new BadInputException(field, $"'{field}' is not valid UTF-8 text.");
                }
                return text.Contains('\0') ? (path.Length == 0 ? "body" : path) : null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (FindNul(item, $"{path}[{i++}]") is { } inItem) return inItem;
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if ((property.Name.Contains('\0') ? Join(path, "(name)") : FindNul(property.Value, Join(path, property.Name))) is { } inProperty)
                        return inProperty;
                return null;
            default:
                return null;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
