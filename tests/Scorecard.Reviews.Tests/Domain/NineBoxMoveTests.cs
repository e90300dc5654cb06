using Scorecard.Reviews.Application;
using Scorecard.Reviews.Domain;

namespace Scorecard.Reviews.Tests.Domain;

public sealed class NineBoxMoveTests
{
    private static readonly ScaleDefinition OneToFive = new(1, 5, ["1", "2", "3", "4", "5"]);

    [Theory]
    [InlineData(5, 3, 5)] // already high: unchanged
    [InlineData(5, 2, 3)] // high → medium: the medium rating nearest 5 is 3
    [InlineData(5, 1, 2)] // high → low: 2
    [InlineData(1, 3, 4)] // low → high: 4
    [InlineData(3, 1, 2)]
    public void A_move_to_another_row_takes_the_nearest_rating_of_that_third(int current, int band, int expected)
    {
        Assert.Equal(expected, NineBoxMove.TargetRating(OneToFive, current, band, CyclesService.Band));
        Assert.Equal(band, CyclesService.Band(OneToFive, expected));
    }

    [Fact]
    public void A_row_outside_1_to_3_is_rejected()
    {
        Assert.Throws<Scorecard.Platform.BadInputException>(() => NineBoxMove.TargetRating(OneToFive, 3, 4, CyclesService.Band));
    }
}
