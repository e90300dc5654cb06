namespace Scorecard.Platform.Security;

public static class ScorecardClaims
{
    /// <summary>The organization person an account belongs to.</summary>
    public const string PersonId = "scorecard:person_id";
}
