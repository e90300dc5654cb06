using System.Security;
using Microsoft.SemanticKernel;

namespace Scorecard.Platform.Ai;

/// <summary>
/// A Semantic Kernel prompt-template factory over Scriban (<c>TemplateFormat = "scriban"</c>). The template of a job's kernel
/// function is the Platform's chat template (<c>Ai/Prompts/chat.scriban</c>): a system and a user message, each the job's own
/// Scriban template rendered with the gateway's preamble, spotlighting and untrusted blocks, pseudonymized around the
/// delimiters, and XML-escaped so Semantic Kernel's chat-prompt parser reads it back exactly (text inside it can never open a
/// message of its own).
/// </summary>
internal sealed class ScribanPromptTemplateFactory(PromptRenderer renderer) : IPromptTemplateFactory
{
    public const string Format = "scriban";

    private static readonly Lazy<PromptTemplate> Preamble = new(() => PromptTemplate.Platform("gateway.system.scriban"));
    private static readonly Lazy<PromptTemplate> Chat = new(() => PromptTemplate.Platform("chat.scriban"));

    public bool TryCreate(PromptTemplateConfig templateConfig, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPromptTemplate? result)
    {
        ArgumentNullException.ThrowIfNull(templateConfig);
        result = templateConfig.TemplateFormat == Format ? new ScribanPromptTemplate(renderer) : null;
        return result is not null;
    }

    private sealed class ScribanPromptTemplate(PromptRenderer renderer) : IPromptTemplate
    {
        public Task<string> RenderAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
        {
            var job = arguments?.TryGetValue(AiJob.ArgumentName, out var value) == true && value is AiJob j
                ? j
                : throw new InvalidOperationException("A Scorecard AI kernel function needs its job in the arguments.");
            var scope = job.Scope;
            var schema = (job.Options.ResponseFormat as Microsoft.Extensions.AI.ChatResponseFormatJson)?.Schema?.GetRawText() ?? "{}";
            var system = renderer.Render(Preamble.Value, new { scope.Boundary, Schema = schema }, scope)
                + "\n\n" + renderer.Render(job.System, job.Model, scope);
            var user = renderer.Render(job.User, job.Model, scope);
            foreach (var block in scope.Blocks.Where(b => !scope.PlacedBlocks.Contains(b.Key)))
                user += "\n\n" + scope.Block(block.Key);
            var chat = renderer.Render(Chat.Value, new
            {
                system = AiNames.PseudonymizeAroundDelimiters(system, scope.Boundary, job.Pseudonymizer),
                user = AiNames.PseudonymizeAroundDelimiters(user, scope.Boundary, job.Pseudonymizer),
            }, scope);
            return Task.FromResult(chat);
        }
    }

    /// <summary>XML-escapes a message body (Scriban function <c>xml</c>).</summary>
    internal static string Xml(string? text) => SecurityElement.Escape(text ?? "");
}
