using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Reviews;

namespace Scorecard.Host.Tests;

/// <summary>Issue 9, point 6: the home page and <c>GET /api/v1/me/todos</c> list the signed-in person's work.</summary>
public sealed class MyWorkTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private static JsonArray Items(JsonNode work) => work["items"]!.AsArray();

    private static IEnumerable<JsonNode> OfKind(JsonNode work, string kind) => Items(work).Where(i => i!["kind"].Str() == kind)!;

    [Fact]
    public async Task A_feedback_request_is_on_the_asked_persons_list_until_it_is_answered()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var raj = await factory.ClientForAsync("raj.patel@brightline.example");
        var rajId = (await raj.GetJsonAsync("/api/v1/me"))["person"]!["id"].Str();
        var request = await tomas.PostOkAsync("/api/v1/feedback-requests", new { toPersonId = rajId, question = "How did my on-call handover go?" });

        var todo = Assert.Single(OfKind(await raj.GetJsonAsync("/api/v1/me/todos"), "feedback-request"),
            t => t["detail"].Str() == "How did my on-call handover go?");
        Assert.Equal("Tomas Novak asked for your feedback", todo["title"].Str());
        Assert.Equal("/feedback", todo["link"].Str());
        Assert.DoesNotContain(OfKind(await tomas.GetJsonAsync("/api/v1/me/todos"), "feedback-request"),
            t => t["detail"].Str() == "How did my on-call handover go?");

        var tomasId = (await tomas.GetJsonAsync("/api/v1/me"))["person"]!["id"].Str();
        await raj.PostOkAsync("/api/v1/feedback", new { toPersonId = tomasId, text = "The handover notes named every open incident and its owner.",
            visibility = "shared", kind = "feedback", requestId = request["id"].Str() });
        Assert.DoesNotContain(OfKind(await raj.GetJsonAsync("/api/v1/me/todos"), "feedback-request"),
            t => t["detail"].Str() == "How did my on-call handover go?");
    }

    [Fact]
    public async Task A_key_result_without_a_check_in_this_week_is_due_and_a_check_in_takes_it_off()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = $"{today.Year}-Q{(today.Month - 1) / 3 + 1}";
        var goal = await tomas.PostOkAsync("/api/v1/okr/objectives", new { title = "Cut flaky tests in the build", level = "individual", period });
        var withKr = await tomas.PostOkAsync($"/api/v1/okr/objectives/{goal["id"].Str()}/key-results",
            new { title = "Flaky tests per week", kind = "metric", start = 12, target = 2 });
        var kr = withKr["keyResults"]!.AsArray().Single(k => k!["title"].Str() == "Flaky tests per week")!["id"].Str();
        // A quarter that started today has nothing due yet; otherwise the key result waits for its first check-in.
        var due = OfKind(await tomas.GetJsonAsync("/api/v1/me/todos"), "check-in").Where(t => t["title"].Str() == "Check in on \"Flaky tests per week\"").ToList();
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        if (today.DayNumber - quarterStart.DayNumber >= 7)
        {
            var item = Assert.Single(due);
            Assert.Equal($"/okr/objectives/{goal["id"].Str()}", item["link"].Str());
            Assert.Equal(quarterStart.AddDays(7).ToString("yyyy-MM-dd"), item["due"].Str());
        }

        await tomas.PostOkAsync($"/api/v1/okr/key-results/{kr}/check-ins", new { value = 9, confidence = 6 });
        Assert.DoesNotContain(OfKind(await tomas.GetJsonAsync("/api/v1/me/todos"), "check-in"),
            t => t["title"].Str() == "Check in on \"Flaky tests per week\"");
    }

    [Fact]
    public async Task A_manager_sees_the_reviews_to_write_and_HR_sees_each_open_cycles_completion()
    {
        var jonas = await factory.ClientForAsync("jonas.berg@brightline.example");   // one review left in draft in the demo
        var review = Assert.Single(OfKind(await jonas.GetJsonAsync("/api/v1/me/todos"), "manager-review"));
        Assert.StartsWith("/reviews/", review["link"].Str());
        Assert.Equal("Review Ryan O'Connell — H2 2026 review", review["title"].Str());
        Assert.Equal("draft saved", review["detail"].Str());
        var priya = await factory.ClientForAsync(ScorecardFactory.Manager);   // all of hers submitted
        Assert.Empty(OfKind(await priya.GetJsonAsync("/api/v1/me/todos"), "manager-review"));

        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        Assert.Empty(OfKind(await tomas.GetJsonAsync("/api/v1/me/todos"), "manager-review"));
        Assert.Empty(OfKind(await tomas.GetJsonAsync("/api/v1/me/todos"), "cycle"));

        var sara = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = Assert.Single(OfKind(await sara.GetJsonAsync("/api/v1/me/todos"), "cycle"));
        Assert.Matches(@"^H2 2026 review: manager phase, \d+ of \d+ manager reviews submitted$", cycle["title"].Str());
        Assert.Null((await sara.GetJsonAsync("/api/v1/me/todos"))["setup"]);   // the checklist is for administrators
    }

    [Fact]
    public async Task The_home_page_shows_the_same_list_and_a_set_up_demo_has_no_checklist()
    {
        var pages = await factory.SignedInPagesAsync("jonas.berg@brightline.example");
        var home = await pages.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("<h1>My work</h1>", html);
        Assert.Contains("Review Ryan O&#x27;Connell", html);

        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        Assert.Null((await admin.GetJsonAsync("/api/v1/me/todos"))["setup"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/me/todos")).StatusCode);
    }
}

/// <summary>On an empty install the administrator's home page is the setup checklist.</summary>
public sealed class MyWorkSetupTests(BootstrapFactory factory) : IClassFixture<BootstrapFactory>
{
    [Fact]
    public async Task The_bootstrap_administrator_sees_every_setup_step_open()
    {
        var admin = await factory.ClientForAsync("admin@example.org", "Bootstrap-Admin-2026");
        var work = await admin.GetJsonAsync("/api/v1/me/todos");
        Assert.Empty(work["items"]!.AsArray());
        var steps = work["setup"]!.AsArray().Select(s => (s!["key"].Str(), s["done"]!.GetValue<bool>())).ToList();
        Assert.Equal([("company", false), ("people", false), ("hr", false), ("scorecard", false), ("cycle", false)], steps);

        var setup = await admin.PostAsJsonAsync("/api/v1/setup", new { companyName = "Acme", name = "Ada Admin", jobTitle = "COO" });
        Assert.True(setup.IsSuccessStatusCode, await setup.Content.ReadAsStringAsync());
        var pages = await factory.SignedInPagesAsync("admin@example.org", "Bootstrap-Admin-2026");
        var home = await pages.GetStringAsync("/");
        Assert.Contains("Set up Scorecard", home);
        Assert.Contains("data-step=\"company\"", home);
        Assert.Matches("class=\"done\" data-step=\"company\"", home);
        Assert.Matches("class=\"open\" data-step=\"hr\"", home);
    }
}
