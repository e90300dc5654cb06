using System.Net;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests.Accounts;

/// <summary>An empty install (<c>Scorecard:Demo=false</c>) with only the bootstrap administrator; a new database per test.</summary>
public sealed class EmptyInstallFactory : ScorecardFactory
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Bootstrap-Admin-2026";

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Scorecard:Demo"] = "false",
        ["Scorecard:Bootstrap:AdminEmail"] = AdminEmail,
        ["Scorecard:Bootstrap:AdminPassword"] = AdminPassword,
    };
}

public sealed class SetupTests
{
    [Fact]
    public async Task The_administrator_is_led_to_setup_which_creates_the_company_and_their_person()
    {
        await using var factory = new EmptyInstallFactory();
        var pages = await factory.SignedInPagesAsync(EmptyInstallFactory.AdminEmail, EmptyInstallFactory.AdminPassword);
        var directory = await pages.GetAsync("/directory");
        Assert.Equal(HttpStatusCode.Redirect, directory.StatusCode);
        Assert.Equal("/setup", directory.Headers.Location!.OriginalString);
        Assert.Contains("Company name", await pages.GetStringAsync("/setup"));

        var api = await factory.FreshBearerAsync(EmptyInstallFactory.AdminEmail, EmptyInstallFactory.AdminPassword);
        Assert.True((await api.GetJsonAsync("/api/v1/setup"))["pending"]!.GetValue<bool>());
        var missing = await api.PostAsJsonAsync("/api/v1/setup", new { name = "Ada Admin" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("companyName", (await Json.ReadAsync(missing))["field"].Str());
        Assert.Equal(0, factory.Database.Count("SELECT count(*) FROM org_units"));   // nothing partly written

        var done = await api.PostAsJsonAsync("/api/v1/setup", new { companyName = "Acme", name = "Ada Admin", jobTitle = "COO" });
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var me = await api.GetJsonAsync("/api/v1/me");   // the same token now acts as the person
        Assert.Equal("Ada Admin", me["person"]!["name"].Str());
        Assert.Equal(EmptyInstallFactory.AdminEmail, me["person"]!["email"].Str());
        Assert.Equal("COO", me["person"]!["jobTitle"].Str());
        var units = await api.GetJsonAsync("/api/v1/org-units");
        Assert.Equal("Acme", Assert.Single(units["items"]!.AsArray())!["name"].Str());
        Assert.Equal(units["items"]![0]!["id"].Str(), me["person"]!["orgUnitId"].Str());

        var again = await api.PostAsJsonAsync("/api/v1/setup", new { companyName = "Acme 2", name = "Ada" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/directory")).StatusCode);   // no longer led to setup
        var next = await pages.GetAsync("/setup");
        Assert.Equal("/setup/people", next.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Setup_through_the_pages_and_its_refusals()
    {
        await using var factory = new EmptyInstallFactory();
        var pages = await factory.SignedInPagesAsync(EmptyInstallFactory.AdminEmail, EmptyInstallFactory.AdminPassword);
        async Task<HttpResponseMessage> PostAsync(string company, string name) => await pages.PostAsync("/setup", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await pages.GetStringAsync("/setup")),
                ["CompanyName"] = company, ["Name"] = name, ["JobTitle"] = "Founder",
            }));
        var refused = await PostAsync(" ", "Ada Admin");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("companyName is required", await refused.Content.ReadAsStringAsync());
        var done = await PostAsync("Acme", "Ada Admin");
        Assert.Equal("/setup/people", done.Headers.Location!.OriginalString);
        var next = await pages.GetStringAsync("/setup/people");
        Assert.Contains("/directory/import", next);
        Assert.Contains("/people/new", next);
        Assert.Equal(1, factory.Database.Count("SELECT count(*) FROM org_people"));
    }

    [Fact]
    public async Task An_account_is_linked_to_the_person_with_its_e_mail_when_created_by_hand_or_at_sign_in_after_an_import()
    {
        await using var factory = new EmptyInstallFactory();
        var api = await factory.FreshBearerAsync(EmptyInstallFactory.AdminEmail, EmptyInstallFactory.AdminPassword);
        var root = (await Json.ReadAsync(await api.PostAsJsonAsync("/api/v1/org-units", new { name = "Acme" })))["id"].Str();

        // By hand, the e-mail in other case: the session acts as that person from its next request on.
        var created = await api.PostAsJsonAsync("/api/v1/people", new
        {
            email = "Admin@Example.ORG", name = "Ada Admin", orgUnitId = root, hireDate = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Ada Admin", (await api.GetJsonAsync("/api/v1/me"))["person"]!["name"].Str());
        var giveAccount = await api.PostAsJsonAsync($"/api/v1/people/{(await Json.ReadAsync(created))["id"].Str()}/account",
            new { password = "Another-Password-1" });
        Assert.Equal(HttpStatusCode.Conflict, giveAccount.StatusCode);   // it has one: the administrator's
    }

    [Fact]
    public async Task An_account_is_linked_at_sign_in_to_the_person_an_import_created()
    {
        await using var factory = new EmptyInstallFactory();
        var api = await factory.FreshBearerAsync(EmptyInstallFactory.AdminEmail, EmptyInstallFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/org-units", new { name = "Acme" })).StatusCode);
        var import = await api.PostAsync("/api/v1/people/import", new StringContent(
            "email,name,jobTitle,orgUnit,managerEmail,hireDate\nADMIN@example.org,Ada Admin,COO,Acme,,2024-01-01\n",
            System.Text.Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var signedInAgain = await factory.FreshBearerAsync(EmptyInstallFactory.AdminEmail, EmptyInstallFactory.AdminPassword);
        var me = await signedInAgain.GetJsonAsync("/api/v1/me");
        Assert.Equal("Ada Admin", me["person"]!["name"].Str());
        Assert.Contains("Admin", me["roles"]!.AsArray().Select(r => r.Str()));
    }
}
