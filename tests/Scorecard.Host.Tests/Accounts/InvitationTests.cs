using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scorecard.Host.Tests.Accounts;

public sealed class InvitationTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private const string NewPassword = "Invited-Person-2026";

    private async Task<string> NewPersonAsync(string email)
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var unit = (await hr.GetJsonAsync("/api/v1/org-units"))["items"]![0]!["id"].Str();
        var created = await hr.PostAsJsonAsync("/api/v1/people", new { email, name = email.Split('@')[0], orgUnitId = unit, hireDate = "2024-01-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json.ReadAsync(created))["id"].Str();
    }

    private async Task<HttpResponseMessage> InviteAsync(object body, string who = ScorecardFactory.Hr) =>
        await (await factory.ClientForAsync(who)).PostAsJsonAsync("/api/v1/accounts/invitations", body);

    private static string Token(string link) => link[(link.LastIndexOf('/') + 1)..];

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient browser, string path, string password, string confirm)
    {
        var form = await browser.GetStringAsync(path);
        return await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(form), ["Password"] = password, ["ConfirmPassword"] = confirm,
        }));
    }

    [Fact]
    public async Task A_selection_is_invited_with_links_stored_only_as_hashes_and_a_link_sets_the_password_once()
    {
        var ana = await NewPersonAsync("ana.invited@brightline.example");
        var ben = await NewPersonAsync("ben.invited@brightline.example");
        var response = await InviteAsync(new { personIds = new[] { ana, ben } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invitations = (await Json.ReadAsync(response)).AsArray();
        Assert.Equal([ana, ben], invitations.Select(i => i!["personId"].Str()));
        var link = invitations[0]!["link"].Str();
        Assert.Contains("/invitations/", link);
        var expiresAt = DateTimeOffset.Parse(invitations[0]!["expiresAt"].Str(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));

        var token = Token(link);
        var stored = factory.Database.Column("SELECT \"TokenHash\" FROM org_invitations");
        Assert.Contains(Hash(token), stored);
        Assert.DoesNotContain(stored, h => h.Contains(token, StringComparison.Ordinal));
        Assert.Equal(0, factory.Database.Count($"SELECT count(*) FROM org_invitations WHERE \"TokenHash\" = '{token}'"));

        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        Assert.Equal("invited", (await hr.GetJsonAsync($"/api/v1/people/{ana}/roles"))["account"].Str());

        var browser = Browser();
        var path = new Uri(link).PathAndQuery;
        var mismatch = await AcceptAsync(browser, path, NewPassword, NewPassword + "x");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var weak = await AcceptAsync(browser, path, "short", "short");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("at least 10 characters", await weak.Content.ReadAsStringAsync());

        var accepted = await AcceptAsync(browser, path, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);
        Assert.Equal("ana.invited@brightline.example", (await browser.GetJsonAsync("/api/v1/me"))["person"]!["email"].Str());   // signed in
        Assert.Equal("active", (await hr.GetJsonAsync($"/api/v1/people/{ana}/roles"))["account"].Str());
        var token2 = await factory.FreshBearerAsync("ana.invited@brightline.example", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await token2.GetAsync("/api/v1/me")).StatusCode);

        var reused = await Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("already used", await reused.Content.ReadAsStringAsync());
        var reusedPost = await Browser().PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.NotEqual(HttpStatusCode.Redirect, reusedPost.StatusCode);

        var again = await InviteAsync(new { personIds = new[] { ana } });   // has an account now
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task An_expired_or_replaced_link_gets_a_clear_page()
    {
        var cleo = await NewPersonAsync("cleo.invited@brightline.example");
        var first = Token((await Json.ReadAsync(await InviteAsync(new { personIds = new[] { cleo } }))).AsArray()[0]!["link"].Str());
        var second = Token((await Json.ReadAsync(await InviteAsync(new { personIds = new[] { cleo } }))).AsArray()[0]!["link"].Str());

        var replaced = await Browser().GetAsync($"/invitations/{first}");
        Assert.Equal(HttpStatusCode.Gone, replaced.StatusCode);
        Assert.Contains("replaced by a newer one", await replaced.Content.ReadAsStringAsync());

        factory.Database.Scalar($"UPDATE org_invitations SET \"ExpiresAt\" = '2020-01-01 00:00:00+00:00' WHERE \"TokenHash\" = '{Hash(second)}'");
        var expired = await Browser().GetAsync($"/invitations/{second}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("has expired", await expired.Content.ReadAsStringAsync());
        var post = await AcceptAsyncWithoutForm($"/invitations/{second}");
        Assert.Contains("has expired", await post.Content.ReadAsStringAsync());
        Assert.Equal(0, factory.Database.Count("SELECT count(*) FROM org_accounts WHERE \"Email\" = 'cleo.invited@brightline.example'"));
        Assert.Equal("none", (await (await factory.ClientForAsync(ScorecardFactory.Hr)).GetJsonAsync($"/api/v1/people/{cleo}/roles"))["account"].Str());

        var unknown = await Browser().GetAsync("/invitations/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<HttpResponseMessage> AcceptAsyncWithoutForm(string path)
    {
        // The form of a page opened while the link was open: the antiforgery token of another page does as well.
        var browser = Browser();
        var signIn = await browser.GetStringAsync("/account/sign-in");
        return await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(signIn), ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        }));
    }

    [Fact]
    public async Task Everyone_without_an_account_is_invited_as_JSON_or_CSV_and_the_refusals_are_clear()
    {
        var dan = await NewPersonAsync("dan.invited@brightline.example");
        var eve = await NewPersonAsync("=eve.invited@brightline.example");
        var gone = await NewPersonAsync("gone.invited@brightline.example");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        Assert.Equal(HttpStatusCode.OK, (await hr.PatchJsonAsync($"/api/v1/people/{gone}", new { active = false })).StatusCode);

        var left = await InviteAsync(new { personIds = new[] { dan, gone } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, left.StatusCode);
        Assert.Contains("has left", (await Json.ReadAsync(left))["detail"].Str());
        Assert.Equal(0, factory.Database.Count($"SELECT count(*) FROM org_invitations WHERE \"PersonId\" = '{Id(dan)}'"));   // nothing partly written

        var tomas = await hr.PersonIdAsync(ScorecardFactory.Employee);
        Assert.Equal(HttpStatusCode.Conflict, (await InviteAsync(new { personIds = new[] { tomas } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await InviteAsync(new { personIds = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await InviteAsync(new { allWithoutAccount = true }, ScorecardFactory.Employee)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts/invitations", new { allWithoutAccount = true })).StatusCode);

        var all = (await Json.ReadAsync(await InviteAsync(new { allWithoutAccount = true }))).AsArray().Select(i => i!["personId"].Str()).ToList();
        Assert.Contains(dan, all);
        Assert.Contains(eve, all);
        Assert.DoesNotContain(gone, all);
        Assert.DoesNotContain(tomas, all);

        var csv = await hr.PostAsJsonAsync("/api/v1/accounts/invitations?format=csv", new { personIds = new[] { dan, eve } });
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("personId,email,link,expiresAt", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{dan},dan.invited@brightline.example,http", lines[1]);
        Assert.Contains("/invitations/", lines[1]);
        Assert.DoesNotContain(",=eve", lines[2]);   // a formula-like value is escaped for spreadsheets
    }

    private string Id(string id) => factory.Database.Provider == Scorecard.Platform.Persistence.DatabaseProvider.Sqlite ? id.ToUpperInvariant() : id;
}
