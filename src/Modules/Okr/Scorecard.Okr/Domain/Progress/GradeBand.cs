namespace Scorecard.Okr.Domain;

/// <summary>Colour band of an <see cref="OkrGrade"/>.</summary>
internal enum GradeBand
{
    Red,
    Yellow,
    Green,
}

internal static class GradeBandCodes
{
    public static string ToCode(this GradeBand band) => band switch
    {
        GradeBand.Red => "red",
        GradeBand.Yellow => "yellow",
        GradeBand.Green => "green",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown grade band."),
    };
}
