using System.Globalization;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>
/// One connection's requests per second on the host and on the bare API, measured in alternating short windows so that
/// both see the same load of a shared machine; the ratio is the median of the per-round ratios.
/// </summary>
internal static class ThroughputComparison
{
    public sealed record Result(double Host, double Bare, double Ratio, double RatioMin, double RatioMax, int Rounds);

    public static async Task<Result> RunAsync(HttpClient host, HttpClient bare, string path, int rounds = 7, double secondsPerWindow = 2)
    {
        var window = TimeSpan.FromSeconds(secondsPerWindow);
        var hosts = new List<double>();
        var bares = new List<double>();
        var ratios = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var b = await HttpMeasure.ThroughputAsync(bare, path, window);
            var h = await HttpMeasure.ThroughputAsync(host, path, window);
            bares.Add(b);
            hosts.Add(h);
            ratios.Add(h / b);
        }
        return new Result(HttpMeasure.Median(hosts), HttpMeasure.Median(bares), HttpMeasure.Median(ratios), ratios.Min(), ratios.Max(), rounds);
    }

    public static string Row(string figure, Result r) => string.Create(CultureInfo.InvariantCulture,
        $"| {figure}, 1 connection | {r.Host:N0} req/s = {100 * r.Ratio:0} % of bare ({r.Bare:N0} req/s); per-round ratio {100 * r.RatioMin:0}–{100 * r.RatioMax:0} %, {r.Rounds} rounds |");
}
