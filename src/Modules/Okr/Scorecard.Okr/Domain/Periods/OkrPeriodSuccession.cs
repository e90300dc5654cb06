namespace Scorecard.Okr.Domain;

/// <summary>The periods that follow a period, of the same kind (the quarters after a quarter, …), offered for carrying OKRs forward.</summary>
internal static class OkrPeriodSuccession
{
    public static OkrPeriod Next(OkrPeriod period) => period.Kind switch
    {
        OkrPeriodKind.Quarter => period.Start.Month == 10 ? OkrPeriod.Quarter(period.Start.Year + 1, 1) : OkrPeriod.Quarter(period.Start.Year, (period.Start.Month + 2) / 3 + 1),
        OkrPeriodKind.Half => period.Start.Month == 7 ? OkrPeriod.Half(period.Start.Year + 1, 1) : OkrPeriod.Half(period.Start.Year, 2),
        OkrPeriodKind.Year => OkrPeriod.Year(period.Start.Year + 1),
        _ => OkrPeriod.Custom(period.End.AddDays(1), period.End.AddDays(period.TotalDays)),
    };

    /// <summary>The next <paramref name="count"/> periods after <paramref name="period"/>, nearest first.</summary>
    public static IReadOnlyList<OkrPeriod> Following(OkrPeriod period, int count)
    {
        var list = new List<OkrPeriod>();
        var current = period;
        for (var i = 0; i < count; i++) list.Add(current = Next(current));
        return list;
    }
}
