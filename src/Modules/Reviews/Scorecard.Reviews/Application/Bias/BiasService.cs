using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Domain.Bias;
using Scorecard.Reviews.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Reviews.Application.Bias;

/// <summary>
/// The bias checks of the Reviews module: code computes every finding (Domain/Bias), a person judges.
/// Nothing here blocks a submit; dismissals are written to the audit log with their reason.
/// </summary>
internal sealed class BiasService(
    ReviewsDbContext db,
    ReviewAccess access,
    ICurrentUser user,
    EvidenceService evidence,
    IAuditLog audit,
    BiasExplainer explainer,
    IServiceProvider services,
    ILogger<BiasService> logger)
{
    public const string DismissAction = "reviews.bias_finding_dismissed";
    public const string SubjectType = "review";
    public const int TextMax = 10_000;
    public const int ReasonMax = 2_000;

    /// <summary>Evidence kinds written or cited during the period (self-reviews and peer feedback are written for the review at its end by design and are left out).</summary>
    public static readonly string[] RecencyKinds =
        [EvidenceKind.OkrCheckIn, EvidenceKind.KpiMeasurement, EvidenceKind.Feedback, EvidenceKind.Praise, EvidenceKind.Note];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static readonly string[] Codes =
    [
        BiasCodes.PersonalityCriticism, BiasCodes.VagueFeedback, BiasCodes.EffortOverAccomplishment, BiasCodes.GenderCodedLanguage,
        BiasCodes.Recency, BiasCodes.RatingEvidenceMismatch,
    ];

    // ---------------- review bias check ----------------

    public async Task<BiasCheckDto> CheckReviewAsync(Guid reviewId, CancellationToken ct)
    {
        var (review, cycle, template) = await LoadForManagerOrHrAsync(reviewId, ct);
        var findings = new List<(Finding Finding, string Source)>();
        foreach (var f in LanguageFindings(review.Narrative)) findings.Add((f, "narrative"));
        // The feedback and notes the manager wrote to the person in the period: the first item per code the narrative does not
        // already show (one finding per code keeps a dismissal unambiguous).
        if (review.ManagerId is { } managerId)
        {
            var written = (await db.Feedback.AsNoTracking().Where(f => f.FromPersonId == managerId && f.ToPersonId == review.PersonId).ToListAsync(ct))
                .Select(f => (Item: f, Date: DateOnly.FromDateTime(f.CreatedAt.UtcDateTime)))
                .Where(x => x.Date >= cycle.PeriodStart && x.Date <= cycle.PeriodEnd)
                .OrderBy(x => x.Date).ThenBy(x => x.Item.Id);
            foreach (var (item, date) in written)
                foreach (var f in LanguageFindings(item.Text))
                    if (findings.All(x => x.Finding.Code != f.Code))
                        findings.Add((f with
                        {
                            Message = $"In the {item.Kind} you wrote on {date:yyyy-MM-dd}: {f.Message}",
                            Evidence = $"{f.Evidence} (feedback of {date:yyyy-MM-dd})",
                        }, "feedback"));
        }

        var built = await evidence.BuildAsync(review, cycle, review.ManagerId, ct);
        var dates = built.Items.Where(i => RecencyKinds.Contains(i.Kind)).Select(i => i.Date).ToList();
        var recency = RecencyCheck.Check(cycle.PeriodStart, cycle.PeriodEnd, dates);
        if (recency.Flagged) findings.Add((RecencyFinding(recency), "evidence"));

        var unavailable = built.Unavailable.ToList();
        if (review.OverallRating is { } overall)
        {
            var (outcomes, labels) = await OutcomesAsync(review.PersonId, cycle, unavailable, ct);
            var scale = new RatingScale(template.Scale.Min, template.Scale.Max);
            if (scale.Max > scale.Min && overall >= scale.Min && overall <= scale.Max)
            {
                var mismatch = RatingEvidenceMismatchCheck.Check(overall, scale, outcomes);
                if (mismatch.Flagged) findings.Add((MismatchFinding(mismatch, labels, template.Scale), "rating"));
            }
        }

        var dismissals = await DismissalsAsync(reviewId, ct);
        var result = new List<BiasFindingDto>();
        var explanations = await explainer.ExplainAllAsync([.. findings.Select(x => x.Finding)], reviewId.ToString(), ct); // one model call per review at most
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i].Finding;
            dismissals.TryGetValue(f.Code, out var dismissal);
            result.Add(f.ToDto(explanations[i].Text, explanations[i].Source, dismissal));
        }
        return new BiasCheckDto(review.Id, cycle.Id, review.PersonId, result, unavailable.Distinct().ToList());
    }

    public async Task<BiasCheckDto> DismissAsync(Guid reviewId, string? code, string? reason, CancellationToken ct)
    {
        var (review, _, _) = await LoadForManagerOrHrAsync(reviewId, ct);
        var c = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(c)) throw new BadInputException("code", "code is required.");
        if (!Codes.Contains(c)) throw new BadInputException("code", $"code must be one of {string.Join(", ", Codes)}.");
        var r = reason?.Trim();
        if (string.IsNullOrEmpty(r)) throw new BadInputException("reason", "A reason is required to dismiss a finding.");
        if (r.Length > ReasonMax) throw new BadInputException("reason", $"reason has at most {ReasonMax} characters.");
        await audit.WriteAsync(new AuditEntry(DismissAction, SubjectType, review.Id.ToString(), user.PersonId, Reason: r,
            DataJson: JsonSerializer.Serialize(new { code = c })), ct);
        return await CheckReviewAsync(reviewId, ct);
    }

    private async Task<Dictionary<string, BiasDismissalDto>> DismissalsAsync(Guid reviewId, CancellationToken ct)
    {
        var records = await audit.ReadAsync(SubjectType, reviewId.ToString(), DismissAction, 500, ct);
        var result = new Dictionary<string, BiasDismissalDto>(StringComparer.Ordinal);
        foreach (var rec in records.OrderBy(r => r.At))
        {
            try
            {
                using var doc = JsonDocument.Parse(rec.DataJson ?? "{}");
                if (doc.RootElement.TryGetProperty("code", out var code) && code.GetString() is { } c)
                    result[c] = new BiasDismissalDto(rec.Reason ?? "", rec.ActorPersonId, rec.At);
            }
            catch (JsonException) { }
        }
        return result;
    }

    private async Task<(Review, ReviewCycle, TemplateDefinition)> LoadForManagerOrHrAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct) ?? throw new NotFoundException("Review", reviewId);
        var role = await access.RoleAsync(review, ct);
        if (role is not (ReviewRole.Manager or ReviewRole.Hr))
            throw new ForbiddenException("Only the review's manager and HR can see its bias check.");
        var cycle = await db.Cycles.AsNoTracking().FirstAsync(c => c.Id == review.CycleId, ct);
        var template = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition;
        return (review, cycle, template);
    }

    /// <summary>OKR progress (0–1) of the person's objectives in the period and the progress of the KPIs they own.</summary>
    private async Task<(List<double> Outcomes, List<string> Labels)> OutcomesAsync(Guid personId, ReviewCycle cycle, List<string> unavailable, CancellationToken ct)
    {
        var outcomes = new List<double>();
        var labels = new List<string>();
        if (services.GetService<IOkrReader>() is { } okr)
        {
            try
            {
                foreach (var o in await okr.GetPersonObjectivesAsync(personId, cycle.PeriodStart, cycle.PeriodEnd, ct))
                {
                    if (o.Archived) continue;
                    outcomes.Add(o.Progress);
                    labels.Add($"OKR \"{o.Title}\" {Pct(o.Progress)}");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "OKR outcomes for {PersonId} are unavailable.", personId);
                unavailable.Add("okr");
            }
        }
        if (services.GetService<IStrategyReader>() is { } strategy)
        {
            try
            {
                foreach (var k in await strategy.GetKpisOwnedByAsync(personId, ct))
                {
                    if (k.Progress is not { } p || !double.IsFinite(p)) continue;
                    outcomes.Add(p);
                    labels.Add($"KPI \"{k.Name}\" {Pct(p)}");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "KPI outcomes for {PersonId} are unavailable.", personId);
                unavailable.Add("strategy");
            }
        }
        return (outcomes, labels);
    }

    // ---------------- language nudge ----------------

    public async Task<LanguageCheckDto> CheckTextAsync(string? text, CancellationToken ct)
    {
        user.RequirePersonId();
        if (text is null) throw new BadInputException("text", "text is required.");
        if (text.Length > TextMax) throw new BadInputException("text", $"text has at most {TextMax} characters.");
        var result = new List<BiasFindingDto>();
        foreach (var f in LanguageFindings(text))
        {
            var explanation = explainer.Offline(f); // the live nudge never calls a model
            result.Add(f.ToDto(explanation, BiasExplainer.OfflineSource, null));
        }
        await Task.CompletedTask;
        return new LanguageCheckDto(result);
    }

    public static IReadOnlyList<Finding> LanguageFindings(string? text) =>
        FeedbackLanguageCheck.Check(text).Select(LanguageFinding).ToList();

    private static Finding LanguageFinding(LanguageFinding f)
    {
        string words = string.Join(", ", f.Words.Select(w => $"\"{w.Word}\" ×{w.Count}"));
        string message = f.Code switch
        {
            BiasCodes.PersonalityCriticism => $"Describes the person, not a behaviour: {words}.",
            BiasCodes.VagueFeedback => $"{f.Counts.GetValueOrDefault("vagueSentences")} of {f.Counts.GetValueOrDefault("sentences")} sentences give praise or criticism with no outcome: {words}.",
            BiasCodes.EffortOverAccomplishment => $"Effort words ({f.Counts.GetValueOrDefault("effortWords")}) outnumber accomplishment words ({f.Counts.GetValueOrDefault("accomplishmentWords")}): {words}.",
            BiasCodes.GenderCodedLanguage => $"Gender-coded words (masculine {f.Counts.GetValueOrDefault("masculine")}, feminine {f.Counts.GetValueOrDefault("feminine")}): {words}.",
            _ => words,
        };
        var numbers = f.Counts.ToDictionary(c => c.Key, c => (double)c.Value, StringComparer.Ordinal);
        foreach (var w in f.Words) numbers.TryAdd($"count:{w.Word}", w.Count);
        return new Finding(f.Code, Severity(f.Severity), message, words, f.Method, f.SuggestedRewrite, numbers);
    }

    private static Finding RecencyFinding(RecencyResult r)
    {
        string evidenceText = $"{r.K} of {r.N} dated evidence items ({Pct(r.Share)}) fall on or after {r.WindowStart:yyyy-MM-dd}, the last {Pct(r.Q)} of the period; binomial p = {P(r.PValue)}.";
        return new Finding(BiasCodes.Recency, "warning",
            $"The evidence for this review is concentrated at the end of the period: {r.K} of {r.N} items in the last {Pct(r.Q)}.",
            evidenceText, r.Method,
            "Look back over the whole period: name outcomes from its first months too (check-ins, feedback and KPI results from each quarter), and describe each as behaviour and result.",
            new Dictionary<string, double> { ["n"] = r.N, ["k"] = r.K, ["share"] = r.Share, ["q"] = r.Q, ["pValue"] = r.PValue });
    }

    private static Finding MismatchFinding(RatingEvidenceMismatchResult m, List<string> labels, ScaleDefinition scale)
    {
        string direction = m.Gap > 0 ? "above" : "below";
        string evidenceText = $"Overall rating {m.Rating.ToString("0", Inv)} ({scale.LabelOf((int)m.Rating)}) sits at {Pct(m.RatingPosition)} of the scale; " +
            $"the mean goal/KPI outcome is {Pct(m.MeanOutcome ?? 0)} over {m.N} outcomes ({string.Join("; ", labels)}).";
        return new Finding(BiasCodes.RatingEvidenceMismatch, "warning",
            $"The overall rating is {Pct(Math.Abs(m.Gap ?? 0))} of the scale {direction} the person's goal and KPI outcomes.",
            evidenceText, m.Method,
            "Either name the outcomes that justify the rating (what was delivered and what it changed), or reconsider the rating against the goal and KPI results.",
            new Dictionary<string, double>
            {
                ["rating"] = m.Rating, ["ratingPosition"] = m.RatingPosition, ["meanOutcome"] = m.MeanOutcome ?? 0, ["gap"] = m.Gap ?? 0, ["n"] = m.N,
            });
    }

    // ---------------- rater analysis and disparity (HR) ----------------

    public async Task<RaterAnalysisDto> RaterAnalysisAsync(Guid cycleId, CancellationToken ct)
    {
        access.RequireHr();
        var (cycle, template) = await CycleAsync(cycleId, ct);
        var reviews = await SubmittedAsync(cycle.Id, ct);
        var records = RatingRecords(reviews, template);
        var report = RaterAnalysis.Analyze(records, new RatingScale(template.Scale.Min, template.Scale.Max));
        return ToDto(cycle.Id, report);
    }

    public static List<RatingRecord> RatingRecords(IEnumerable<Review> reviews, TemplateDefinition template)
    {
        var names = template.Competencies.ToDictionary(c => c.Id, c => c.Name);
        var records = new List<RatingRecord>();
        foreach (var r in reviews)
        {
            if (r.ManagerId is not { } rater || (r.SubmittedOverallRating ?? r.OverallRating) is not { } overall) continue;
            if (!template.Scale.Contains(overall)) continue;
            var competencies = r.Ratings.Where(x => template.Scale.Contains(x.Value))
                .ToDictionary(x => names.GetValueOrDefault(x.Key, x.Key.ToString()), x => (double)x.Value, StringComparer.Ordinal);
            records.Add(new RatingRecord(rater, r.PersonId, overall, competencies));
        }
        return records;
    }

    public static RaterAnalysisDto ToDto(Guid cycleId, RaterAnalysisReport report) => new(
        cycleId, report.OrgN, report.OrgMean, report.OrgSd,
        "Submitted manager ratings of the cycle (the overall rating as submitted, before calibration, and the competency ratings).",
        report.Raters.Select(p => new RaterDto(p.RaterId, p.Numbers.N, p.Numbers.Mean, p.Numbers.Sd,
            p.Flags.Select(f => new RaterFlagDto(f.Code, f.Numbers.D, f.Numbers.Z, f.Numbers.SdRatio, f.Numbers.MiddleShare,
                f.Numbers.WithinRateeSd, f.Numbers.InterCompetencyR, f.Criteria, f.Method)).ToList())
        {
            InBaseline = p.Numbers.InBaseline,
            D = p.Numbers.D,
            DInterval = Interval(p.Numbers.DInterval),
            Z = p.Numbers.Z,
            SdRatio = p.Numbers.SdRatio,
            SdRatioInterval = Interval(p.Numbers.SdRatioInterval),
            MiddleShare = p.Numbers.MiddleShare,
            MiddleShareInterval = Interval(p.Numbers.MiddleShareInterval),
        }).ToList())
    {
        MinimumRatings = RaterAnalysis.MinimumRatings,
        ExcludedRaters = report.ExcludedRaters,
        ExcludedRatings = report.ExcludedRatings,
    };

    private static IntervalDto? Interval((double Low, double High)? interval) =>
        interval is { } i ? new IntervalDto(Math.Round(i.Low, 4), Math.Round(i.High, 4)) : null;

    public static readonly string[] Attributes = ["gender", "ageBand"];

    public async Task<DisparityDto> DisparityAsync(Guid cycleId, string? attribute, CancellationToken ct)
    {
        access.RequireHr(); // before anything touches HR-only attributes
        var attr = Attributes.FirstOrDefault(a => string.Equals(a, attribute?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new BadInputException("attribute", $"attribute must be one of {string.Join(", ", Attributes)}.");
        var (cycle, template) = await CycleAsync(cycleId, ct);
        var reviews = (await SubmittedAsync(cycle.Id, ct)).Where(r => r.OverallRating is not null).ToList();
        var hr = services.GetRequiredService<IHrAttributes>();
        var attributes = await hr.GetAsync(reviews.Select(r => r.PersonId).Distinct(), ct);
        var subjects = reviews.Select(r =>
        {
            attributes.TryGetValue(r.PersonId, out var a);
            string? group = attr == "gender" ? a?.Gender : AgeBand.FromBirthYear(a?.BirthYear is { } y && y <= cycle.PeriodEnd.Year ? y : null, cycle.PeriodEnd);
            return new DisparitySubject(group, IsTopBand(r.OverallRating!.Value, template.Scale));
        });
        var report = GroupDisparityAnalysis.Analyze(subjects);
        return new DisparityDto(cycle.Id, attr, Selection(template.Scale), report.Method,
            report.Groups.Select(g => new DisparityGroupDto(g.Group, g.N, g.TopBandRate, g.ImpactRatio, g.PValue, g.Test, g.VerdictCode)).ToList());
    }

    /// <summary>
    /// "Selected" = the top rating band (design): the top two categories on a scale of five or more
    /// (on 1–5: "Exceeds" and "Far exceeds"), the top category on smaller scales.
    /// </summary>
    public static bool IsTopBand(int rating, ScaleDefinition scale) => rating >= TopBandFloor(scale);

    public static int TopBandFloor(ScaleDefinition scale) => scale.Max - scale.Min + 1 >= 5 ? scale.Max - 1 : scale.Max;

    public static string Selection(ScaleDefinition scale) =>
        $"Top band: overall rating (after calibration) of {TopBandFloor(scale).ToString(Inv)} or more on the {scale.Min}–{scale.Max} scale, among submitted manager reviews.";

    private async Task<(ReviewCycle, TemplateDefinition)> CycleAsync(Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new NotFoundException("Review cycle", cycleId);
        var template = (await db.Templates.AsNoTracking().FirstAsync(t => t.Id == cycle.TemplateId, ct)).Definition;
        return (cycle, template);
    }

    private Task<List<Review>> SubmittedAsync(Guid cycleId, CancellationToken ct) =>
        db.Reviews.AsNoTracking().Where(r => r.CycleId == cycleId && r.SubmittedAt != null).ToListAsync(ct);

    private static string Severity(FindingSeverity s) => s == FindingSeverity.Warning ? "warning" : "info";

    internal static string Pct(double share) => (share * 100).ToString("0", Inv) + " %";

    internal static string P(double p) => p < 0.0001 ? p.ToString("0.0e0", Inv) : p.ToString("0.0000", Inv);
}

/// <summary>A computed finding before its explanation: code, message and evidence from code, and the numbers behind it.</summary>
internal sealed record Finding(string Code, string Severity, string Message, string Evidence, string Method, string Suggestion,
    IReadOnlyDictionary<string, double> Numbers)
{
    public BiasFindingDto ToDto(string explanation, string source, BiasDismissalDto? dismissal) =>
        new(Code, Severity, Message, Evidence, Method, Suggestion, Numbers, explanation, source, dismissal is not null, dismissal);
}
