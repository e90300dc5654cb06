using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests.Accounts;

public sealed class RolesApiTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private const string Raj = "raj.patel@brightline.example";

    [Fact]
    public async Task Reading_roles_is_for_HR_and_administrators()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var sara = await admin.PersonIdAsync(ScorecardFactory.Hr);
        var expected = new Dictionary<string, HttpStatusCode>
        {
            [ScorecardFactory.Admin] = HttpStatusCode.OK,
            [ScorecardFactory.Hr] = HttpStatusCode.OK,
            [ScorecardFactory.Manager] = HttpStatusCode.Forbidden,
            [ScorecardFactory.Employee] = HttpStatusCode.Forbidden,
        };
        foreach (var (who, status) in expected)
        {
            var response = await (await factory.ClientForAsync(who)).GetAsync($"/api/v1/people/{sara}/roles");
            Assert.True(status == response.StatusCode, $"{who}: {(int)response.StatusCode}");
            if (status == HttpStatusCode.OK)
            {
                var body = await Json.ReadAsync(response);
                Assert.Equal(["HR"], body["roles"]!.AsArray().Select(r => r.Str()));
                Assert.Equal("active", body["account"].Str());
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/people/{sara}/roles")).StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_changes_roles_and_HR_cannot_grant_Admin()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var raj = await admin.PersonIdAsync(Raj);
        foreach (var who in new[] { ScorecardFactory.Hr, ScorecardFactory.Manager, ScorecardFactory.Employee })
        foreach (var role in new[] { "Admin", "HR" })
        {
            var refused = await (await factory.ClientForAsync(who)).PutRolesAsync(raj, role);
            Assert.True(HttpStatusCode.Forbidden == refused.StatusCode, $"{who} granting {role}: {(int)refused.StatusCode}");
        }
        var anonymous = await factory.CreateClient().PutRolesAsync(raj, "HR");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal([], (await admin.GetJsonAsync($"/api/v1/people/{raj}/roles"))["roles"]!.AsArray().Select(r => r.Str()));

        var granted = await admin.PutRolesAsync(raj, "hr");   // matched ignoring case, answered as "HR"
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(["HR"], (await Json.ReadAsync(granted))["roles"]!.AsArray().Select(r => r.Str()));
        var removed = await admin.PutRolesAsync(raj);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/people/{raj}/roles"))["roles"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_role_is_refused_naming_it_and_nothing_changes()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tomas = await admin.PersonIdAsync(ScorecardFactory.Employee);
        var response = await admin.PutRolesAsync(tomas, "HR", "Superuser");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("roles", problem["field"].Str());
        Assert.Contains("Superuser", problem["detail"].Str());
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/people/{tomas}/roles"))["roles"]!.AsArray());

        var missing = await admin.PutAsJsonAsync($"/api/v1/people/{tomas}/roles", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("roles", (await Json.ReadAsync(missing))["field"].Str());
    }

    [Fact]
    public async Task A_role_granted_before_the_invitation_waits_for_the_person_and_holds_once_they_set_a_password()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var unit = (await admin.GetJsonAsync("/api/v1/org-units"))["items"]![0]!["id"].Str();
        var created = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            email = "future.hr@brightline.example", name = "Future Hr", orgUnitId = unit, hireDate = "2024-01-01",
        });
        var id = (await Json.ReadAsync(created))["id"].Str();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRolesAsync(id, "HR")).StatusCode);
        var roles = await admin.GetJsonAsync($"/api/v1/people/{id}/roles");
        Assert.Equal("none", roles["account"].Str());                 // the role is held, but nobody can sign in with it yet
        Assert.Equal("HR", roles["roles"]![0].Str());
        var noPassword = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "future.hr@brightline.example", password = "" });
        Assert.NotEqual(HttpStatusCode.OK, noPassword.StatusCode);

        var invited = await admin.PostAsJsonAsync("/api/v1/accounts/invitations", new { personIds = new[] { id } });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);                // still invitable: no password yet
        var link = new Uri((await Json.ReadAsync(invited))[0]!["link"].Str()).PathAndQuery;
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync(link);
        var accepted = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(form), ["Password"] = "Future-Hr-Pass-2026", ["ConfirmPassword"] = "Future-Hr-Pass-2026",
        }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var me = await browser.GetJsonAsync("/api/v1/me");
        Assert.Contains("HR", me["roles"]!.AsArray().Select(r => r.Str()));
        Assert.Equal("active", (await admin.GetJsonAsync($"/api/v1/people/{id}/roles"))["account"].Str());
    }

    [Fact]
    public async Task A_role_change_is_audited_with_who_whom_before_and_after()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var kofi = await admin.PersonIdAsync("kofi.mensah@brightline.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRolesAsync(kofi, "HR", "Admin")).StatusCode);
        var maya = (await admin.GetJsonAsync("/api/v1/me"))["person"]!["id"].Str();

        var row = factory.Database.Column(
            $"SELECT \"ActorPersonId\" || '|' || \"Before\" || '|' || \"After\" FROM platform_audit_log WHERE \"Action\" = 'person.roles_changed' AND \"SubjectId\" = '{kofi}'");
        var entry = Assert.Single(row).Split('|');
        Assert.Equal(maya, entry[0], ignoreCase: true);
        Assert.Equal("[]", entry[1]);
        Assert.Equal("[\"Admin\",\"HR\"]", entry[2]);
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_next_request_of_an_existing_cookie_and_token()
    {
        const string oscar = "oscar.lind@brightline.example";
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var id = await admin.PersonIdAsync(oscar);
        var token = await factory.FreshBearerAsync(oscar);
        var cookie = await factory.SignedInPagesAsync(oscar);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/api/v1/people/{id}/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/directory")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutRolesAsync(id, "HR")).StatusCode);

        // The token and the cookie issued before the change act with the new role from their next request on.
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/v1/people/{id}/roles")).StatusCode);
        Assert.Contains("HR", (await token.GetJsonAsync("/api/v1/me"))["roles"]!.AsArray().Select(r => r.Str()));
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/admin/roles")).StatusCode);

        // Removing it takes effect the same way: a removed role never outlives the change.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRolesAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/api/v1/people/{id}/roles")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await cookie.GetAsync("/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/directory")).StatusCode);   // still signed in
    }
}
