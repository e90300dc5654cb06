using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Counts prompt tokens with a real tiktoken encoding (o200k_base, the GPT-4o family's) on exactly the text that
/// leaves the process: every message as sent plus the response schema, with the chat format's per-message overhead.
/// Other model families tokenize differently, so this is an honest count for budgeting, not the server's bill.
/// </summary>
public static class PromptTokens
{
    private const int PerMessageOverhead = 4;
    private const int ReplyPriming = 3;

    private static readonly Lazy<Tokenizer> Encoding = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : Encoding.Value.CountTokens(text);

    public static int Count(IEnumerable<ChatMessage> messages, JsonElement? schema = null) =>
        messages.Sum(m => PerMessageOverhead + Count(m.Role.Value) + Count(m.Text)) + ReplyPriming
        + (schema is { } s ? Count(s.GetRawText()) : 0);
}
