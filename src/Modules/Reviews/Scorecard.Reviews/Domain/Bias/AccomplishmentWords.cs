namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Accomplishment verbs (things done, with a result) and outcome/deliverable nouns. Accomplishment
/// verbs are counted against effort words; both lists together make a sentence "specific" for the
/// vague-feedback check.
/// </summary>
internal static class AccomplishmentWords
{
    public const string Category = "accomplishment";
    public const string OutcomeCategory = "outcome";

    public static readonly PhraseLexicon Verbs = new(
    [
        "delivered", "delivers", "shipped", "ships", "achieved", "achieves", "reduced", "reduces",
        "increased", "increases", "launched", "launches", "led", "closed", "closes", "completed",
        "completes", "released", "releases", "built", "resolved", "resolves", "saved", "grew",
        "exceeded", "exceeds", "won", "improved", "improves", "cut", "migrated", "implemented",
        "automated", "designed", "negotiated", "published", "created", "established", "doubled",
        "halved", "secured", "finished", "eliminated", "raised", "lowered", "accelerated",
    ]);

    /// <summary>Deliverables and measurable outcomes that make praise or criticism concrete.</summary>
    public static readonly PhraseLexicon Outcomes = new(
    [
        "project", "projects", "release", "launch", "feature", "features", "customer", "customers",
        "client", "clients", "revenue", "deadline", "deadlines", "milestone", "milestones", "deal",
        "deals", "incident", "incidents", "ticket", "tickets", "migration", "roadmap", "okr", "okrs",
        "kpi", "kpis", "target", "targets", "metric", "metrics", "budget", "cost", "costs", "sales",
        "outage", "outages", "bug", "bugs", "churn", "pipeline", "quota", "nps", "latency", "uptime",
        "conversion", "retention", "backlog", "audit", "launches", "rollout", "integration",
    ]);

    public static bool IsSpecific(IReadOnlyList<FeedbackToken> sentence) =>
        sentence.Any(t => t.HasDigit) || Verbs.FindAll(sentence).Count > 0 || Outcomes.FindAll(sentence).Count > 0;
}
