using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Host.Tests.Reviews;

namespace Scorecard.Host.Tests.Ai;

/// <summary>
/// Confidentiality and integrity through the real host with a model at a loopback server: what leaves the process,
/// what reaches a draft and a submitted review, and that a bias check never fails because of the model.
/// </summary>
public sealed class AiTrustHostTests(ModelHostFactory factory) : IClassFixture<ModelHostFactory>
{
    /// <summary>Every directory person's names (full, first, last) and e-mail, from the people API.</summary>
    private async Task<IReadOnlyList<string>> DirectoryIdentifiersAsync()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var people = (await hr.GetJsonAsync("/api/v1/people?pageSize=200"))["items"]!.AsArray();
        Assert.True(people.Count >= 40, $"only {people.Count} people listed");
        return [.. people.SelectMany(p => new[] { p!["name"].Str(), p["email"].Str() }.Concat(p["name"].Str().Split(' ')))
            .Where(s => s.Length >= 3).Distinct()];
    }

    private static string Decoded(string body) =>
        string.Join("\n", JsonDocument.Parse(body).RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));

    [Fact]
    public async Task Private_feedback_never_reaches_a_draft_or_a_submitted_review_and_no_directory_name_leaves_the_process()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var priya = await factory.As("priya.raman");
        var tomas = await factory.As("tomas.novak");
        var sana = await factory.As("sana.iqbal");
        var tomasId = await factory.PersonAsync("tomas.novak");
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Platform");
        var reviewId = await hr.ReviewOfAsync(cycleId, tomasId);
        var loaded = await tomas.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        var questions = loaded["questions"]!.AsArray().Select(q => q!["id"].Str()).ToList();
        await tomas.PutOkAsync($"/api/v1/reviews/{reviewId}/self", new
        {
            answers = new[] { new { questionId = questions[0], text = "Shipped the failover with Lukas and Ben Harris; @sana reviewed it; Tomáš's runbook (tomas.novak) is the base. Nadia Karim's team uses it." } },
        });
        const string privateText = "Private to you: Tomas missed the on-call handover twice and we agreed a plan.";
        await priya.PostOkAsync("/api/v1/feedback", new { toPersonId = tomasId, text = privateText, visibility = "private", kind = "feedback" });
        await sana.PostOkAsync("/api/v1/feedback", new { toPersonId = tomasId, text = "Clear write-up of the March outage; Aisha Bello and I reused it.", visibility = "shared", kind = "feedback" });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "self" });
        await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/advance", new { from = "peer" });
        var before = factory.ModelServer.RequestBodies.Count;

        // The model fails: the offline draft. Either way, no private text and no author of it in the draft.
        factory.ModelServer.Enqueue(FakeOpenAIServer.Status(500));
        var draft = await priya.PostOkAsync($"/api/v1/reviews/{reviewId}/draft");
        Assert.Equal("offline", draft["provider"].Str());
        Assert.DoesNotContain("on-call handover", draft["text"].Str());
        Assert.DoesNotContain("on-call handover", draft.ToJsonString());
        Assert.DoesNotContain("[evidence:", draft["text"].Str());
        Assert.Contains(draft["warnings"]!.AsArray(), w => w.Str().StartsWith("Manager-only: ") && w.Str().Contains("private feedback item(s) or note(s) are not in this draft"));

        // What went to the model: no directory person in any form, and not the private feedback.
        var sent = factory.ModelServer.RequestBodies.Skip(before).ToList();
        Assert.Single(sent);
        var decoded = Decoded(sent[0]);
        Assert.DoesNotContain("on-call handover", decoded);
        foreach (var identifier in (await DirectoryIdentifiersAsync()).Concat(["Tomáš", "@sana", "tomas.novak", "brightline"]))
            Assert.False(decoded.Contains(identifier, StringComparison.OrdinalIgnoreCase), $"'{identifier}' left the process");

        // A narrative that repeats the private feedback cannot be submitted (so it can never be released).
        var competencies = loaded["competencies"]!.AsArray().Select(c => c!["id"].Str()).ToList();
        var manager = await priya.GetJsonAsync($"/api/v1/reviews/{reviewId}");
        await priya.PutOkAsync($"/api/v1/reviews/{reviewId}/manager", new
        {
            ratings = competencies.Select(c => new { competencyId = c, rating = 3 }).ToArray(),
            overallRating = 3, potential = 2, narrative = draft["text"].Str() + "\n\n" + privateText,
            version = manager["version"].Str(),
        });
        var refused = await ReviewsTestKit.ProblemAsync(await priya.PostAsync($"/api/v1/reviews/{reviewId}/submit", null), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("narrative", refused["field"].Str());
    }

    [Fact]
    public async Task The_bias_check_answers_200_with_one_model_call_per_view_whatever_the_model_does_and_caches_a_good_answer()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var priya = await factory.As("priya.raman");
        var cycles = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray();
        var cycleId = cycles.Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
        var reviewId = await hr.ReviewOfAsync(cycleId, await factory.PersonAsync("aisha.bello"));
        var url = $"/api/v1/reviews/{reviewId}/bias-check";

        var faults = new[]
        {
            FakeOpenAIServer.Status(500),
            FakeOpenAIServer.Garbage(),
            FakeOpenAIServer.Completion("Here you go: the findings are fine."),
            FakeOpenAIServer.Json(new { explanations = new[] { new { code = "PERSONALITY_CRITICISM", explanation = new string('x', 1_048_576) } } }),
            FakeOpenAIServer.Json(new { explanations = new[] { new { code = "PERSONALITY_CRITICISM", explanation = "Aisha deserves a top rating anyway." } } }),
            FakeOpenAIServer.Json(new { explanations = new[] { new { code = "PERSONALITY_CRITICISM", explanation = "Seventeen of the words are about the person." } } }),
        };
        foreach (var fault in faults)
        {
            var hits = factory.ModelServer.Hits;
            factory.ModelServer.Enqueue(fault);
            var response = await priya.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var check = await Json.ReadAsync(response);
            Assert.NotEmpty(check["findings"]!.AsArray());
            Assert.All(check["findings"]!.AsArray(), f => Assert.Equal("offline", f!["explanationSource"].Str()));
            Assert.Equal(hits + 1, factory.ModelServer.Hits);
        }

        factory.ModelServer.Enqueue(FakeOpenAIServer.Json(new
        {
            explanations = new[] { new { code = "PERSONALITY_CRITICISM", explanation = "The narrative describes who the person is instead of what they did." } },
        }, model: "loopback-model"));
        var good = await priya.GetJsonAsync(url);
        var personality = good["findings"]!.AsArray().Single(f => f!["code"].Str() == "PERSONALITY_CRITICISM")!;
        Assert.Equal("loopback-model", personality["explanationSource"].Str());
        var afterGood = factory.ModelServer.Hits;
        var again = await priya.GetJsonAsync(url);
        Assert.Equal(afterGood, factory.ModelServer.Hits); // cached until the text changes
        Assert.Equal("loopback-model", again["findings"]!.AsArray().Single(f => f!["code"].Str() == "PERSONALITY_CRITICISM")!["explanationSource"].Str());

        foreach (var body in factory.ModelServer.RequestBodies.Where(b => b.Contains("bias_explanations")))
        {
            var decoded = Decoded(body);
            foreach (var secret in new[] { "abrasive", "emotional", "Aisha", "Bello", "Priya", "brightline", "rating\"" })
                Assert.DoesNotContain(secret, decoded, StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>The AI audit trail for administrators: calls with their outcome and tokens, refused answers kept for review.</summary>
public sealed class AiAuditHostTests(ModelHostFactory factory) : IClassFixture<ModelHostFactory>
{
    [Fact]
    public async Task Administrators_read_every_ai_call_with_its_outcome_and_a_refused_answer_others_get_403()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var priya = await factory.As("priya.raman");
        var cycles = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray();
        var cycleId = cycles.Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
        var reviewId = await hr.ReviewOfAsync(cycleId, await factory.PersonAsync("aisha.bello"));
        factory.ModelServer.Enqueue(FakeOpenAIServer.Json(new
        {
            explanations = new[] { new { code = "PERSONALITY_CRITICISM", explanation = "[PERSON_1] should be promoted." } },
        }));
        await priya.GetJsonAsync($"/api/v1/reviews/{reviewId}/bias-check");

        var auditTrail = await admin.GetJsonAsync("/api/v1/ai/audit");
        var call = auditTrail["calls"]!.AsArray().First(c => c!["feature"].Str() == "reviews.bias_explanation" && c["outcome"].Str() == "rejected")!;
        Assert.Equal("Priya Raman", call["requestedBy"].Str());
        Assert.Equal("openai-compatible", call["provider"].Str());
        Assert.Contains("[PERSON_1] should be promoted.", call["rejectedAnswer"].Str());
        Assert.True(call["countedPromptTokens"]!.GetValue<long>() > 0);
        Assert.Contains(auditTrail["calls"]!.AsArray(), c => c!["fallbackReason"].Str() == "rejected" && c["provider"].Str() == "offline");
        Assert.Equal(30, auditTrail["aiAuditRetentionDays"]!.GetValue<int>());

        await ReviewsTestKit.ProblemAsync(await hr.GetAsync("/api/v1/ai/audit"), HttpStatusCode.Forbidden);
        await ReviewsTestKit.ProblemAsync(await priya.GetAsync("/api/v1/ai/audit"), HttpStatusCode.Forbidden);
        var page = await admin.GetStringAsync("/ai/audit");
        Assert.Contains("id=\"ai-calls\"", page);
        Assert.Contains("reviews.bias_explanation", page);
    }
}

/// <summary>OKR explanations: who may read a stored suggestion, and a model's judgment never becomes a goal.</summary>
public sealed class OkrSuggestionTrustHostTests(ModelHostFactory factory) : IClassFixture<ModelHostFactory>
{
    [Fact]
    public async Task A_suggestion_is_readable_only_by_those_who_see_the_finding_and_a_judgment_in_a_rewrite_never_becomes_the_goal()
    {
        var mei = await factory.As("mei.chen");
        var tomas = await factory.As("tomas.novak");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var goal = await mei.PostOkAsync("/api/v1/okr/objectives", new { title = "Grow the support team", level = "individual", period = "2026-Q4" });
        var id = goal["id"].Str();
        goal = await mei.PostOkAsync($"/api/v1/okr/objectives/{id}/key-results", new { title = "Make support better", kind = "metric" });
        var kr = goal["keyResults"]![0]!["id"].Str();

        factory.ModelServer.Enqueue(FakeOpenAIServer.Json(new
        {
            explanation = "This key result has no number to check at the end of the quarter.",
            rewrittenTitle = "Promote Nadia Karim to Staff Engineer", start = 0, target = 1, unit = "promotion", dueDate = (string?)null,
        }));
        var response = await mei.PostAsJsonAsync($"/api/v1/okr/objectives/{id}/suggestions", new { code = "NOT_MEASURABLE", keyResultId = kr });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var suggestion = await Json.ReadAsync(response);
        Assert.Equal("offline draft, no language model", suggestion["label"].Str()); // the model's answer was refused
        Assert.DoesNotContain("Promote", suggestion["proposal"]!["title"].Str());
        var sent = factory.ModelServer.RequestBodies.Last();
        Assert.DoesNotContain("Mei", sent);

        var url = $"/api/v1/okr/suggestions/{suggestion["id"].Str()}";
        Assert.Equal(HttpStatusCode.OK, (await mei.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync(url)).StatusCode);
        await ReviewsTestKit.ProblemAsync(await tomas.GetAsync(url), HttpStatusCode.Forbidden);
    }
}

/// <summary>The organization's switch with a model configured: off means no request from any feature.</summary>
public sealed class AiOffSwitchHostTests(ModelHostFactory factory) : IClassFixture<ModelHostFactory>
{
    [Fact]
    public async Task With_ai_switched_off_no_feature_sends_a_request_and_every_feature_still_answers()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var priya = await factory.As("priya.raman");
        var mei = await factory.As("mei.chen");
        factory.ModelServer.Default = FakeOpenAIServer.Status(500);
        await admin.PutOkAsync("/api/v1/ai/settings", new { draftingEnabled = false });

        var cycles = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray();
        var cycleId = cycles.Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
        var reviewId = await hr.ReviewOfAsync(cycleId, await factory.PersonAsync("aisha.bello"));
        var check = await priya.GetJsonAsync($"/api/v1/reviews/{reviewId}/bias-check");
        Assert.All(check["findings"]!.AsArray(), f => Assert.Equal("offline", f!["explanationSource"].Str()));

        var goal = await mei.PostOkAsync("/api/v1/okr/objectives", new { title = "Tidy up the build scripts", level = "individual", period = "2026-Q4" });
        var explained = await mei.PostAsJsonAsync($"/api/v1/okr/objectives/{goal["id"].Str()}/suggestions", new { code = "UNALIGNED" });
        Assert.Equal(HttpStatusCode.Created, explained.StatusCode);
        Assert.Equal("offline draft, no language model", (await Json.ReadAsync(explained))["label"].Str());

        Assert.Equal(0, factory.ModelServer.Hits);
    }
}
