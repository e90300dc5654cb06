namespace Scorecard.Okr.Domain;

/// <summary>
/// How much a finding matters. Every finding is a nudge the person may dismiss with a reason; none blocks.
/// High: the structure is wrong (a broken parent). Medium: the goal cannot do its job (unaligned, not
/// measurable). Low: worth a look (weak link, skewed portfolio, too many).
/// </summary>
internal enum FindingSeverity
{
    Low,
    Medium,
    High,
}
