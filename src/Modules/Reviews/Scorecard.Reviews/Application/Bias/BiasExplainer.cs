using System.Globalization;
using System.Text.RegularExpressions;
using Scorecard.Platform.Ai;

namespace Scorecard.Reviews.Application.Bias;

/// <summary>The answer the model may give for a finding: plain language only.</summary>
internal sealed record BiasExplanationAnswer(string Explanation);

/// <summary>
/// Plain-language explanation of a finding code has already computed. Offline (default): a fixed
/// template over the computed message, evidence and suggestion. With a model configured: the model writes
/// the explanation through the gateway, and every number in it must be one of the computed numbers (or
/// appear in the code-written message/evidence, rounded or as a percentage); otherwise the gateway
/// falls back to the offline template. The model never computes or changes a finding.
/// </summary>
internal sealed partial class BiasExplainer(IAiGateway gateway)
{
    public const string Feature = "reviews.bias_explanation";
    public const string OfflineSource = "offline";

    private static readonly PromptTemplate System = PromptTemplate.FromText("reviews-bias-explain.system",
        "You explain, in two or three plain sentences for a manager, one finding that code has already computed about the language " +
        "or the ratings of a performance review. Do not compute anything, do not add, round differently or invent numbers: use only " +
        "numbers that appear in the finding. Never suggest a rating, a ranking, a promotion or a dismissal. The finding is a nudge, not a judgment. " +
        "Answer as JSON {\"explanation\": \"...\"}.");

    private static readonly PromptTemplate User = PromptTemplate.FromText("reviews-bias-explain.user",
        "Finding {{code}} ({{severity}}): {{message}}\nMethod: {{method}}\nComputed numbers: {{json numbers}}\nEvidence found by code:\n{{untrustedBlock \"evidence\"}}\nSuggested rewrite: {{suggestion}}");

    private static readonly PromptTemplate OfflineTemplate = PromptTemplate.FromText("reviews-bias-explain.offline", "{{offline}}");

    public async Task<(string Text, string Source)> ExplainAsync(Finding finding, string subjectId, CancellationToken ct)
    {
        if (gateway.Provider.IsOffline) return (Offline(finding), OfflineSource);
        var allowed = AllowedNumbers(finding);
        var request = new AiRequest<BiasExplanationAnswer>
        {
            Feature = Feature,
            SubjectId = subjectId,
            SystemPrompt = System,
            UserPrompt = User,
            Model = new
            {
                code = finding.Code, severity = finding.Severity, message = finding.Message, method = finding.Method,
                suggestion = finding.Suggestion, numbers = finding.Numbers, offline = Offline(finding),
            },
            Untrusted = [new UntrustedText("evidence", finding.Evidence)],
            Validate = a => ValidateNumbers(a.Explanation, allowed),
            Offline = new OfflineDraft<BiasExplanationAnswer>(OfflineTemplate, s => new BiasExplanationAnswer(s)),
            FallBackToOffline = true,
            MaxOutputTokens = 400,
        };
        var result = await gateway.GenerateAsync(request, ct);
        return (result.Answer.Explanation, result.IsOfflineDraft ? OfflineSource : result.Model);
    }

    /// <summary>The offline template: the computed message, how it was found and what to do instead.</summary>
    public string Offline(Finding f) =>
        $"{f.Message} How this was found: {f.Method} What to try: {f.Suggestion} This is a nudge, not a judgment: keep your text if it is right, and dismiss the finding with a reason.";

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

    /// <summary>The computed numbers and every number written by code into the finding's message and evidence.</summary>
    public static IReadOnlyCollection<double> AllowedNumbers(Finding f)
    {
        var set = new HashSet<double>(f.Numbers.Values);
        foreach (var text in new[] { f.Message, f.Evidence })
            foreach (Match m in NumberPattern().Matches(text))
                if (double.TryParse(m.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    set.Add(x);
        return set;
    }

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex NumberPattern();
}
