using System.Globalization;
using System.Text.RegularExpressions;
using Scorecard.Platform.Ai;
using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// The offline drafter's content, grouped the way a manager reads a year: results against each goal and KPI with
/// their numbers and how they moved, strengths and growth areas from feedback (every author heard), anonymous peer
/// themes, the self-review, and goals to discuss. It reads ALL the evidence it is given (not a sample), in a stable
/// order (date, then id). Sentences are plain prose; citations travel beside them, never inside the text. Feedback
/// whose wording the bias check flags (personality or gender-coded words) is not repeated: the sentence says so.
/// </summary>
internal static partial class OfflineDraftComposer
{
    internal sealed record Line(string Text, IReadOnlyList<string> Ids);

    internal sealed record Section(string Title, IReadOnlyList<Line> Lines);

    public const int MaxFeedbackLines = 12;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<Section> Compose(IReadOnlyList<EvidenceItem> evidence)
    {
        var items = evidence.Where(i => i.Kind != EvidenceKind.Note)
            .OrderBy(i => i.Date).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var feedback = items.Where(i => i.Kind is EvidenceKind.Feedback or EvidenceKind.Praise).Select(Feedback.Parse).ToList();
        var sections = new List<Section>
        {
            new("Results against goals", Goals(items)),
            new("KPIs owned", Kpis(items)),
            new("Strengths from feedback and praise", FeedbackLines(feedback.Where(f => !f.GrowthArea).ToList())),
            new("Growth areas from feedback", FeedbackLines(feedback.Where(f => f.GrowthArea).ToList())),
            new("Peer themes (anonymous)", Peers(items.Where(i => i.Kind == EvidenceKind.PeerFeedback).ToList())),
            new("In the self-review", [.. items.Where(i => i.Kind == EvidenceKind.SelfReview).Select(i => new Line(SelfReview(i.Text), [i.Id]))]),
            new("Goals to discuss (alignment with the strategy)", [.. items.Where(i => i.Kind == EvidenceSampler.AlignmentKind)
                .Select(i => new Line("For the conversation, not as a judgment: " + Sentence(ReviewDrafter.Safe(i.Text)), [i.Id]))]),
        };
        return [.. sections.Where(s => s.Lines.Count > 0)];
    }

    /// <summary>Each objective followed by its key results, each with how its check-ins moved (first and latest, with months).</summary>
    private static List<Line> Goals(List<EvidenceItem> items)
    {
        var lines = new List<Line>();
        var checkIns = items.Where(i => i.Kind == EvidenceKind.OkrCheckIn).ToList();
        var keyResults = items.Where(i => i.Kind == EvidenceKind.OkrKeyResult).ToList();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in items.Where(i => i.Kind == EvidenceKind.OkrObjective))
        {
            lines.Add(new Line(Sentence(ReviewDrafter.Safe(o.Text)), [o.Id]));
            foreach (var kr in keyResults.Where(k => k.Link == "#" + o.Id))
            {
                lines.Add(KeyResult(kr, checkIns));
                placed.Add(kr.Id);
            }
        }
        lines.AddRange(keyResults.Where(k => !placed.Contains(k.Id)).Select(kr => KeyResult(kr, checkIns)));
        return lines;
    }

    /// <summary>A key result and its own check-ins (linked to it; by title for evidence without the link).</summary>
    private static Line KeyResult(EvidenceItem kr, List<EvidenceItem> checkIns)
    {
        var title = QuotedTitle().Match(kr.Text) is { Success: true } m ? m.Groups[1].Value : null;
        var own = checkIns.Where(c => c.Link is not null
            ? c.Link == "#" + kr.Id
            : title is not null && c.Text.StartsWith($"Check-in on \"{title}\":", StringComparison.Ordinal)).ToList();
        return Trajectory(kr, own, "check-in");
    }

    private static List<Line> Kpis(List<EvidenceItem> items)
    {
        var measurements = items.Where(i => i.Kind == EvidenceKind.KpiMeasurement).ToList();
        return [.. items.Where(i => i.Kind == EvidenceKind.Kpi).Select(k =>
        {
            var kpiId = k.Id["kpi:".Length..];
            return Trajectory(k, [.. measurements.Where(m => m.Id.StartsWith($"kpi-measurement:{kpiId}:", StringComparison.Ordinal))], "measurement");
        })];
    }

    private static Line Trajectory(EvidenceItem subject, List<EvidenceItem> points, string noun)
    {
        var text = Sentence(ReviewDrafter.Safe(subject.Text));
        if (points.Count == 0) return new Line(text, [subject.Id]);
        var first = points[0];
        var last = points[^1];
        var firstValue = ValueOf(first.Text);
        var lastValue = ValueOf(last.Text);
        if (firstValue is null || lastValue is null) return new Line(text, [subject.Id, .. points.Select(p => p.Id)]);
        var moved = points.Count == 1
            ? $" One {noun}, {Month(first.Date)}: {firstValue}."
            : $" Over {points.Count} {noun}s it went from {firstValue} in {Month(first.Date)} to {lastValue} in {Month(last.Date)}.";
        return new Line(text + moved, [subject.Id, first.Id, .. points.Count > 1 ? [last.Id] : Array.Empty<string>()]);
    }

    /// <summary>One line per item, at most <see cref="MaxFeedbackLines"/>: first one item per author (every voice heard), then the rest in date order.</summary>
    private static List<Line> FeedbackLines(List<Feedback> feedback)
    {
        if (feedback.Count == 0) return [];
        var firstPerAuthor = feedback.GroupBy(f => f.Author, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var chosen = firstPerAuthor.Concat(feedback.Except(firstPerAuthor)).Take(MaxFeedbackLines)
            .OrderBy(f => f.Item.Date).ThenBy(f => f.Item.Id, StringComparer.Ordinal).ToList();
        var lines = chosen.Select(f => new Line(f.Describe(), [f.Item.Id])).ToList();
        var rest = feedback.Except(chosen).ToList();
        if (rest.Count > 0)
            lines.Add(new Line($"{rest.Count} more item{(rest.Count == 1 ? "" : "s")} in the same vein are in the evidence panel.", [.. rest.Select(f => f.Item.Id)]));
        return lines;
    }

    private static List<Line> Peers(List<EvidenceItem> peers)
    {
        if (peers.Count == 0) return [];
        var bodies = peers.Select(p => BodyOf(p.Text)).ToList();
        var lines = new List<Line> { new($"{peers.Count} peers answered anonymously.", [.. peers.Select(p => p.Id)]) };
        var themes = PeerThemes.Recurring(bodies);
        if (themes.Count > 0)
            lines.Add(new Line($"Themes that recur across their answers: {string.Join(", ", themes)}.", [.. peers.Select(p => p.Id)]));
        lines.AddRange(peers.Select((p, i) => new Line("One peer wrote: " + Quote(bodies[i]), [p.Id])));
        return lines;
    }

    /// <summary><c>Self-review — {question} {answer}</c> as "Asked “question”, the self-review answers: “answer”".</summary>
    private static string SelfReview(string text)
    {
        var body = text.StartsWith("Self-review — ", StringComparison.Ordinal) ? text["Self-review — ".Length..] : text;
        var cut = body.IndexOf("? ", StringComparison.Ordinal);
        if (cut <= 0 || ReviewDrafter.Safe(body) == ReviewDrafter.Withheld) return "The self-review answers: " + Quote(body);
        return $"Asked \u201c{ReviewDrafter.Safe(body[..(cut + 1)])}\u201d, the self-review answers: " + Quote(body[(cut + 2)..]);
    }

    /// <summary>Quoted words, or — when the bias check flags personality or gender-coded wording — a note instead of the words.</summary>
    internal static string Quote(string text)
    {
        var safe = ReviewDrafter.Safe(text);
        if (safe == ReviewDrafter.Withheld) return safe;
        var flagged = FeedbackLanguageCheck.Check(text)
            .Where(f => f.Code is BiasCodes.PersonalityCriticism or BiasCodes.GenderCodedLanguage)
            .SelectMany(f => f.Words.Select(w => w.Word)).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        if (flagged.Count > 0)
            return $"(not repeated here: its wording — {string.Join(", ", flagged.Select(w => $"\u201c{w}\u201d"))} — reads as personality or gender-coded language; " +
                   "read it in the evidence panel and describe the behaviour and its outcome instead).";
        return "\u201c" + safe.TrimEnd('.', ' ') + ".\u201d";
    }

    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('…') ? text : text + ".";

    private static string Month(DateOnly d) => d.ToString("MMMM yyyy", Inv);

    private static string? ValueOf(string text) => PointValue().Match(text) is { Success: true } m
        ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Trim()
        : null;

    private static string BodyOf(string text) => text.IndexOf(": ", StringComparison.Ordinal) is var i and >= 0 ? text[(i + 2)..] : text;

    private sealed partial record Feedback(EvidenceItem Item, string Author, string Kind, string Body, bool GrowthArea)
    {
        public static Feedback Parse(EvidenceItem item)
        {
            var m = Header().Match(item.Text);
            var author = m.Success ? m.Groups["who"].Value : item.Id;
            var body = m.Success ? m.Groups["body"].Value : BodyOf(item.Text);
            var kind = item.Kind == EvidenceKind.Praise ? "Praise" : "Feedback";
            return new Feedback(item, author, kind, body, item.Kind != EvidenceKind.Praise && GrowthWords().IsMatch(body));
        }

        public string Describe() => $"{Kind} from a colleague, {Month(Item.Date)}: {Quote(Body)}";

        [GeneratedRegex(@"^(?:Feedback|Praise) from (?<who>.+?) \((?<vis>[a-z]+)\): (?<body>.*)$", RegexOptions.Singleline)]
        private static partial Regex Header();

        [GeneratedRegex(@"\b(?:could|should|would\s+help|next\s+time|improve|work\s+on|consider|try\s+to|needs?\s+to|missed|late|slow|wish|struggl\w*|more\s+\w+|less\s+\w+|earlier|instead)\b", RegexOptions.IgnoreCase)]
        private static partial Regex GrowthWords();
    }

    [GeneratedRegex("\"([^\"]{1,200})\"")]
    private static partial Regex QuotedTitle();

    /// <summary>The value of a check-in (<c>Check-in on "KR": 300 ms, confidence 7</c>) or a measurement (<c>"KPI" measured 331 ms.</c>).</summary>
    [GeneratedRegex(@"^Check-in on "".*?"": ([^,—]+?)(?:,| —|\.$)|"" measured ([^,—]+?)(?:\.$| —|$)")]
    private static partial Regex PointValue();
}
