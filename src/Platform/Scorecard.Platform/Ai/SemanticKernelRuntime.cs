using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Scorecard.Platform.Ai;

/// <summary>
/// The AI runtime: one Semantic Kernel whose chat service is the configured <see cref="IChatClient"/> (Microsoft.Extensions.AI.OpenAI,
/// behind <see cref="GatewayChatClient"/>). Each feature's job — review summary, misaligned-goal explanation and suggestion,
/// bias-finding explanation — is a kernel function created from a Scriban prompt template (<see cref="ScribanPromptTemplateFactory"/>)
/// and invoked through the Kernel. The Kernel has no plugins: the model can call nothing.
/// </summary>
internal sealed class SemanticKernelRuntime
{
    private readonly Kernel kernel;
    private readonly ScribanPromptTemplateFactory templates;
    private readonly ConcurrentDictionary<string, KernelFunction> functions = new(StringComparer.Ordinal);

    public SemanticKernelRuntime(IChatClient chatClient, PromptRenderer renderer)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(new GatewayChatClient(chatClient));
        kernel = new Kernel(services.BuildServiceProvider());
        templates = new ScribanPromptTemplateFactory(renderer);
    }

    /// <summary>The kernel function of a feature (created once).</summary>
    public KernelFunction FunctionFor(string feature) => functions.GetOrAdd(feature, f =>
        KernelFunctionFactory.CreateFromPrompt(new PromptTemplateConfig
        {
            Name = FunctionName(f),
            Description = $"Scorecard AI job '{f}': narrative in a JSON schema, validated by code before anyone sees it.",
            Template = "chat.scriban",
            TemplateFormat = ScribanPromptTemplateFactory.Format,
        }, templates));

    public async Task<ChatResponse> InvokeAsync(AiJob job, CancellationToken cancellationToken)
    {
        using var _ = job.Enter();
        var result = await kernel.InvokeAsync(FunctionFor(job.Feature), new KernelArguments { [AiJob.ArgumentName] = job }, cancellationToken);
        return result.GetValue<ChatResponse>() ?? throw new InvalidOperationException("The kernel function returned no chat response.");
    }

    /// <summary>Kernel function names allow letters, digits and underscores.</summary>
    internal static string FunctionName(string feature)
    {
        var sb = new StringBuilder();
        foreach (var c in feature) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return sb.Length == 0 ? "job" : sb.ToString();
    }
}
