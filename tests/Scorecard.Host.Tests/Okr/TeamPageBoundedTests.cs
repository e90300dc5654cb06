using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Scorecard.Host.Tests.Okr;

/// <summary>Issue 13, point 7: "My team's goals" shows 50 people a page, however many are below the manager.</summary>
public sealed class TeamPageBoundedTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task A_manager_with_more_than_50_people_below_sees_them_a_page_at_a_time()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var priya = await factory.ClientForAsync("priya.raman@brightline.example");
        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        for (var i = 0; i < 60; i++)
            csv.Append($"squad{i:00}@brightline.example,Squad Member{i:00},Engineer,Brightline/Engineering,priya.raman@brightline.example,2025-01-06\n");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/v1/people/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).StatusCode);
        var goal = await priya.PostAsJsonAsync("/api/v1/okr/objectives", new
        {
            title = "Squad Member59 learns the platform", level = "individual", period = "2026-Q4",
            ownerPersonId = (await hr.GetJsonAsync("/api/v1/people?search=squad59"))["items"]![0]!["id"].Str(),
        });
        Assert.True(goal.StatusCode == HttpStatusCode.Created, await goal.Content.ReadAsStringAsync());

        var pages = await factory.SignedInPagesAsync("priya.raman@brightline.example");
        var first = await pages.GetStringAsync("/okr/team?period=2026-Q4");
        Assert.Matches(@"People 1–50 of \d+ below you", first);
        Assert.Contains("rel=\"next\"", first);
        Assert.DoesNotContain("Squad Member59 learns the platform", first);   // Squad Member59 sorts after the first 50
        var people = int.Parse(System.Text.RegularExpressions.Regex.Match(first, @"of (\d+) below you").Groups[1].Value);
        Assert.True(people > 60, $"{people} people below Priya");
        var shown = 0;
        for (var page = 1; page <= (people - 1) / 50; page++)
        {
            var html = await pages.GetStringAsync($"/okr/team?period=2026-Q4&page={page}");
            if (html.Contains("Squad Member59 learns the platform")) shown++;
            Assert.Equal(page < (people - 1) / 50, html.Contains("rel=\"next\""));
        }
        Assert.Equal(1, shown);
    }
}
