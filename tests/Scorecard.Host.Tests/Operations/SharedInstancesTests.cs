using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Scorecard.Testing;

namespace Scorecard.Host.Tests.Operations;

/// <summary>
/// Two instances behind a load balancer share nothing but the PostgreSQL database: started at the same
/// moment on an empty database, they migrate and seed once, read each other's tokens, cookies and form
/// tokens, and run each background job once.
/// </summary>
public sealed class SharedInstancesTests
{
    [Fact]
    public async Task Two_instances_started_together_on_one_empty_postgresql_database_behave_as_one()
    {
        await using var database = TestDatabase.CreatePostgres("twins");
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Scorecard"] = database.ConnectionString };
        var starting = new[] { HostProcess.StartAsync(environment), HostProcess.StartAsync(environment) };
        await Task.WhenAll(starting);
        await using var a = await starting[0];
        await using var b = await starting[1];

        foreach (var host in new[] { a, b })
        {
            using var http = host.Client();
            Assert.Equal("Healthy", await http.GetStringAsync("/health/ready"));
        }

        // The demo is seeded once.
        Assert.Equal(49, database.Count("SELECT count(*) FROM org_people"));
        Assert.Equal(99, database.Count("SELECT count(*) FROM okr_objectives"));
        Assert.Equal(2, database.Count("SELECT count(*) FROM reviews_cycles"));   // H1 and H2 2026
        var keys = database.Column("SELECT \"Xml\" FROM platform_data_protection_keys");
        Assert.True(keys.Count == 1, string.Join(Environment.NewLine, keys.Concat(a.Output).Concat(["----"]).Concat(b.Output)));
        // A first start on an empty database is quiet: no error lines for the migration history tables it has yet to create.
        Assert.DoesNotContain(a.Output.Concat(b.Output), line => line.StartsWith("fail:", StringComparison.Ordinal));

        // A bearer token made by A is accepted by B.
        using var clientA = a.Client();
        using var clientB = b.Client();
        var token = await clientA.PostAsJsonAsync("/api/v1/auth/token", new { email = ScorecardFactory.Employee, password = ScorecardFactory.DemoPassword });
        token.EnsureSuccessStatusCode();
        var accessToken = (await Json.ReadAsync(token))["accessToken"].Str();
        using (var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me"))
        {
            me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            Assert.Equal(HttpStatusCode.OK, (await clientB.SendAsync(me)).StatusCode);
        }

        // Signed in on A through the form: the cookie opens pages on B, and a form read on A is posted to B.
        var cookies = new CookieJar();
        var signInPage = await cookies.SendAsync(clientA, HttpMethod.Get, "/account/sign-in");
        var signIn = await cookies.SendAsync(clientA, HttpMethod.Post, "/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = ScorecardFactory.Employee,
            ["Password"] = ScorecardFactory.DemoPassword,
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await signInPage.Content.ReadAsStringAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var feedbackPage = await cookies.SendAsync(clientB, HttpMethod.Get, "/feedback");
        Assert.Equal(HttpStatusCode.OK, feedbackPage.StatusCode);
        var formOnA = await cookies.SendAsync(clientA, HttpMethod.Get, "/feedback");
        var managerId = database.Scalar("SELECT \"Id\" FROM org_people WHERE \"Email\" = 'priya.raman@brightline.example'")!.ToString()!;
        var posted = await cookies.SendAsync(clientB, HttpMethod.Post, "/feedback", new Dictionary<string, string>
        {
            ["toPersonId"] = managerId,
            ["text"] = "Posted to the other instance: thanks for the clear release plan, it cut our rollout time.",
            ["visibility"] = "shared",
            ["kind"] = "feedback",
            ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await formOnA.Content.ReadAsStringAsync()),
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Feedback sent.", await posted.Content.ReadAsStringAsync());
        Assert.Equal(1, database.Count("SELECT count(*) FROM reviews_feedback WHERE \"Text\" LIKE 'Posted to the other instance%'"));

        // Each reminder job ran once for its time slot, on one of the two instances.
        foreach (var job in new[] { "reviews.reminders", "strategy.kpi-reminders" })
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (database.Count($"SELECT count(*) FROM platform_job_runs WHERE \"Job\" = '{job}' AND \"FinishedAt\" IS NOT NULL") == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The job {job} never finished.");
                await Task.Delay(250);
            }
            var slots = database.Count($"SELECT count(*) FROM platform_job_runs WHERE \"Job\" = '{job}'");
            var runs = a.Output.Concat(b.Output).Count(l => l.Contains($"The job {job} ran", StringComparison.Ordinal));
            Assert.Equal(slots, runs);
        }
    }


    /// <summary>One browser's cookies, sent to whichever instance the request goes to.</summary>
    private sealed class CookieJar
    {
        private readonly CookieContainer _cookies = new();

        public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Dictionary<string, string>? form = null)
        {
            var request = new HttpRequestMessage(method, path);
            if (form is not null) request.Content = new FormUrlEncodedContent(form);
            // Both instances are 127.0.0.1: the cookies are kept for the host, whatever the port, as a browser does.
            var header = _cookies.GetCookieHeader(new Uri("http://127.0.0.1/"));
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var cookie in set) _cookies.SetCookies(new Uri("http://127.0.0.1/"), cookie);
            return response;
        }
    }
}
