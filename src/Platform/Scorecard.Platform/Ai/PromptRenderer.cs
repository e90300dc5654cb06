using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using Scriban;
using Scriban.Runtime;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Compiles each Scriban template once (thread-safe) and renders it with the prompt functions bound to the current
/// <see cref="RenderScope"/>. Used directly for offline drafts and, through <see cref="ScribanPromptTemplateFactory"/>,
/// by the Semantic Kernel functions that call a model.
/// </summary>
internal sealed class PromptRenderer
{
    private static readonly AsyncLocal<RenderScope?> CurrentScope = new();

    private readonly ConcurrentDictionary<string, Lazy<Template>> cache = new(StringComparer.Ordinal);
    private int compiled;

    /// <summary>How many templates were compiled (each key once).</summary>
    public int CompiledCount => Volatile.Read(ref compiled);

    public string Render(PromptTemplate template, object? model, RenderScope scope) => Render(Compile(template), model, scope);

    internal Template Compile(PromptTemplate template) => cache.GetOrAdd(template.Key, _ => new Lazy<Template>(() =>
    {
        var parsed = Template.Parse(template.LoadText(), template.Name);
        if (parsed.HasErrors)
            throw new InvalidOperationException($"Prompt template '{template.Name}' does not compile: {string.Join("; ", parsed.Messages.Select(m => m.Message))}");
        Interlocked.Increment(ref compiled);
        return parsed;
    })).Value;

    internal static string Render(Template template, object? model, RenderScope scope)
    {
        var globals = new ScriptObject();
        globals.Import(typeof(PromptFunctions), null, member => member.Name switch
        {
            nameof(PromptFunctions.Untrusted) => "untrusted",
            nameof(PromptFunctions.UntrustedBlock) => "untrustedBlock",
            nameof(PromptFunctions.Json) => "json",
            nameof(PromptFunctions.Xml) => "xml",
            var other => other,
        });
        switch (model)
        {
            case null:
                break;
            case IDictionary<string, object?> values:
                foreach (var (key, value) in values) globals.SetValue(key, value, false);
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary) globals.SetValue(entry.Key.ToString()!, entry.Value, false);
                break;
            default:
                globals.Import(model, renamer: member => member.Name);
                break;
        }
        var context = new TemplateContext { MemberRenamer = member => member.Name, StrictVariables = false, LoopLimit = 10_000 };
        context.PushGlobal(globals);

        var previous = CurrentScope.Value;
        CurrentScope.Value = scope;
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex) when (ex.InnerException is InvalidOperationException inner)
        {
            throw inner;
        }
        finally
        {
            CurrentScope.Value = previous;
        }
    }

    /// <summary>The functions templates call; each reads the scope of the render in progress.</summary>
    private static class PromptFunctions
    {
        public static string Untrusted(object? value, string label = "data") =>
            Current("untrusted").Untrusted(value?.ToString(), label, inline: true);

        public static string UntrustedBlock(string key)
        {
            if (string.IsNullOrEmpty(key)) throw new InvalidOperationException("{{ untrustedBlock }} needs the block key, e.g. {{ untrustedBlock \"self-review\" }}.");
            return Current("untrustedBlock").Block(key);
        }

        public static string Json(object? value) => JsonSerializer.Serialize(value, AiJson.DefaultOptions);

        public static string Xml(object? value) => ScribanPromptTemplateFactory.Xml(value?.ToString());

        private static RenderScope Current(string function) =>
            CurrentScope.Value ?? throw new InvalidOperationException($"{{{{ {function} }}}} can only be used in a prompt rendered by the AI gateway.");
    }
}
