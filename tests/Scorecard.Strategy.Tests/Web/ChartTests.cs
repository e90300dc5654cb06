using System.Globalization;
using System.Text.RegularExpressions;
using Scorecard.Strategy.Web.Api.Models;
using Scorecard.Strategy.Web.Charts;

namespace Scorecard.Strategy.Tests.Web;

public sealed class ChartTests
{
    [Theory]
    [InlineData(16.24, 41.2, 10, 50, 10)]
    [InlineData(0.3, 0.97, 0.2, 1.0, 0.2)]
    [InlineData(2_800_000, 3_700_000, 2_750_000, 3_750_000, 250_000)]
    [InlineData(-3, 7, -5, 7.5, 2.5)]
    public void Ticks_are_round_numbers_covering_the_data(double min, double max, double low, double high, double step)
    {
        var scale = NiceTicks.Scale(min, max);

        Assert.Equal((low, high, step), scale);
        Assert.All(NiceTicks.Values(scale.Min, scale.Max, scale.Step), v => Assert.Equal(0, Math.Round(v / step, 9) % 1));
    }

    [Fact]
    public void A_flat_series_still_gets_a_range()
    {
        var (min, max, _) = NiceTicks.Scale(5, 5);
        Assert.True(min < 5 && max > 5);
    }

    private static KpiDto Kpi() => new(Guid.NewGuid(), Guid.NewGuid(), null, "Tickets resolved within 4 hours", "%", null, null, "Helpdesk",
        "increase", 78, 95, 0, 100, null, null, new ThresholdsDto(0.9, 0.7), "monthly", true, 1, null, 94, new DateOnly(2026, 11, 15),
        0.94, 0.94, "green", Guid.NewGuid(), null);

    [Fact]
    public void The_trend_chart_has_round_y_ticks_and_x_labels_that_stay_inside()
    {
        var values = new[] { 77.9, 77.7, 81.0, 82.1, 85.4, 84.5, 85.4, 88.0, 88.2, 90.2, 90.1, 92.0, 94.0 };
        var history = values.Select((v, i) => new MeasurementDto(Guid.NewGuid(), new DateOnly(2025, 11, 15).AddMonths(i), v, null, null, null,
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))).ToList();

        var svg = Svg.TrendChart(Kpi(), history);

        var ticks = Regex.Matches(svg, "class=\"y-tick\"[^>]*>([^<]+)<").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(ticks.Count >= 4);
        var step = ticks[1] - ticks[0];
        Assert.Contains(step, new[] { 1.0, 2, 2.5, 5, 10 });
        Assert.All(ticks, t => Assert.Equal(0, Math.Round(t / step, 9) % 1));
        var labels = Regex.Matches(svg, "class=\"x-tick\" x=\"([0-9.]+)\"[^>]*text-anchor=\"(\\w+)\"[^>]*>([^<]+)<").ToList();
        Assert.Equal("start", labels[0].Groups[2].Value);
        Assert.Equal("end", labels[^1].Groups[2].Value);
        Assert.Equal("Nov 26", labels[^1].Groups[3].Value);
        Assert.True(double.Parse(labels[^1].Groups[1].Value, CultureInfo.InvariantCulture) <= 720);
        Assert.Contains("aria-label=\"Trend of Tickets resolved within 4 hours: 13 measurements from Nov 2025 (77.9) to Nov 2026 (94); target 95, baseline 78.\"", svg);
    }
}
