using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Tests.Bias;

public sealed class AgeBandTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public void Birth_years_map_to_bands_by_age_reached_in_the_reference_year()
    {
        Assert.Equal("<30", AgeBand.FromBirthYear(1997, AsOf));   // 29
        Assert.Equal("30-39", AgeBand.FromBirthYear(1996, AsOf)); // 30
        Assert.Equal("30-39", AgeBand.FromBirthYear(1987, AsOf)); // 39
        Assert.Equal("40-49", AgeBand.FromBirthYear(1986, AsOf)); // 40
        Assert.Equal("40-49", AgeBand.FromBirthYear(1977, AsOf)); // 49
        Assert.Equal("50+", AgeBand.FromBirthYear(1976, AsOf));   // 50
        Assert.Null(AgeBand.FromBirthYear(null, AsOf));
        Assert.Throws<ArgumentOutOfRangeException>(() => AgeBand.FromBirthYear(2027, AsOf));
    }
}
