using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Reviews.Application;

/// <summary>
/// The evidence for a review, each item dated, across the whole review period: the person's OKRs with
/// key results and check-ins (OKR contract), KPIs they own with their measurements (Strategy contract),
/// feedback and praise received in the period, the self-review, and peer feedback once it passed its
/// anonymity threshold (never with authors). The AI drafting issue builds its prompt from this list.
/// </summary>
internal sealed class EvidenceService(ReviewsDbContext db, IOrganizationDirectory directory, IServiceProvider services,
    ILogger<EvidenceService> logger)
{
    public sealed record Result(IReadOnlyList<EvidenceItem> Items, IReadOnlyList<string> Unavailable);

    public async Task<Result> BuildAsync(Review review, ReviewCycle cycle, Guid? viewerId, CancellationToken ct)
    {
        var items = new List<EvidenceItem>();
        var unavailable = new List<string>();
        var (from, to) = (cycle.PeriodStart, cycle.PeriodEnd);
        var inv = CultureInfo.InvariantCulture;

        var okr = services.GetService<IOkrReader>();
        if (okr is null) unavailable.Add("okr");
        else
        {
            try
            {
                foreach (var o in await okr.GetPersonObjectivesAsync(review.PersonId, from, to, ct))
                {
                    items.Add(new(Ids.OkrObjective(o.Id), EvidenceKind.OkrObjective, Clip(o.PeriodStart, from, to),
                        $"Objective \"{o.Title}\" ({o.Period}): progress {Percent(o.Progress)}, grade {o.Grade.ToString("0.0", inv)}, {o.Status.Replace('_', ' ')}."));
                    foreach (var kr in o.KeyResults)
                    {
                        var current = kr.Current is { } cur ? $"{Natural(cur)}{U(kr.Unit)}" : "no value yet";
                        var target = kr.Target is { } t ? $" against a {Natural(t)}{U(kr.Unit)} target" : "";
                        items.Add(new($"okr-key-result:{kr.Id}", EvidenceKind.OkrKeyResult, Clip(kr.DueDate ?? o.PeriodEnd, from, to),
                            $"Key result \"{kr.Title}\": {current}{target}, progress {Percent(kr.Progress)}.", "#" + Ids.OkrObjective(o.Id)));
                        foreach (var c in kr.CheckIns.Where(c => c.Date >= from && c.Date <= to))
                            items.Add(new($"okr-check-in:{c.Id}", EvidenceKind.OkrCheckIn, c.Date,
                                $"Check-in on \"{kr.Title}\": {Natural(c.Value)}{U(kr.Unit)}, confidence {c.Confidence}" +
                                (string.IsNullOrWhiteSpace(c.Comment) ? "." : $" — {c.Comment}"), $"#okr-key-result:{kr.Id}"));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "OKR evidence for review {ReviewId} is unavailable.", review.Id);
                unavailable.Add("okr");
            }
        }

        var strategy = services.GetService<IStrategyReader>();
        if (strategy is null) unavailable.Add("strategy");
        else
        {
            try
            {
                foreach (var k in await strategy.GetKpisOwnedByAsync(review.PersonId, ct))
                {
                    var measurements = await strategy.GetMeasurementsAsync(k.Id, from, to, ct);
                    items.Add(new($"kpi:{k.Id}", EvidenceKind.Kpi, Clip(k.LastMeasuredOn ?? to, from, to),
                        $"KPI \"{k.Name}\" owned: " + (k.CurrentValue is { } kv ? $"{Natural(kv)}{U(k.Unit)}" : "no data yet") +
                        (k.Target is { } kt ? $" against a {Natural(kt)}{U(k.Unit)} target" : ", no target set") + $", status {k.Status}."));
                    foreach (var m in measurements)
                        items.Add(new($"kpi-measurement:{k.Id}:{m.Date:yyyy-MM-dd}", EvidenceKind.KpiMeasurement, m.Date,
                            $"\"{k.Name}\" measured {Natural(m.Value)}{U(k.Unit)}" + (string.IsNullOrWhiteSpace(m.Note) ? "." : $" — {m.Note}")));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "KPI evidence for review {ReviewId} is unavailable.", review.Id);
                unavailable.Add("strategy");
            }
        }

        var feedback = (await db.Feedback.AsNoTracking().Where(f => f.ToPersonId == review.PersonId).ToListAsync(ct))
            .Where(f => DateOnly.FromDateTime(f.CreatedAt.UtcDateTime) is var d && d >= from && d <= to)
            .Where(f => f.Kind != FeedbackKind.Note || f.FromPersonId == viewerId)
            .ToList();
        var authors = (await directory.GetPeopleAsync(feedback.Select(f => f.FromPersonId), ct)).ToDictionary(p => p.Id, p => p.Name);
        foreach (var f in feedback)
        {
            var kind = f.Kind switch { FeedbackKind.Praise => EvidenceKind.Praise, FeedbackKind.Note => EvidenceKind.Note, _ => EvidenceKind.Feedback };
            var who = authors.GetValueOrDefault(f.FromPersonId, "someone");
            var label = f.Kind == FeedbackKind.Note ? "Your private note" : $"{(f.Kind == FeedbackKind.Praise ? "Praise" : "Feedback")} from {who} ({f.Visibility})";
            items.Add(new(Ids.Feedback(f.Id), kind, DateOnly.FromDateTime(f.CreatedAt.UtcDateTime), $"{label}: {f.Text}", $"/feedback#f-{f.Id}"));
        }

        var template = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition;
        var answers = review.SelfAnswers;
        if (review.SelfUpdatedAt is { } written)
            foreach (var q in template.Questions.Where(q => answers.ContainsKey(q.Id)))
                items.Add(new($"self-review:{review.Id}:{q.Id}", EvidenceKind.SelfReview, DateOnly.FromDateTime(written.UtcDateTime),
                    $"Self-review — {q.Text} {answers[q.Id]}"));

        var peer = await db.PeerFeedback.AsNoTracking().Where(p => p.ReviewId == review.Id)
            .Select(p => new { p.Id, p.Text, p.SubmittedAt }).ToListAsync(ct);
        if (peer.Count >= cycle.PeerAnonymityThreshold)
            foreach (var p in peer.OrderBy(p => p.Id))
                items.Add(new($"peer-feedback:{p.Id}", EvidenceKind.PeerFeedback, DateOnly.FromDateTime(p.SubmittedAt.UtcDateTime),
                    $"Peer feedback (anonymous): {p.Text}"));

        return new Result(items.OrderBy(i => i.Date).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList(),
            unavailable.Distinct().ToList());
    }

    /// <summary>A number as people write it: 331 rather than 331.2 from 100 up, one decimal from 10, two below; thousands grouped.</summary>
    internal static string Natural(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : Math.Abs(value) >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    internal static string Natural(decimal value) => Natural((double)value);

    private static string Percent(double share) => Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"%" sticks to the number; a word unit gets a space ("3 partners").</summary>
    private static string U(string? unit) => string.IsNullOrWhiteSpace(unit) ? "" : unit.Trim() is "%" ? "%" : " " + unit.Trim();

    private static DateOnly Clip(DateOnly d, DateOnly from, DateOnly to) => d < from ? from : d > to ? to : d;

    public static class Ids
    {
        public static string Feedback(Guid id) => $"feedback:{id}";
        public static string OkrObjective(Guid id) => $"okr-objective:{id}";
    }
}
