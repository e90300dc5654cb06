using System.Net;

namespace Scorecard.Host.Tests;

public sealed class HealthAndPagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_the_database_is_reachable_and_migrated()
    {
        var live = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_database_is_created_migrated_and_in_WAL_mode_on_sqlite()
    {
        (await factory.CreateClient().GetAsync("/health/ready")).EnsureSuccessStatusCode();
        Assert.True(factory.Database.Count("SELECT count(*) FROM __org_migrations") >= 2);
        Assert.True(factory.Database.Count("SELECT count(*) FROM org_people") > 0);
        if (factory.Database.Provider == Scorecard.Platform.Persistence.DatabaseProvider.Sqlite)
            Assert.Equal("wal", factory.Database.Scalar("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Signed_out_people_are_sent_to_the_sign_in_page_which_has_an_antiforgery_form()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var home = await client.GetAsync("/directory");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.PathAndQuery);

        var page = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("Sign in to Scorecard", page);
        Assert.Contains("__RequestVerificationToken", page);
    }

    [Fact]
    public async Task The_API_answers_401_problem_details_instead_of_redirecting()
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/people");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_directory_contract()
    {
        var doc = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/org-units", "/api/v1/people", "/api/v1/people/{id}", "/api/v1/people/import",
                     "/api/v1/people/export", "/api/v1/people/{id}/account", "/api/v1/auth/token", "/api/v1/me" })
            Assert.Contains($"\"{path}\"", doc);
        Assert.Contains("PersonDto", doc);
    }

    [Fact]
    public async Task The_demo_organization_is_seeded_with_44_people_in_several_departments()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var people = await hr.GetJsonAsync("/api/v1/people?limit=1000");
        Assert.InRange(people["total"]!.GetValue<int>(), 30, 60);
        var units = await hr.GetJsonAsync("/api/v1/org-units");
        Assert.True(units["total"]!.GetValue<int>() >= 8);
        var managers = people["items"]!.AsArray().Select(p => p!["managerId"]?.ToString()).Where(m => m is not null).Distinct().Count();
        Assert.True(managers >= 8, $"only {managers} managers");
    }
}
