using System.Net;
using System.Net.Http.Headers;

namespace Scorecard.Host.Tests;

/// <summary>Issue 9, point 7: pages for people, errors for machines.</summary>
public sealed class ProblemPagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static HttpRequestMessage Browse(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    [Fact]
    public async Task A_browser_that_opens_a_missing_page_gets_a_page_in_the_layout_with_where_to_go_next()
    {
        var browser = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        var response = await browser.SendAsync(Browse("/no-such-page"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Not found</h1>", html);
        Assert.Contains("class=\"topbar\"", html);          // the layout, with the navigation
        Assert.Contains("href=\"/\">Go to My work</a>", html);

        var missingPerson = await browser.SendAsync(Browse($"/people/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, missingPerson.StatusCode);
        Assert.Equal("text/html", missingPerson.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_refused_page_is_a_page_and_the_same_refusal_through_the_API_stays_problem_json()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = (await hr.GetJsonAsync("/api/v1/review-cycles"))[0]!["id"].Str();

        var browser = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        var page = await browser.SendAsync(Browse($"/reviews/cycles/{cycle}/calibration"));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("You do not have access to this", html);
        Assert.DoesNotContain("\"status\":403", html);

        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var api = await employee.GetAsync($"/api/v1/review-cycles/{cycle}/calibration");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);

        using var scripted = Browse("/api/v1/nothing-here");   // an API path stays JSON even when HTML is accepted
        var missingApi = await employee.SendAsync(scripted);
        Assert.Equal(HttpStatusCode.NotFound, missingApi.StatusCode);
        Assert.Equal("application/problem+json", missingApi.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_site_has_a_favicon()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location!.OriginalString);
        Assert.Contains("rel=\"icon\"", await client.GetStringAsync("/account/sign-in"));
    }
}
