namespace Scorecard.Reviews.Tests.Bias;

internal static class BiasAssert
{
    public static void Close(double expected, double? actual, double tolerance = 1e-6)
    {
        Assert.True(actual.HasValue, $"Expected {expected} but the value was null.");
        Assert.Equal(expected, actual.Value, tolerance);
    }
}
