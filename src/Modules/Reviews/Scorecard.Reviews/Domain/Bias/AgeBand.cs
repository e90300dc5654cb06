namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Age bands for disparity analysis: "&lt;30", "30-39", "40-49", "50+". Only the birth year is
/// stored, so the age is the age reached during the year of the reference date
/// (asOf.Year − birthYear) — at most one year above the exact age, and the same for everyone (design).
/// </summary>
internal static class AgeBand
{
    public const string Under30 = "<30";
    public const string Thirties = "30-39";
    public const string Forties = "40-49";
    public const string FiftyPlus = "50+";

    /// <summary>The band, or null when the birth year is unknown (the person is then excluded).</summary>
    public static string? FromBirthYear(int? birthYear, DateOnly asOf)
    {
        if (birthYear is not int year)
        {
            return null;
        }

        if (year > asOf.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(birthYear), year, "The birth year lies after the reference date.");
        }

        int age = asOf.Year - year;
        return age switch
        {
            < 30 => Under30,
            < 40 => Thirties,
            < 50 => Forties,
            _ => FiftyPlus,
        };
    }
}
