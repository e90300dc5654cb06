namespace Scorecard.Strategy.Domain.Health;

/// <summary>
/// error: the item cannot be scored or nobody answers for it; warning: a hygiene rule is broken and the strategy
/// is weaker for it; info: worth a look, can be legitimate.
/// </summary>
internal enum FindingSeverity
{
    Info,
    Warning,
    Error,
}
