using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Scorecard.Host.Tests;

public sealed class AccountLifecycleTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private async Task<HttpResponseMessage> TokenAsync(string email, string password = ScorecardFactory.DemoPassword) =>
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Someone_who_has_left_loses_access_at_once_and_cannot_sign_in_again()
    {
        const string email = "oscar.lind@brightline.example";
        var token = (await Json.ReadAsync(await TokenAsync(email)))["accessToken"].Str();
        var oscar = Bearer(token);
        var me = await oscar.GetJsonAsync("/api/v1/me");

        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var left = await hr.PatchJsonAsync($"/api/v1/people/{me["person"]!["id"].Str()}", new { active = false });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await oscar.GetAsync("/api/v1/me")).StatusCode);
        var again = await TokenAsync(email);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("left", (await Json.ReadAsync(again))["detail"].Str());
    }

    [Fact]
    public async Task A_changed_e_mail_moves_the_account_with_it()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var kofi = (await hr.GetJsonAsync("/api/v1/people?search=kofi.mensah"))["items"]![0]!;
        var patch = await hr.PatchJsonAsync($"/api/v1/people/{kofi["id"].Str()}", new { email = "kofi.m@brightline.example" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("kofi.mensah@brightline.example")).StatusCode);
        var renewed = await TokenAsync("kofi.m@brightline.example");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var me = await Bearer((await Json.ReadAsync(renewed))["accessToken"].Str()).GetJsonAsync("/api/v1/me");
        Assert.Equal("Kofi Mensah", me["person"]!["name"].Str());
    }

    [Fact]
    public async Task The_sign_in_page_locks_the_account_after_five_failures()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        const string email = "raj.patel@brightline.example";
        async Task<string> PostAsync(string password)
        {
            var page = await client.GetStringAsync("/account/sign-in");
            var token = PageForms.AntiforgeryToken(page);
            var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = password,
            }));
            return response.StatusCode == HttpStatusCode.Redirect ? "redirect" : await response.Content.ReadAsStringAsync();
        }

        for (var i = 0; i < 4; i++) Assert.Contains("Wrong e-mail or password", await PostAsync("wrong-" + i));
        Assert.Contains("locked", await PostAsync("wrong-5"));                      // the fifth failure locks
        Assert.Contains("locked", await PostAsync(ScorecardFactory.DemoPassword));  // and the right password no longer opens it
    }

    [Fact]
    public async Task The_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        var response = await factory.CreateClient().PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = ScorecardFactory.Hr, ["Password"] = ScorecardFactory.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
