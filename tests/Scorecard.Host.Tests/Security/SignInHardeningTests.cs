using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Scorecard.Host.Tests.Security;

/// <summary>Clients told apart by X-Forwarded-For (the host trusts the proxy), with the real sign-in limit.</summary>
public sealed class BehindProxyFactory : ScorecardFactory
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Scorecard:Proxy:TrustAll"] = "true",
        ["Scorecard:SignIn:AttemptsPerMinute"] = "20",
    };
}

public sealed class SignInHardeningTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    private HttpClient From(string address)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    [Fact]
    public async Task An_anonymous_guesser_cannot_lock_a_person_out_and_live_sessions_go_on()
    {
        const string email = "olivia.brennan@brightline.example";
        var own = await TokenAsync(From("198.51.100.10"), email, ScorecardFactory.DemoPassword);
        var session = new HttpClient(factory.Server.CreateHandler()) { BaseAddress = factory.Server.BaseAddress };
        session.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Json.ReadAsync(own))["accessToken"].Str());

        var attacker = From("203.0.113.66");
        for (var i = 0; i < 7; i++) await TokenAsync(attacker, email, "guess-" + i);
        var attackerWithRightPassword = await TokenAsync(attacker, email, ScorecardFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, attackerWithRightPassword.StatusCode);
        Assert.Contains("locked", (await Json.ReadAsync(attackerWithRightPassword))["detail"].Str());

        // The person, from their own address, signs in as usual, and their open session was never ended.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(From("198.51.100.10"), email, ScorecardFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Past_the_limit_an_address_gets_429_with_retry_after_and_other_addresses_do_not()
    {
        var busy = From("203.0.113.77");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 25 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            last = await TokenAsync(busy, $"nobody{i}@example.org", "whatever-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(From("198.51.100.20"), ScorecardFactory.Hr, ScorecardFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Known_and_unknown_e_mails_get_the_same_answer_in_comparable_time()
    {
        var client = From("198.51.100.30");
        await TokenAsync(client, "warm.up@example.org", "x-password");   // JIT and first hash out of the way
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var a = await TokenAsync(client, ScorecardFactory.Manager, "wrong-password-" + i);
            known.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var b = await TokenAsync(client, $"no.such.person{i}@brightline.example", "wrong-password-" + i);
            unknown.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(a.StatusCode, b.StatusCode);
            Assert.Equal((await Json.ReadAsync(a))["detail"].Str(), (await Json.ReadAsync(b))["detail"].Str());
        }
        // Not a timing benchmark: both paths hash a password, so the unknown e-mail is not an order of magnitude faster.
        Assert.True(unknown.Min() * 4 > known.Min(), $"known {known.Min():0} ms, unknown {unknown.Min():0} ms");
    }

    [Fact]
    public async Task Someone_who_left_is_told_so_only_after_the_right_password()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var person = (await hr.GetJsonAsync("/api/v1/people?search=lucy.evans"))["items"]![0]!;
        (await hr.PatchJsonAsync($"/api/v1/people/{person["id"].Str()}", new { active = false })).EnsureSuccessStatusCode();
        var client = From("198.51.100.40");
        var wrong = await TokenAsync(client, person["email"].Str(), "not-the-password");
        Assert.Equal("Wrong e-mail or password.", (await Json.ReadAsync(wrong))["detail"].Str());
        var right = await TokenAsync(client, person["email"].Str(), ScorecardFactory.DemoPassword);
        Assert.Contains("left the organization", (await Json.ReadAsync(right))["detail"].Str());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_good_and_cookie_only_api_writes_need_the_antiforgery_token()
    {
        var browser = From("198.51.100.50");
        var page = await browser.GetAsync("/account/sign-in");
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            ["Email"] = ScorecardFactory.Employee, ["Password"] = ScorecardFactory.DemoPassword,
        });
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = form };
        signIn.Headers.Add("Cookie", cookies);
        var signedIn = await browser.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("scorecard.auth=", StringComparison.Ordinal));
        var session = cookies + "; " + auth;

        // With the cookie alone, a state-changing API request is refused — whatever its content type.
        using (var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback/language-check") { Content = JsonContent.Create(new { text = "ok" }) })
        {
            write.Headers.Add("Cookie", session);
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(write)).StatusCode);
        }
        // With the page's token in the header, as the pages' scripts send it, it goes through.
        var feedbackPage = await Send(browser, HttpMethod.Get, "/feedback", session);
        using (var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback/language-check") { Content = JsonContent.Create(new { text = "ok" }) })
        {
            write.Headers.Add("Cookie", session);
            write.Headers.Add("RequestVerificationToken", PageForms.AntiforgeryToken(await feedbackPage.Content.ReadAsStringAsync()));
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(write)).StatusCode);
        }

        var signOutToken = PageForms.AntiforgeryToken(await (await Send(browser, HttpMethod.Get, "/feedback", session)).Content.ReadAsStringAsync());
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out")
               { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = signOutToken }) })
        {
            signOut.Headers.Add("Cookie", session);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(signOut)).StatusCode);
        }
        // The cookie as it was before signing out (a copy kept by an attacker) no longer opens anything.
        var replay = await Send(browser, HttpMethod.Get, "/api/v1/me", session);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Pages_and_the_api_carry_the_security_headers()
    {
        foreach (var path in new[] { "/account/sign-in", "/health", "/api/v1/me" })
        {
            var response = await From("198.51.100.60").GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline' ;", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
        // Behind a TLS-terminating proxy the auth cookie is Secure.
        var https = From("198.51.100.61");
        https.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        https.DefaultRequestHeaders.Host = "scorecard.example.org";   // HSTS is never sent for localhost
        var page = await https.GetAsync("/account/sign-in");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            ["Email"] = ScorecardFactory.Hr, ["Password"] = ScorecardFactory.DemoPassword,
        });
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = form };
        signIn.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signedIn = await https.SendAsync(signIn);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("scorecard.auth=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(signedIn.Headers.Contains("Strict-Transport-Security"));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string cookies)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

}
