using System.Globalization;
using System.Text.RegularExpressions;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Okr.Web.Pages;

namespace Scorecard.Okr.Tests.Web;

public sealed class CoverageChartTests
{
    private static List<DepartmentCoverageDto> Departments(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new DepartmentCoverageDto(Guid.NewGuid(), i % 3 == 0 ? $"Department of Very Long Names Number {i}" : $"Dept {i}", 10 + i, 7, 0.7,
            [new PerspectiveShareDto("Financial", 0.5, 0.3), new PerspectiveShareDto("Customer", 0.25, 0.3), new PerspectiveShareDto("Internal Process", 0.25, 0.2),
             new PerspectiveShareDto("Learning & Growth", 0, 0.2)]))];

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(40)]
    public void Every_department_gets_its_own_row_and_nothing_spills_out(int count)
    {
        var svg = CoverageChartSvg.Render(Departments(count));

        var rows = Regex.Matches(svg, "class=\"department\" data-department=\"[^\"]*\" data-y=\"([0-9.]+)\"")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(count, rows.Count);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.Equal(CoverageChartSvg.RowHeight, pair.Second - pair.First, 6));
        var height = double.Parse(Regex.Match(svg, "viewBox=\"0 0 [0-9.]+ ([0-9.]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(height >= rows[^1] + CoverageChartSvg.RowHeight);
        var rights = Regex.Matches(svg, "<rect class=\"(bar|weight)\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"")
            .Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.All(rights, r => Assert.True(r <= CoverageChartSvg.Width));
        Assert.All(Regex.Matches(svg, "class=\"department-name\"[^>]*><title>[^<]*</title>([^<]*)<").Select(m => m.Groups[1].Value),
            name => Assert.True(name.Length <= 24, name));
        Assert.Contains("aria-label=\"Goal mix per department against the strategy&#39;s weights. Dept 1: 11 goals, 70 % aligned; Financial 50 % of goals vs weight 30 %", svg);
    }
}
