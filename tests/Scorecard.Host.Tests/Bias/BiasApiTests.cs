using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scorecard.Host.Tests.Reviews;

namespace Scorecard.Host.Tests.Bias;

/// <summary>The bias check of a review, its dismissals, the language nudge endpoint, and the HR-only rater analysis and disparity, on the demo data.</summary>
public sealed class BiasApiTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private async Task<string> DemoCycleAsync()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycles = (await hr.GetJsonAsync("/api/v1/review-cycles")).AsArray();
        return cycles.Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();
    }

    private async Task<string> ReviewAsync(string login)
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        return await hr.ReviewOfAsync(await DemoCycleAsync(), await factory.PersonAsync(login));
    }

    private static JsonNode FindingOf(JsonNode check, string code) =>
        check["findings"]!.AsArray().Single(f => f!["code"].Str() == code)!;

    private static IEnumerable<string> Codes(JsonNode check) => check["findings"]!.AsArray().Select(f => f!["code"].Str());

    [Fact]
    public async Task Bias_check_names_personality_and_vague_words_in_the_managers_narrative_with_a_rewrite()
    {
        var priya = await factory.As("priya.raman");
        var check = await priya.GetJsonAsync($"/api/v1/reviews/{await ReviewAsync("aisha.bello")}/bias-check");
        var personality = FindingOf(check, "PERSONALITY_CRITICISM");
        Assert.Equal("warning", personality["severity"].Str());
        Assert.Contains("\"abrasive\"", personality["evidence"].Str());
        Assert.Contains("\"emotional\"", personality["evidence"].Str());
        Assert.Contains("Snyder", personality["method"].Str());
        Assert.Contains("behaviour", personality["suggestion"].Str());
        Assert.False(personality["dismissed"]!.GetValue<bool>());
        var vague = FindingOf(check, "VAGUE_FEEDBACK");
        Assert.Contains("great job", vague["evidence"].Str());
        foreach (var f in check["findings"]!.AsArray())
            foreach (var field in new[] { "code", "severity", "message", "evidence", "method", "suggestion", "explanation" })
                Assert.False(string.IsNullOrWhiteSpace(f![field].Str()), field);
        // Offline by default: the explanation is the template over the computed message.
        Assert.Equal("offline", personality["explanationSource"].Str());
        Assert.StartsWith(personality["message"].Str(), personality["explanation"].Str());
    }

    [Fact]
    public async Task Bias_check_flags_effort_words_and_leaves_a_specific_narrative_alone()
    {
        var ben = await factory.As("ben.harris");
        var james = await ben.GetJsonAsync($"/api/v1/reviews/{await ReviewAsync("james.obrien")}/bias-check");
        var effort = FindingOf(james, "EFFORT_OVER_ACCOMPLISHMENT");
        Assert.Contains("hard", effort["evidence"].Str());
        var jonas = await factory.As("jonas.berg");
        var sofia = await jonas.GetJsonAsync($"/api/v1/reviews/{await ReviewAsync("sofia.marquez")}/bias-check");
        Assert.DoesNotContain(Codes(sofia), c => c is "PERSONALITY_CRITICISM" or "VAGUE_FEEDBACK" or "EFFORT_OVER_ACCOMPLISHMENT" or "GENDER_CODED_LANGUAGE");
    }

    [Fact]
    public async Task Bias_check_also_reads_the_feedback_the_manager_wrote_to_the_person_in_the_period()
    {
        var priya = await factory.As("priya.raman");
        var check = await priya.GetJsonAsync($"/api/v1/reviews/{await ReviewAsync("tomas.novak")}/bias-check");
        // The narrative is specific apart from "Great job, team player."; Priya's private feedback of 21 Aug is all effort.
        var effort = FindingOf(check, "EFFORT_OVER_ACCOMPLISHMENT");
        Assert.StartsWith("In the feedback you wrote on 2026-08-21:", effort["message"].Str());
        Assert.Contains("\"long hours\" ×1, \"dedicated\" ×1 (feedback of 2026-08-21)", effort["evidence"].Str());
        Assert.Single(check["findings"]!.AsArray(), f => f!["code"].Str() == "VAGUE_FEEDBACK"); // one finding per code
    }

    [Fact]
    public async Task Recency_is_flagged_when_all_evidence_was_written_in_the_last_quarter_of_the_period()
    {
        var ben = await factory.As("ben.harris");
        var check = await ben.GetJsonAsync($"/api/v1/reviews/{await ReviewAsync("james.obrien")}/bias-check");
        var recency = FindingOf(check, "RECENCY");
        // Six feedback items, all from 16 Nov (the last 25 % of 1 Jul–31 Dec starts on 16 Nov): p = 0.25^6.
        Assert.Equal(6, recency["numbers"]!["n"]!.GetValue<double>());
        Assert.Equal(6, recency["numbers"]!["k"]!.GetValue<double>());
        Assert.Equal(Math.Pow(0.25, 6), recency["numbers"]!["pValue"]!.GetValue<double>(), 10);
        Assert.Contains("2026-11-16", recency["evidence"].Str());
        // Tomas's evidence spans the period: no recency finding.
        var priya = await factory.As("priya.raman");
        Assert.DoesNotContain("RECENCY", Codes(await priya.GetJsonAsync($"/api/v1/reviews/{await ReviewAsync("tomas.novak")}/bias-check")));
    }

    [Fact]
    public async Task Only_the_reviews_manager_and_HR_see_its_bias_check()
    {
        var review = await ReviewAsync("tomas.novak");
        foreach (var (login, status) in new[]
                 {
                     ("priya.raman", HttpStatusCode.OK), ("sara.nilsson", HttpStatusCode.OK), ("maya.lindqvist", HttpStatusCode.OK),
                     ("tomas.novak", HttpStatusCode.Forbidden), ("daniel.okafor", HttpStatusCode.Forbidden), ("marcus.johnson", HttpStatusCode.Forbidden),
                     ("aisha.bello", HttpStatusCode.Forbidden),
                 })
        {
            var response = await (await factory.As(login)).GetAsync($"/api/v1/reviews/{review}/bias-check");
            Assert.True(status == response.StatusCode, $"{login}: {(int)response.StatusCode}");
        }
        var dismiss = await (await factory.As("tomas.novak")).PostAsJsonAsync($"/api/v1/reviews/{review}/bias-check/dismissals", new { code = "VAGUE_FEEDBACK", reason = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, dismiss.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.As("sara.nilsson")).GetAsync($"/api/v1/reviews/{Guid.NewGuid()}/bias-check")).StatusCode);
    }

    [Fact]
    public async Task Dismissing_needs_a_reason_is_logged_and_shows_the_finding_as_dismissed()
    {
        var ben = await factory.As("ben.harris");
        var review = await ReviewAsync("lina.sorensen");
        var before = await ben.GetJsonAsync($"/api/v1/reviews/{review}/bias-check");
        Assert.False(FindingOf(before, "PERSONALITY_CRITICISM")["dismissed"]!.GetValue<bool>());

        var missing = await ben.PostAsJsonAsync($"/api/v1/reviews/{review}/bias-check/dismissals", new { code = "PERSONALITY_CRITICISM", reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("reason", (await Json.ReadAsync(missing))["field"].Str());
        var unknown = await ben.PostAsJsonAsync($"/api/v1/reviews/{review}/bias-check/dismissals", new { code = "NOPE", reason = "x" });
        Assert.Equal("code", (await Json.ReadAsync(unknown))["field"].Str());

        var after = await ben.PostOkAsync($"/api/v1/reviews/{review}/bias-check/dismissals",
            new { code = "PERSONALITY_CRITICISM", reason = "Quoted from the escalation report Lina asked me to include." });
        var finding = FindingOf(after, "PERSONALITY_CRITICISM");
        Assert.True(finding["dismissed"]!.GetValue<bool>());
        Assert.Equal("Quoted from the escalation report Lina asked me to include.", finding["dismissal"]!["reason"].Str());
        Assert.True(FindingOf(await ben.GetJsonAsync($"/api/v1/reviews/{review}/bias-check"), "PERSONALITY_CRITICISM")["dismissed"]!.GetValue<bool>());

        var audit = await factory.AuditAsync("review", review);
        var entry = Assert.Single(audit, a => a.Action == "reviews.bias_finding_dismissed");
        Assert.Equal("Quoted from the escalation report Lina asked me to include.", entry.Reason);
        Assert.Contains("PERSONALITY_CRITICISM", entry.DataJson);
        Assert.Equal(await factory.PersonAsync("ben.harris"), entry.ActorPersonId);
    }

    [Fact]
    public async Task Language_check_endpoint_returns_findings_and_excludes_the_known_false_positives()
    {
        var tomas = await factory.As("tomas.novak");
        var response = await tomas.PostAsJsonAsync("/api/v1/feedback/language-check", new { text = "She is abrasive and bossy. Great job, team player." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Contains("PERSONALITY_CRITICISM", Codes(body));
        Assert.Contains("VAGUE_FEEDBACK", Codes(body));
        Assert.Contains("\"bossy\"", FindingOf(body, "PERSONALITY_CRITICISM")["evidence"].Str());

        var falsePositives = await tomas.PostOkAsync("/api/v1/feedback/language-check",
            new { text = "Chaired the committee; her response to the audit was responsible and the committee responded in time." });
        Assert.Empty(falsePositives["findings"]!.AsArray());

        var tooLong = await tomas.PostAsJsonAsync("/api/v1/feedback/language-check", new { text = new string('a', 10_001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("text", (await Json.ReadAsync(tooLong))["field"].Str());
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/feedback/language-check", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task Demo_cycle_rater_analysis_flags_ben_central_tendency_and_does_not_compare_priya_with_ben_alone()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var analysis = await hr.GetJsonAsync($"/api/v1/review-cycles/{await DemoCycleAsync()}/rater-analysis");
        var raters = analysis["raters"]!.AsArray();
        var (priyaId, benId, jonasId) = ((await factory.PersonAsync("priya.raman")).ToString(), (await factory.PersonAsync("ben.harris")).ToString(),
            (await factory.PersonAsync("jonas.berg")).ToString());
        var priya = raters.Single(r => r!["raterId"].Str() == priyaId)!;
        var ben = raters.Single(r => r!["raterId"].Str() == benId)!;
        var jonas = raters.Single(r => r!["raterId"].Str() == jonasId)!;

        // Baseline: the 12 ratings of the two raters with at least 5 (Jonas's 4 are shown, not counted).
        Assert.Equal(12, analysis["orgN"]!.GetValue<int>());
        Assert.Equal((1, 4), (analysis["excludedRaters"]!.GetValue<int>(), analysis["excludedRatings"]!.GetValue<int>()));
        Assert.Equal(6, priya["n"]!.GetValue<int>());
        Assert.Equal(28.0 / 6, priya["mean"]!.GetValue<double>(), 9);
        Assert.Equal(28.0 / 6 - 46.0 / 12, priya["d"]!.GetValue<double>(), 9);    // 0.83 — but against Ben's six ratings only
        Assert.NotNull(priya["dInterval"]);
        Assert.Empty(priya["flags"]!.AsArray());

        Assert.Equal(6, ben["n"]!.GetValue<int>());
        var central = Assert.Single(ben["flags"]!.AsArray())!;
        Assert.Equal("CENTRAL_TENDENCY", central["code"].Str());
        Assert.Equal(1.0, central["middleShare"]!.GetValue<double>());
        foreach (var key in new[] { "z", "sdRatio", "middleShare", "withinRateeSd", "interCompetencyR" }) Assert.True(central.AsObject().ContainsKey(key), key);
        Assert.Empty(jonas["flags"]!.AsArray()); // four ratings: below n >= 5
        Assert.False(jonas["inBaseline"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rater_analysis_and_disparity_are_HR_only_and_an_unknown_attribute_is_400()
    {
        var cycle = await DemoCycleAsync();
        foreach (var login in new[] { "priya.raman", "tomas.novak", "daniel.okafor", "ben.harris" })
        {
            var client = await factory.As(login);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/review-cycles/{cycle}/rater-analysis")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/review-cycles/{cycle}/disparity?attribute=gender")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/review-cycles/{cycle}/disparity?attribute=nope")).StatusCode);
        }
        foreach (var login in new[] { "sara.nilsson", "maya.lindqvist" })
        {
            var client = await factory.As(login);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/review-cycles/{cycle}/rater-analysis")).StatusCode);
            var bad = await client.GetAsync($"/api/v1/review-cycles/{cycle}/disparity?attribute=religion");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("attribute", (await Json.ReadAsync(bad))["field"].Str());
        }
    }

    [Fact]
    public async Task Disparity_reports_groups_with_verdicts_and_suppressed_groups_reveal_no_numbers()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = await DemoCycleAsync();
        var gender = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycle}/disparity?attribute=gender");
        Assert.Equal("gender", gender["attribute"].Str());
        Assert.Contains("4 or more", gender["selection"].Str());
        var groups = gender["groups"]!.AsArray();
        // Submitted demo reviews: 16. Women 10, top band (4 or 5) 5: Aisha, Mei, Sana, Sofia, Yuki; men 6, top band 3: Tomas, Lukas, Noah.
        var women = groups.Single(g => g!["group"].Str() == "female")!;
        var men = groups.Single(g => g!["group"].Str() == "male")!;
        Assert.Equal(10, women["n"]!.GetValue<int>());
        Assert.Equal(0.5, women["topBandRate"]!.GetValue<double>(), 9);
        Assert.Equal(6, men["n"]!.GetValue<int>());
        Assert.Equal(0.5, men["topBandRate"]!.GetValue<double>(), 9);
        Assert.Equal(1.0, men["impactRatio"]!.GetValue<double>(), 9);
        Assert.Equal("fisher", men["test"].Str());          // an expected cell of 3 < 5
        Assert.Equal(1.0, men["pValue"]!.GetValue<double>(), 6);
        Assert.Equal("OK", men["verdict"].Str());
        Assert.Equal("OK", women["verdict"].Str());

        // Age at the period's end (2026): under 30 Noah, Oscar, Nadia, Lina, Fatima (5); 30-39 the other 11. No group is under 5.
        var age = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycle}/disparity?attribute=ageBand");
        var bands = age["groups"]!.AsArray().ToDictionary(g => g!["group"].Str(), g => g!);
        Assert.Equal(["30-39", "<30"], bands.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5, bands["<30"]["n"]!.GetValue<int>());
        Assert.Equal(11, bands["30-39"]["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bias_pages_show_findings_with_dismiss_forms_and_the_HR_cycle_page()
    {
        var ben = await factory.As("ben.harris");
        var review = await ReviewAsync("oscar.lind");
        var html = await ben.GetStringAsync($"/reviews/{review}/bias-check");
        Assert.Contains("Check for possible bias", html);
        Assert.Contains("data-code=\"PERSONALITY_CRITICISM\"", html);
        Assert.Contains($"action=\"/reviews/{review}/bias-check/dismissals\"", html);
        Assert.Contains($"href=\"/reviews/{review}\"", html);
        Assert.DoesNotContain("id=\"cycle-bias\"", html);

        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = await DemoCycleAsync();
        Assert.Contains($"href=\"/reviews/cycles/{cycle}/bias\"", await hr.GetStringAsync($"/reviews/{review}/bias-check")); // HR's way to the cycle page
        Assert.Contains($"href=\"/reviews/cycles/{cycle}/bias\"", await hr.GetStringAsync($"/reviews/cycles/{cycle}")); // from the HR cycle dashboard
        var page = await hr.GetStringAsync($"/reviews/cycles/{cycle}/bias");
        Assert.Contains("CENTRAL_TENDENCY", page);
        Assert.Contains("id=\"rater-legend\"", page);   // each number explained in plain words
        Assert.Contains("id=\"rater-excluded\"", page); // Jonas's four ratings: shown, not counted
        Assert.Contains("Uses a narrow part of the scale", page);
        Assert.Contains("Priya Raman", page);
        Assert.Contains("disparity-gender", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await ben.GetAsync($"/reviews/cycles/{cycle}/bias")).StatusCode);
    }
}
