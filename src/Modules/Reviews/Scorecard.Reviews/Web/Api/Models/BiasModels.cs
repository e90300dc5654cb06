namespace Scorecard.Reviews.Web.Api.Models;

/// <summary>Dismiss a bias finding: its <c>code</c> and a <c>reason</c> (required, up to 2,000 characters).</summary>
public sealed record DismissBiasFindingRequest(string? Code, string? Reason);

/// <summary>Text to check for personality, vague, effort-over-accomplishment and gender-coded language (up to 10,000 characters).</summary>
public sealed record LanguageCheckRequest(string? Text);
