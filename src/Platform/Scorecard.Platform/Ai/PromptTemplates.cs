using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Scorecard.Platform.Ai;

/// <summary>
/// A Scriban prompt template: an embedded resource of any assembly (a module ships its own
/// <c>*.scriban</c>) or literal text. Compiled once per process and cached by <see cref="Key"/>.
/// Output is not HTML-escaped; members keep their .NET names (<c>{{ item.Id }}</c>). Functions:
/// <c>{{ untrusted value "label" }}</c> spotlights a value inline, <c>{{ untrustedBlock "key" }}</c> places a
/// request's <see cref="UntrustedText"/> block, <c>{{ json value }}</c> writes JSON.
/// </summary>
public sealed class PromptTemplate
{
    private readonly Func<string> load;

    private PromptTemplate(string key, string name, Func<string> load)
    {
        Key = key;
        Name = name;
        this.load = load;
    }

    /// <summary>Cache key: assembly + resource name, or name + hash of the text.</summary>
    public string Key { get; }

    /// <summary>Human-readable name (for errors and the audit log).</summary>
    public string Name { get; }

    public static PromptTemplate FromText(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return new PromptTemplate($"text:{name}:{hash}", name, () => text);
    }

    /// <summary>
    /// An embedded resource of <paramref name="assembly"/>. <paramref name="resourceName"/> is the full manifest
    /// name or its tail, with '.' or '/' separators: <c>Ai/Prompts/reviews-draft.user.scriban</c> or
    /// <c>reviews-draft.user.scriban</c>. A missing or ambiguous name fails here, listing the templates available.
    /// </summary>
    public static PromptTemplate FromEmbeddedResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceName);
        var wanted = resourceName.Replace('/', '.').Replace('\\', '.').TrimStart('.');
        var all = assembly.GetManifestResourceNames();
        var matches = all.Where(n => n == wanted || n.EndsWith("." + wanted, StringComparison.Ordinal)).ToList();
        var available = string.Join(", ", all.Where(n => n.EndsWith(".scriban", StringComparison.Ordinal)).Order());
        if (matches.Count == 0)
            throw new InvalidOperationException(
                $"Prompt template '{resourceName}' is not embedded in {assembly.GetName().Name}. Available: {(available.Length == 0 ? "none (add <EmbeddedResource Include=\"**\\*.scriban\" />)" : available)}.");
        if (matches.Count > 1)
            throw new InvalidOperationException($"Prompt template '{resourceName}' is ambiguous in {assembly.GetName().Name}: {string.Join(", ", matches)}.");
        var manifestName = matches[0];
        return new PromptTemplate($"res:{assembly.GetName().Name}:{manifestName}", manifestName, () =>
        {
            using var stream = assembly.GetManifestResourceStream(manifestName)
                ?? throw new InvalidOperationException($"Prompt template '{manifestName}' could not be opened.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    /// <summary>Templates shipped with the Platform (under <c>Ai/Prompts/</c>).</summary>
    internal static PromptTemplate Platform(string fileName) => FromEmbeddedResource(typeof(PromptTemplate).Assembly, "Ai.Prompts." + fileName);

    internal string LoadText() => load();

    public override string ToString() => Name;
}

/// <summary>Whether untrusted text is going to a model (spotlighted) or into an offline draft for a person (plain).</summary>
internal enum RenderMode
{
    Model,
    Offline,
}

/// <summary>Per-render state the helpers read: the boundary, the named blocks, what was placed and what looked like injection.</summary>
internal sealed class RenderScope(RenderMode mode, string boundary, IReadOnlyList<UntrustedText> blocks)
{
    public RenderMode Mode { get; } = mode;
    public string Boundary { get; } = boundary;
    public IReadOnlyList<UntrustedText> Blocks { get; } = blocks;
    public HashSet<string> PlacedBlocks { get; } = new(StringComparer.Ordinal);
    public List<InjectionSignal> Signals { get; } = [];

    public string Untrusted(string? text, string source, bool inline)
    {
        text ??= "";
        foreach (var signal in PromptInjectionDetector.Detect(text, source))
            if (!Signals.Contains(signal)) Signals.Add(signal);
        return Mode == RenderMode.Offline ? text : Spotlighting.Wrap(text, Boundary, source, inline);
    }

    public string Block(string key)
    {
        var block = Blocks.FirstOrDefault(b => b.Key == key)
            ?? throw new InvalidOperationException($"The template places untrusted block '{key}' but the request has no such block.");
        PlacedBlocks.Add(key);
        return Untrusted(block.Text, key, inline: false);
    }
}

