namespace Scorecard.Platform.Web;

/// <summary>
/// An action whose refusal must still be recorded — a failed sign-in counts toward the lockout — so its writes commit
/// even when it answers 4xx. Every other write action rolls back whatever it saved when it answers 4xx or 5xx.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class KeepsWritesOnRefusalAttribute : Attribute;
