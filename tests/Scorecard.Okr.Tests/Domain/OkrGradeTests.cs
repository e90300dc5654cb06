using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class OkrGradeTests
{
    [Theory]
    [InlineData(0.0, "0.00", "red")]
    [InlineData(0.3, "0.30", "red")]
    [InlineData(0.394, "0.39", "red")]
    [InlineData(0.395, "0.40", "yellow")]  // rounds up to 0.40
    [InlineData(0.4, "0.40", "yellow")]
    [InlineData(0.6, "0.60", "yellow")]
    [InlineData(0.6949, "0.69", "yellow")]
    [InlineData(0.695, "0.70", "green")]
    [InlineData(0.7, "0.70", "green")]
    [InlineData(1.0, "1.00", "green")]
    public void Bands_at_their_boundaries(double progress, string value, string band)
    {
        var grade = OkrGrade.FromProgress(progress);

        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), grade.Value);
        Assert.Equal(band, grade.Band.ToCode());
    }

    [Fact]
    public void Floating_point_noise_does_not_change_the_band()
    {
        Assert.Equal(GradeBand.Green, OkrGrade.FromProgress(0.1 + 0.2 + 0.4 - 1e-12).Band);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Out_of_range_progress_is_rejected(double progress)
    {
        Assert.Throws<Scorecard.Platform.BadInputException>(() => OkrGrade.FromProgress(progress));
    }

    [Fact]
    public void Band_codes()
    {
        Assert.Equal("green", GradeBand.Green.ToCode());
        Assert.Equal("yellow", GradeBand.Yellow.ToCode());
        Assert.Equal("red", GradeBand.Red.ToCode());
    }
}
