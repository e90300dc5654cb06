namespace Scorecard.Reviews.Domain.Bias;

/// <summary>Stable codes of every bias nudge. A finding never blocks anything.</summary>
internal static class BiasCodes
{
    public const string Leniency = "LENIENCY";
    public const string Severity = "SEVERITY";
    public const string CentralTendency = "CENTRAL_TENDENCY";
    public const string Halo = "HALO";
    public const string Recency = "RECENCY";
    public const string PersonalityCriticism = "PERSONALITY_CRITICISM";
    public const string VagueFeedback = "VAGUE_FEEDBACK";
    public const string EffortOverAccomplishment = "EFFORT_OVER_ACCOMPLISHMENT";
    public const string GenderCodedLanguage = "GENDER_CODED_LANGUAGE";
    public const string RatingEvidenceMismatch = "RATING_EVIDENCE_MISMATCH";
}
