namespace Scorecard.Okr.Domain;

/// <summary>How an <see cref="OkrPeriod"/> was defined. Quarters are the default cadence.</summary>
internal enum OkrPeriodKind
{
    Quarter,
    Half,
    Year,
    Custom,
}
