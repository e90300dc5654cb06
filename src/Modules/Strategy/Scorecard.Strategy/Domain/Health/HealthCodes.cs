namespace Scorecard.Strategy.Domain.Health;

/// <summary>The fixed finding codes; stable strings, safe to store and to filter on.</summary>
internal static class HealthCodes
{
    public const string TooManyKpis = "TOO_MANY_KPIS";
    public const string PerspectiveKpiCount = "PERSPECTIVE_KPI_COUNT";
    public const string ObjectiveKpiCount = "OBJECTIVE_KPI_COUNT";
    public const string MissingOwner = "MISSING_OWNER";
    public const string MissingTarget = "MISSING_TARGET";
    public const string MissingDataSource = "MISSING_DATA_SOURCE";
    public const string IsolatedObjective = "ISOLATED_OBJECTIVE";
    public const string StaleKpi = "STALE_KPI";
    public const string NoInitiative = "NO_INITIATIVE";
    public const string MiniMe = "MINI_ME";
    public const string BrokenCascade = "BROKEN_CASCADE";
}
