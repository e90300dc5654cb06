using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scorecard.Platform.Ai;

namespace Scorecard.Reviews.Application.Bias;

/// <summary>The model's answer: one plain-language explanation per finding code.</summary>
internal sealed record BiasExplanationsAnswer(IReadOnlyList<BiasExplanationItem> Explanations);

internal sealed record BiasExplanationItem(string Code, string Explanation);

/// <summary>
/// Plain-language explanations of the findings code has already computed. Offline (default, or when AI is switched
/// off): a fixed template over the computed message, method and suggestion, which always passes its own number
/// check. With a model: ONE call per review for all its findings, sending only the finding codes and the computed
/// numbers (no text, no words found, no rating, no goal title, nothing HR-only); every number in the answer (digits
/// or words) must be one that was sent. The answer is cached until the findings change. Any model failure — server
/// error, timeout, bad or oversized answer, judgment content, a wrong number — gives the offline explanation: a bias
/// check never fails because of a model.
/// </summary>
internal sealed partial class BiasExplainer(IAiGateway gateway, BiasExplanationCache? cache = null)
{
    public const string Feature = "reviews.bias_explanation";
    public const string OfflineSource = "offline";

    /// <summary>Number keys that would reveal a rating; never sent.</summary>
    private static readonly HashSet<string> WithheldKeys = new(StringComparer.Ordinal) { "rating", "ratingPosition" };

    private static readonly PromptTemplate System = PromptTemplate.FromText("reviews-bias-explain.system",
        "You explain, for a manager, findings that code has already computed about the language or the evidence of a performance review. " +
        "For each finding code, write two or three plain sentences: what the code means and what the numbers show. Do not compute anything, " +
        "do not add, round differently or invent numbers: use only the numbers given for that finding. Never suggest a rating, a ranking, " +
        "a promotion or a dismissal. A finding is a nudge, not a judgment.");

    private static readonly PromptTemplate User = PromptTemplate.FromText("reviews-bias-explain.user",
        "Findings (code: computed numbers):\n{{ for f in findings }}- {{ f.code }}: {{ json f.numbers }}\n{{ end }}");

    private static readonly PromptTemplate OfflineTemplate = PromptTemplate.FromText("reviews-bias-explain.offline", "offline explanations");

    /// <summary>The explanation and its source for each finding, in the same order.</summary>
    public async Task<IReadOnlyList<(string Text, string Source)>> ExplainAllAsync(IReadOnlyList<Finding> findings, string subjectId, CancellationToken ct)
    {
        var offline = findings.Select(f => (Offline(f), OfflineSource)).ToList();
        if (findings.Count == 0 || gateway.Provider.IsOffline) return offline;

        var key = CacheKey(findings, subjectId, gateway.Provider.Model);
        if (cache?.TryGet(key) is { } cached) return cached;

        var sent = findings.DistinctBy(f => f.Code).ToDictionary(f => f.Code, SentNumbers, StringComparer.Ordinal);
        var request = new AiRequest<BiasExplanationsAnswer>
        {
            Feature = Feature,
            SubjectId = subjectId,
            SystemPrompt = System,
            UserPrompt = User,
            Model = new { findings = sent.Select(s => new { code = s.Key, numbers = s.Value }).ToList() },
            ResponseSchema = Schema([.. sent.Keys]),
            ResponseSchemaName = "bias_explanations",
            Validate = a => Validate(a, sent),
            Offline = new OfflineDraft<BiasExplanationsAnswer>(OfflineTemplate, _ => new BiasExplanationsAnswer([])),
            FallBackToOffline = true,
            MaxOutputTokens = 200 * sent.Count,
        };
        AiResult<BiasExplanationsAnswer> result;
        try
        {
            result = await gateway.GenerateAsync(request, ct);
        }
        catch (AiGatewayException)
        {
            return offline;
        }
        if (result.IsOfflineDraft) return offline;
        var byCode = result.Answer.Explanations.GroupBy(e => e.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Explanation.Trim());
        var explained = findings.Select((f, i) => byCode.TryGetValue(f.Code, out var text) && text.Length > 0 ? (text, result.Model) : offline[i]).ToList();
        cache?.Set(key, explained);
        return explained;
    }

    /// <summary>One finding (kept for callers that explain a single finding).</summary>
    public async Task<(string Text, string Source)> ExplainAsync(Finding finding, string subjectId, CancellationToken ct) =>
        (await ExplainAllAsync([finding], subjectId, ct))[0];

    /// <summary>The offline template: the computed message, how it was found and what to do instead.</summary>
    public string Offline(Finding f) =>
        $"{f.Message} How this was found: {f.Method} What to try: {f.Suggestion} This is a nudge, not a judgment: keep your text if it is right, and dismiss the finding with a reason.";

    /// <summary>The numbers sent for a finding: the computed ones, without word counts and without anything that reveals a rating.</summary>
    internal static IReadOnlyDictionary<string, double> SentNumbers(Finding f) =>
        f.Numbers.Where(n => !WithheldKeys.Contains(n.Key) && !n.Key.StartsWith("count:", StringComparison.Ordinal))
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .ToDictionary(n => n.Key, n => Math.Round(n.Value, 4), StringComparer.Ordinal);

    private static AiValidation Validate(BiasExplanationsAnswer answer, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> sent)
    {
        var result = AiValidation.Ok;
        foreach (var item in answer.Explanations)
        {
            if (!sent.TryGetValue(item.Code, out var numbers))
            {
                result += AiValidation.Reject($"The answer explains a finding that was not asked about ({item.Code}).");
                continue;
            }
            result += ValidateNumbers(item.Explanation, [.. numbers.Values]);
        }
        return result;
    }

    /// <summary>Every number in <paramref name="text"/> — digits or words — must be one of <paramref name="allowed"/> (or its percentage).</summary>
    public static AiValidation ValidateNumbers(string? text, IReadOnlyCollection<double> allowed)
    {
        if (string.IsNullOrWhiteSpace(text)) return AiValidation.Reject("The explanation is empty.");
        var errors = new List<string>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            var token = m.Value.Replace(",", "", StringComparison.Ordinal);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) continue;
            int decimals = token.Contains('.', StringComparison.Ordinal) ? token.Length - token.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            if (!allowed.Any(v => Matches(v, x, decimals)))
                errors.Add($"The number {m.Value} is not one of the computed numbers.");
        }
        foreach (var (word, value) in NumberWords.Find(text))
            if (!allowed.Any(v => Matches(v, value, 0) || Matches(v, value, 2)))
                errors.Add($"The number \"{word}\" is not one of the computed numbers.");
        return errors.Count == 0 ? AiValidation.Ok : new AiValidation(errors, []);
    }

    private static bool Matches(double v, double x, int decimals)
    {
        decimals = Math.Min(decimals, 10);
        return Math.Abs(Math.Round(v, decimals, MidpointRounding.AwayFromZero) - x) < 1e-9
            || Math.Abs(Math.Round(Math.Abs(v), decimals, MidpointRounding.AwayFromZero) - x) < 1e-9
            || Math.Abs(Math.Round(v * 100, decimals, MidpointRounding.AwayFromZero) - x) < 1e-9
            || Math.Abs(Math.Round(Math.Abs(v) * 100, decimals, MidpointRounding.AwayFromZero) - x) < 1e-9;
    }

    /// <summary>
    /// The numbers the offline explanation may contain: the computed numbers and every number written by code into the
    /// finding's message, evidence, method and suggestion (so "Snyder 2014" or "Q3" in a method is never a violation).
    /// </summary>
    public static IReadOnlyCollection<double> AllowedNumbers(Finding f)
    {
        var set = new HashSet<double>(f.Numbers.Values);
        foreach (var text in new[] { f.Message, f.Evidence, f.Method, f.Suggestion })
        {
            foreach (Match m in NumberPattern().Matches(text))
                if (double.TryParse(m.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    set.Add(x);
            foreach (var (_, value) in NumberWords.Find(text)) set.Add(value);
        }
        return set;
    }

    private static JsonElement Schema(IReadOnlyList<string> codes) => JsonSerializer.SerializeToElement(new Dictionary<string, object>
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new[] { "explanations" },
        ["properties"] = new Dictionary<string, object>
        {
            ["explanations"] = new Dictionary<string, object>
            {
                ["type"] = "array",
                ["maxItems"] = codes.Count,
                ["items"] = new Dictionary<string, object>
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new[] { "code", "explanation" },
                    ["properties"] = new Dictionary<string, object>
                    {
                        ["code"] = new Dictionary<string, object> { ["type"] = "string", ["enum"] = codes },
                        ["explanation"] = new Dictionary<string, object> { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 600 },
                    },
                },
            },
        },
    });

    private static string CacheKey(IReadOnlyList<Finding> findings, string subjectId, string model)
    {
        var content = JsonSerializer.Serialize(findings.Select(f => new { f.Code, f.Message, f.Evidence, f.Numbers }));
        return $"{subjectId}:{model}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}";
    }

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex NumberPattern();
}

/// <summary>
/// Model explanations per review, keyed by the review and a hash of its findings: a new narrative or new feedback
/// changes the findings and so the key. Bounded; the oldest entries go first.
/// </summary>
internal sealed class BiasExplanationCache
{
    public const int Capacity = 2_000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Text, string Source)>> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    public IReadOnlyList<(string Text, string Source)>? TryGet(string key) => entries.TryGetValue(key, out var value) ? value : null;

    public void Set(string key, IReadOnlyList<(string Text, string Source)> value)
    {
        if (!entries.TryAdd(key, value)) return;
        order.Enqueue(key);
        while (entries.Count > Capacity && order.TryDequeue(out var oldest)) entries.TryRemove(oldest, out _);
    }
}
