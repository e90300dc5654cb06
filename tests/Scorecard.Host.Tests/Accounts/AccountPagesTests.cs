using System.Net;

namespace Scorecard.Host.Tests.Accounts;

/// <summary>The account card of the profile, the roles page and the invitation page, as each role sees them.</summary>
public sealed class AccountPagesTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task The_profile_shows_the_account_state_and_only_the_actions_that_apply()
    {
        var api = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tomas = await api.PersonIdAsync(ScorecardFactory.Employee);

        var admin = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var asAdmin = await admin.GetStringAsync($"/people/{tomas}");
        Assert.Contains("<strong id=\"account-state\">active</strong>", asAdmin);
        Assert.Contains("name=\"roles\" value=\"HR\"", asAdmin);         // an administrator changes roles
        Assert.DoesNotContain("Create account", asAdmin);                 // he has one
        Assert.DoesNotContain($"/people/{tomas}/invite", asAdmin);

        var hr = await factory.SignedInPagesAsync(ScorecardFactory.Hr);
        var asHr = await hr.GetStringAsync($"/people/{tomas}");
        Assert.Contains("Roles: none", asHr);                             // HR sees roles
        Assert.DoesNotContain("name=\"roles\"", asHr);                    // but does not change them

        var employee = await factory.SignedInPagesAsync(ScorecardFactory.Employee);
        Assert.DoesNotContain("account-state", await employee.GetStringAsync($"/people/{tomas}"));
        foreach (var page in new[] { "/admin/roles", "/people/invite", "/people/new" })
        {
            var refused = await employee.GetAsync(page);
            Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{page}: {(int)refused.StatusCode}");
            if (refused.StatusCode == HttpStatusCode.Redirect) Assert.Contains("access-denied", refused.Headers.Location!.OriginalString);
        }
        var roles = await hr.GetStringAsync("/admin/roles");
        Assert.Contains("Maya Lindqvist", roles);
        Assert.Contains("Sara Nilsson", roles);
    }

    [Fact]
    public async Task HR_adds_a_person_by_hand_and_invites_them_from_the_pages_with_a_CSV_download()
    {
        var hr = await factory.SignedInPagesAsync(ScorecardFactory.Hr);
        var form = await hr.GetStringAsync("/people/new");
        var unit = await hr.UnitIdAsync("Engineering");
        var created = await hr.PostAsync("/people/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(form),
            ["Name"] = "Page Person", ["Email"] = "page.person@brightline.example", ["JobTitle"] = "Analyst",
            ["OrgUnitId"] = unit, ["ManagerId"] = "", ["HireDate"] = "2025-03-01",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var profile = await hr.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("<strong id=\"account-state\">none</strong>", profile);
        Assert.Contains("Create account", profile);

        var invitePage = await hr.GetStringAsync("/people/invite");
        Assert.Contains("Page Person", invitePage);
        var personId = created.Headers.Location!.OriginalString.Split('/').Last();
        var csv = await hr.PostAsync("/people/invite", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", PageForms.AntiforgeryToken(invitePage)),
            new("personIds", personId), new("scope", "selected"), new("csv", "true"),
        ]));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("page.person@brightline.example", await csv.Content.ReadAsStringAsync());
        Assert.Contains("<strong id=\"account-state\">invited</strong>", await hr.GetStringAsync($"/people/{personId}"));

        var nobody = await hr.PostAsync("/people/invite", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", PageForms.AntiforgeryToken(invitePage)), new("scope", "selected"),
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("personIds is required", await nobody.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_who_changes_their_own_roles_on_the_page_stays_signed_in_with_the_new_ones()
    {
        var maya = await factory.SignedInPagesAsync(ScorecardFactory.Admin);
        var me = (await maya.GetJsonAsync("/api/v1/me"))["person"]!["id"].Str();
        var profile = await maya.GetStringAsync($"/people/{me}");
        var saved = await maya.PostAsync($"/people/{me}/roles", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", PageForms.AntiforgeryToken(profile)), new("roles", "Admin"), new("roles", "HR"),
        ]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Roles saved.", await saved.Content.ReadAsStringAsync());
        Assert.Equal(["Admin", "HR"], (await maya.GetJsonAsync("/api/v1/me"))["roles"]!.AsArray().Select(r => r.Str()));

        // Losing Admin as the last administrator is refused on the page too, and changes nothing.
        var refused = await maya.PostAsync($"/people/{me}/roles", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", PageForms.AntiforgeryToken(profile)), new("roles", "HR"),
        ]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("At least one active administrator", await refused.Content.ReadAsStringAsync());
        Assert.Equal(["Admin", "HR"], (await maya.GetJsonAsync("/api/v1/me"))["roles"]!.AsArray().Select(r => r.Str()));
    }
}
