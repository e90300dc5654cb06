using System.Text;
using System.Text.Json;
using Scorecard.Platform.Ai;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// What a drafter (the model or the offline template) answers: sections of sentences, each naming the
/// evidence it rests on. There is deliberately no field for a rating, score, ranking or recommendation.
/// </summary>
internal sealed record DraftAnswer(IReadOnlyList<DraftSection> Sections)
{
    /// <summary>
    /// The draft as the text a manager inserts: plain prose, a heading line per section and a paragraph of its
    /// sentences, sections separated by a blank line. Citations are not in the text: they travel as structured
    /// references (numbered footnotes on the page, linking into the evidence panel).
    /// </summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var section in Sections.Where(s => s.Sentences.Count > 0))
        {
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(section.Title).Append('\n');
            sb.Append(string.Join(" ", section.Sentences.Select(s => DraftValidator.Marker().Replace(s.Text, "").Trim())));
        }
        return sb.ToString();
    }

    /// <summary>The JSON schema the model must answer in.</summary>
    public static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["sections"],
          "properties": {
            "sections": {
              "type": "array", "minItems": 1, "maxItems": 8,
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["title", "sentences"],
                "properties": {
                  "title": { "type": "string", "minLength": 1, "maxLength": 120 },
                  "sentences": {
                    "type": "array", "maxItems": 20,
                    "items": {
                      "type": "object",
                      "additionalProperties": false,
                      "required": ["text", "evidenceIds"],
                      "properties": {
                        "text": { "type": "string", "minLength": 1, "maxLength": 600 },
                        "evidenceIds": { "type": "array", "maxItems": 8, "items": { "type": "string", "maxLength": 120 } }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """).RootElement.Clone();
}

internal sealed record DraftSection(string Title, IReadOnlyList<DraftSentence> Sentences);

internal sealed record DraftSentence(string Text, IReadOnlyList<string> EvidenceIds);

/// <summary>
/// Code, not the model, decides whether a draft holds: every cited id must be a real evidence id of this
/// review (a forged or invented id rejects the whole answer — it is what an obeyed injection looks like),
/// no sentence may rate, rank or recommend, and a sentence that cites nothing is dropped with a warning.
/// </summary>
internal static partial class DraftValidator
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\[\s*(?:evidence|ev|e|cite|citation|ref|reference|source|src)\s*[:#=]\s*[^\]\r\n]{1,80}\]", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    internal static partial System.Text.RegularExpressions.Regex Marker();

    public static AiValidation Validate(DraftAnswer answer, IReadOnlyCollection<string> knownIds)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var sentences = answer.Sections.SelectMany(s => s.Sentences).ToList();
        if (sentences.Count == 0) errors.Add("the draft has no sentences");
        var cited = sentences.SelectMany(s => s.EvidenceIds.Concat(CitationCheck.ExtractMarkers(s.Text))).ToList();
        var citations = CitationCheck.Validate(cited, knownIds);
        errors.AddRange(citations.Errors);
        foreach (var text in answer.Sections.Select(s => s.Title).Concat(sentences.Select(s => s.Text)))
            errors.AddRange(JudgmentContentCheck.Find(text).Select(f => $"the draft contains {f}; AI never rates, ranks or recommends decisions about people"));
        var uncited = sentences.Count(s => s.EvidenceIds.Count == 0 && CitationCheck.ExtractMarkers(s.Text).Count == 0);
        if (uncited > 0) warnings.Add($"{uncited} sentence(s) cited no evidence and were left out of the draft.");
        return new AiValidation(errors.Distinct().ToList(), warnings);
    }

    /// <summary>
    /// After validation: drops uncited sentences, moves inline markers into <c>EvidenceIds</c> and uses the
    /// evidence's canonical id spelling.
    /// </summary>
    public static DraftAnswer Clean(DraftAnswer answer, IReadOnlyCollection<string> knownIds)
    {
        var canonical = knownIds.ToDictionary(i => i, i => i, StringComparer.OrdinalIgnoreCase);
        var sections = new List<DraftSection>();
        foreach (var section in answer.Sections)
        {
            var sentences = new List<DraftSentence>();
            foreach (var s in section.Sentences)
            {
                var ids = s.EvidenceIds.Concat(CitationCheck.ExtractMarkers(s.Text))
                    .Select(i => canonical.GetValueOrDefault(i.Trim()))
                    .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                if (ids.Count == 0) continue;
                var text = Marker().Replace(s.Text, "").Replace("  ", " ").Trim();
                if (text.Length == 0) continue;
                sentences.Add(new DraftSentence(text, ids));
            }
            if (sentences.Count > 0) sections.Add(new DraftSection(section.Title.Trim(), sentences));
        }
        return new DraftAnswer(sections);
    }
}
