using System.Net;

namespace Scorecard.Host.Tests.Reviews;

public sealed class ReviewsPagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task The_reviews_and_feedback_pages_render_for_each_role_and_HR_pages_only_for_HR()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray().Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
        var review = await hr.ReviewOfAsync(cycle, await factory.PersonAsync("tomas.novak"));

        foreach (var login in new[] { "tomas.novak", "priya.raman", "sara.nilsson", "marcus.johnson" })
        {
            var client = await factory.As(login);
            foreach (var url in new[] { "/reviews", "/feedback", "/feedback/wall" })
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            var hrPage = await client.GetAsync($"/reviews/cycles/{cycle}");
            var calibration = await client.GetAsync($"/reviews/cycles/{cycle}/calibration");
            var expected = login == "sara.nilsson" ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.Equal(expected, hrPage.StatusCode);
            Assert.Equal(expected, calibration.StatusCode);
        }

        var managerPage = await (await factory.As("priya.raman")).GetStringAsync($"/reviews/{review}");
        Assert.Contains("id=\"evidence\"", managerPage);
        var lukasReview = await hr.ReviewOfAsync(cycle, await factory.PersonAsync("lukas.schmidt"));
        Assert.Contains("staging budget", await (await factory.As("priya.raman")).GetStringAsync($"/reviews/{lukasReview}"));     // her own private note
        Assert.DoesNotContain("staging budget", await (await factory.As("daniel.okafor")).GetStringAsync($"/reviews/{lukasReview}"));
        Assert.DoesNotContain("staging budget", await hr.GetStringAsync($"/reviews/{lukasReview}"));
        var employeePage = await (await factory.As("tomas.novak")).GetStringAsync($"/reviews/{review}");
        Assert.DoesNotContain("id=\"evidence\"", employeePage);
        Assert.Contains("shown here once it is released", employeePage);
        Assert.DoesNotContain("Great job, team player. Tomas cut", employeePage);       // the narrative, before release
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.As("marcus.johnson")).GetAsync($"/reviews/{review}")).StatusCode);

        var dashboard = await hr.GetStringAsync($"/reviews/cycles/{cycle}");
        Assert.Contains("Maya Lindqvist", dashboard);                                   // without a manager, listed for HR
        var svg = await hr.GetStringAsync($"/reviews/cycles/{cycle}/calibration");
        Assert.Contains("<svg", svg);
        Assert.Contains("Ben Harris", svg);
    }
}
