namespace Scorecard.Strategy.Domain.Health;

internal sealed record HealthFinding(string Code, FindingSeverity Severity, string Message, FindingSubject Subject);
