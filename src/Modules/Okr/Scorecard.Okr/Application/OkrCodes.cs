using Scorecard.Okr.Domain;
using Scorecard.Platform;

namespace Scorecard.Okr.Application;

/// <summary>Text codes of levels and types, as the API and the database use them.</summary>
internal static class OkrCodes
{
    public const string Committed = "committed";
    public const string Aspirational = "aspirational";

    public static string ToCode(this OkrLevel level) => level switch
    {
        OkrLevel.Company => "company",
        OkrLevel.Department => "department",
        OkrLevel.Team => "team",
        _ => "individual",
    };

    public static OkrLevel ParseLevel(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "company" => OkrLevel.Company,
        "department" => OkrLevel.Department,
        "team" => OkrLevel.Team,
        "individual" => OkrLevel.Individual,
        _ => throw new BadInputException("level", $"'{code}' is not a level. Use company, department, team or individual."),
    };

    public static string ParseType(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" or Committed => Committed,
        Aspirational => Aspirational,
        _ => throw new BadInputException("type", $"'{code}' is not an objective type. Use committed or aspirational."),
    };

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => "high",
        FindingSeverity.Medium => "medium",
        _ => "low",
    };

    public static string Method(SimilarityMethod method) => method == SimilarityMethod.Embedding ? "embedding" : "lexical";
}
