using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests;

public sealed class BootstrapFactory : ScorecardFactory
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Scorecard:Demo"] = "false",
        ["Scorecard:Bootstrap:AdminEmail"] = "admin@example.org",
        ["Scorecard:Bootstrap:AdminPassword"] = "Bootstrap-Admin-2026",
    };
}

/// <summary>The same database started again with the default settings (demo on).</summary>
public sealed class RestartedWithDemoFactory(Scorecard.Testing.TestDatabase database) : ScorecardFactory(database);

public sealed class BootstrapTests(BootstrapFactory factory) : IClassFixture<BootstrapFactory>
{
    [Fact]
    public async Task Restarting_a_real_organization_with_demo_on_never_adds_the_demo_accounts()
    {
        (await factory.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();   // bootstrap admin exists
        await using var restarted = new RestartedWithDemoFactory(factory.Database);
        var demo = await restarted.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = ScorecardFactory.Admin, password = ScorecardFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        var admin = await restarted.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = "admin@example.org", password = "Bootstrap-Admin-2026" });
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Without_demo_data_the_configured_administrator_is_created_and_nothing_is_seeded()
    {
        var tokenResponse = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = "admin@example.org", password = "Bootstrap-Admin-2026" });
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Json.ReadAsync(tokenResponse))["accessToken"].Str());

        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Contains("Admin", me["roles"]!.AsArray().Select(r => r.Str()));
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/people"))["total"]!.GetValue<int>());

        var demo = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = ScorecardFactory.Hr, password = ScorecardFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);

        // The administrator can build the organization from nothing.
        var root = await client.PostAsJsonAsync("/api/v1/org-units", new { name = "Acme" });
        Assert.Equal(HttpStatusCode.Created, root.StatusCode);
        var secondRoot = await client.PostAsJsonAsync("/api/v1/org-units", new { name = "Other" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, secondRoot.StatusCode);
    }
}
