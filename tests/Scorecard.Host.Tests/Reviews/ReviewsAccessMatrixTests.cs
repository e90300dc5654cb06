using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Host.Tests.Reviews;

/// <summary>
/// Every role against every resource, on the demo cycle (manager phase). Roles: the employee
/// (tomas.novak), a peer (aisha.bello, an approved peer of Tomas), the direct manager (priya.raman),
/// an indirect manager (daniel.okafor), HR (sara.nilsson), the admin (maya.lindqvist) and an unrelated
/// colleague (marcus.johnson).
/// </summary>
public sealed class ReviewsAccessMatrixTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static readonly string[] Roles = ["tomas.novak", "aisha.bello", "priya.raman", "daniel.okafor", "sara.nilsson", "maya.lindqvist", "marcus.johnson"];

    private async Task<string> DemoCycleAsync()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycles = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray();
        return cycles.Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
    }

    private async Task<string> DemoReviewAsync(string login)
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        return await hr.ReviewOfAsync(await DemoCycleAsync(), await factory.PersonAsync(login));
    }

    private async Task AssertMatrixAsync(Func<HttpClient, Task<HttpResponseMessage>> call, Dictionary<string, HttpStatusCode> expected)
    {
        var problems = new List<string>();
        foreach (var (login, status) in expected)
        {
            var response = await call(await factory.As(login));
            if (response.StatusCode != status)
                problems.Add($"{login}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static Dictionary<string, HttpStatusCode> Allow(params string[] allowed) =>
        Roles.ToDictionary(r => r, r => allowed.Contains(r) ? HttpStatusCode.OK : HttpStatusCode.Forbidden);

    [Fact]
    public async Task Reading_a_review_employee_managers_and_HR_only_and_the_manager_part_only_after_release()
    {
        var review = await DemoReviewAsync("tomas.novak");
        await AssertMatrixAsync(c => c.GetAsync($"/api/v1/reviews/{review}"),
            Allow("tomas.novak", "priya.raman", "daniel.okafor", "sara.nilsson", "maya.lindqvist"));

        var own = await (await factory.As("tomas.novak")).GetJsonAsync($"/api/v1/reviews/{review}");
        Assert.False(own["managerPartVisible"]!.GetValue<bool>());
        Assert.Null(own["overallRating"]);
        Assert.Null(own["narrative"]);
        Assert.Null(own["potential"]);
        foreach (var reader in new[] { "priya.raman", "daniel.okafor", "sara.nilsson" })
            Assert.Equal(5, (await (await factory.As(reader)).GetJsonAsync($"/api/v1/reviews/{review}"))["overallRating"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_evidence_panel_is_for_managers_and_HR()
    {
        var review = await DemoReviewAsync("tomas.novak");
        await AssertMatrixAsync(c => c.GetAsync($"/api/v1/reviews/{review}/evidence"),
            Allow("priya.raman", "daniel.okafor", "sara.nilsson", "maya.lindqvist"));
    }

    [Fact]
    public async Task Only_the_direct_manager_writes_the_manager_review_indirect_managers_read_only()
    {
        var review = await DemoReviewAsync("ryan.oconnell");   // a draft by jonas.berg in the demo
        var jonas = await factory.As("jonas.berg");
        var version = (await jonas.GetJsonAsync($"/api/v1/reviews/{review}"))["version"].Str();
        var body = new { overallRating = 3, narrative = "Shipped the settings page redesign.", version };
        var matrix = Roles.ToDictionary(r => r, _ => HttpStatusCode.Forbidden);
        await AssertMatrixAsync(c => c.PutAsJsonAsync($"/api/v1/reviews/{review}/manager", body), matrix);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.As("daniel.okafor")).PostAsync($"/api/v1/reviews/{review}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jonas.PutAsJsonAsync($"/api/v1/reviews/{review}/manager", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.As("daniel.okafor")).GetAsync($"/api/v1/reviews/{review}")).StatusCode);
    }

    [Fact]
    public async Task Review_lists_show_own_reports_and_for_HR_the_whole_cycle()
    {
        var cycle = await DemoCycleAsync();
        async Task<int> Count(string login) => (await (await factory.As(login)).GetJsonAsync($"/api/v1/reviews?cycleId={cycle}"))["total"]!.GetValue<int>();
        Assert.Equal(49, await Count("sara.nilsson"));
        Assert.Equal(7, await Count("priya.raman"));        // her six reports and her own
        Assert.Equal(1, await Count("tomas.novak"));
        Assert.Equal(9, await Count("marcus.johnson"));     // his own, two direct and six indirect reports
        Assert.Equal(14, await Count("daniel.okafor"));     // his own and the thirteen people below him in Engineering
    }

    [Fact]
    public async Task HR_only_resources_answer_403_to_everyone_else()
    {
        var cycle = await DemoCycleAsync();
        var hrOnly = Allow("sara.nilsson", "maya.lindqvist");
        await AssertMatrixAsync(c => c.GetAsync($"/api/v1/review-cycles/{cycle}/dashboard"), hrOnly);
        await AssertMatrixAsync(c => c.GetAsync($"/api/v1/review-cycles/{cycle}/export"), hrOnly);
        await AssertMatrixAsync(c => c.GetAsync($"/api/v1/review-cycles/{cycle}/calibration"), hrOnly);
        var review = await DemoReviewAsync("mei.chen");
        // In the manager phase an adjustment is a 409 for HR (wrong phase) and a 403 for everyone else.
        var adjust = Roles.ToDictionary(r => r, r => r is "sara.nilsson" or "maya.lindqvist" ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden);
        await AssertMatrixAsync(c => c.PostAsJsonAsync($"/api/v1/review-cycles/{cycle}/calibration/adjustments", new { reviewId = review, overallRating = 3, reason = "x" }), adjust);
        var launch = Roles.ToDictionary(r => r, r => r is "sara.nilsson" or "maya.lindqvist" ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden);
        await AssertMatrixAsync(c => c.PostAsync($"/api/v1/review-cycles/{cycle}/launch", null), launch);
        await AssertMatrixAsync(c => c.PostAsJsonAsync("/api/v1/review-templates", ReviewsTestKit.TemplateBody()),
            Roles.ToDictionary(r => r, r => r is "sara.nilsson" or "maya.lindqvist" ? HttpStatusCode.Created : HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Release_and_acknowledge_belong_to_HR_or_the_manager_and_to_the_employee()
    {
        var review = await DemoReviewAsync("tomas.novak");
        // In the manager phase: release is 409 for those allowed, 403 for others; acknowledge is 409 for Tomas only.
        await AssertMatrixAsync(c => c.PostAsync($"/api/v1/reviews/{review}/release", null),
            Roles.ToDictionary(r => r, r => r is "priya.raman" or "sara.nilsson" or "maya.lindqvist" ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden));
        await AssertMatrixAsync(c => c.PostAsJsonAsync($"/api/v1/reviews/{review}/acknowledge", new { comment = "ok" }),
            Roles.ToDictionary(r => r, r => r == "tomas.novak" ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Feedback_is_read_by_visibility_and_a_peer_sees_only_what_they_wrote()
    {
        var tomas = await factory.PersonAsync("tomas.novak");
        async Task<List<string>> Texts(string login) =>
            (await (await factory.As(login)).GetJsonAsync($"/api/v1/people/{tomas}/feedback?limit=1000"))["items"]!.AsArray().Select(f => f!["text"].Str()).ToList();
        const string privateToManager = "Always works so hard and puts in long hours, very dedicated.";
        const string sharedByMei = "Your runbook for the cache cluster let me resolve the May 12 incident in 20 minutes without paging you.";
        const string sharedByAisha = "Great job, team player.";
        const string publicPraise = "Led the Postgres 16 upgrade with zero downtime across 3 regions.";

        var employee = await Texts("tomas.novak");
        Assert.DoesNotContain(privateToManager, employee);
        Assert.Contains(sharedByMei, employee);
        Assert.Contains(publicPraise, employee);
        foreach (var manager in new[] { "priya.raman", "daniel.okafor", "sara.nilsson" })
            Assert.Contains(privateToManager, await Texts(manager));
        var peer = await Texts("aisha.bello");
        Assert.Contains(sharedByAisha, peer);
        Assert.Contains(publicPraise, peer);
        Assert.DoesNotContain(sharedByMei, peer);
        Assert.DoesNotContain(privateToManager, peer);
        var colleague = await Texts("marcus.johnson");
        Assert.All(colleague, t => Assert.True(t == publicPraise || t.StartsWith("Cut the p95", StringComparison.Ordinal), t));

        var wall = await (await factory.As("marcus.johnson")).GetJsonAsync("/api/v1/feedback/wall?limit=1000");
        Assert.All(wall["items"]!.AsArray(), f => Assert.Equal("public", f!["visibility"].Str()));
        Assert.Contains(wall["items"]!.AsArray(), f => f!["text"].Str() == publicPraise);
    }

    [Fact]
    public async Task Private_notes_are_read_only_by_the_manager_who_wrote_them()
    {
        var lukas = await factory.PersonAsync("lukas.schmidt");
        var priyaNotes = await (await factory.As("priya.raman")).GetJsonAsync($"/api/v1/people/{lukas}/notes");
        Assert.Single(priyaNotes.AsArray());
        foreach (var other in new[] { "daniel.okafor", "sara.nilsson", "lukas.schmidt", "aisha.bello" })
            Assert.Empty((await (await factory.As(other)).GetJsonAsync($"/api/v1/people/{lukas}/notes")).AsArray());
        var feedback = await (await factory.As("lukas.schmidt")).GetStringAsync($"/api/v1/people/{lukas}/feedback");
        Assert.DoesNotContain("staging budget", feedback);
        var peerNote = await (await factory.As("aisha.bello")).PostAsJsonAsync($"/api/v1/people/{lukas}/notes", new { text = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, peerNote.StatusCode);
        var managerNote = await (await factory.As("daniel.okafor")).PostAsJsonAsync($"/api/v1/people/{lukas}/notes", new { text = "Skip-level: wants to mentor." });
        Assert.Equal(HttpStatusCode.Created, managerNote.StatusCode);
    }

    [Fact]
    public async Task Nobody_sees_who_wrote_peer_feedback()
    {
        var review = await DemoReviewAsync("tomas.novak");
        var authors = new[] { "aisha.bello", "lukas.schmidt", "mei.chen" };
        foreach (var login in Roles)
        {
            var client = await factory.As(login);
            foreach (var url in new[] { $"/api/v1/reviews/{review}", $"/api/v1/reviews/{review}/evidence", "/api/v1/peer-requests", "/api/v1/feedback/mine" })
            {
                var response = await client.GetAsync(url);
                if (!response.IsSuccessStatusCode) continue;
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("authorId", body, StringComparison.OrdinalIgnoreCase);
                var node = JsonNode.Parse(body)!;
                if (node is JsonObject o && o["peerFeedback"] is { } pf)
                    Assert.All(pf["items"]!.AsArray(), i => Assert.Equal(["id", "text"], i!.AsObject().Select(p => p.Key).OrderBy(k => k)));
            }
        }
        var csv = await (await factory.ClientForAsync(ScorecardFactory.Hr)).GetStringAsync($"/api/v1/review-cycles/{await DemoCycleAsync()}/export");
        Assert.DoesNotContain("Tomas's build cache work", csv);
        var evidence = await (await factory.As("priya.raman")).GetJsonAsync($"/api/v1/reviews/{review}/evidence");
        var peerItems = evidence["items"]!.AsArray().Where(i => i!["kind"].Str() == "peer_feedback").ToList();
        Assert.Equal(3, peerItems.Count);
        foreach (var author in authors)
        {
            var id = (await factory.PersonAsync(author)).ToString();
            var name = string.Join(' ', author.Split('.').Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
            Assert.All(peerItems, i => Assert.DoesNotContain(name, i!["text"].Str()));
            Assert.All(peerItems, i => Assert.DoesNotContain(id, i!.ToJsonString()));
        }
    }
}
