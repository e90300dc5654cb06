namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Welford's single-pass mean and variance. <see cref="SampleSd"/> is the sample standard
/// deviation (divisor n − 1), and 0 when n &lt; 2.
/// </summary>
internal struct RunningMoments
{
    private double _m2;

    public int Count { get; private set; }

    public double Mean { get; private set; }

    public readonly double SampleSd => Count < 2 ? 0.0 : Math.Sqrt(Math.Max(0.0, _m2 / (Count - 1)));

    public void Add(double x)
    {
        Count++;
        double delta = x - Mean;
        Mean += delta / Count;
        _m2 += delta * (x - Mean);
    }
}
