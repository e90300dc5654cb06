using System.Text.Json;
using Scorecard.Platform.Ai;

namespace Scorecard.Platform.Tests.Ai;

public sealed class OutputChecksTests
{
    private sealed record Answer(string Summary, IReadOnlyList<string> EvidenceIds);

    [Fact]
    public void Parses_json_and_tolerates_a_code_fence()
    {
        Assert.True(AiJson.TryParse("```json\n{\"summary\":\"x\",\"evidenceIds\":[]}\n```", out var node, out _));
        Assert.Equal("x", node!["summary"]!.GetValue<string>());

        var answer = AiJson.Parse<Answer>("""{"summary":"ok","evidenceIds":["g1"]}""", SampleFeature.Schema);
        Assert.Equal(new Answer("ok", ["g1"]).Summary, answer.Summary);
        Assert.Equal(["g1"], answer.EvidenceIds);
    }

    [Theory]
    [InlineData("", "the answer was empty")]
    [InlineData("Sure, here it is: {", "the answer is not valid JSON (line 1, position 1)")]
    [InlineData("{\"summary\": \"x\",}", "the answer is not valid JSON")]
    [InlineData("null", "the answer was JSON null")]
    public void Malformed_json_gives_a_clear_error(string text, string expected)
    {
        Assert.False(AiJson.TryParse(text, out _, out var error));
        Assert.StartsWith(expected, error);
        var ex = Assert.Throws<FormatException>(() => AiJson.Parse<Answer>(text, SampleFeature.Schema));
        Assert.StartsWith("The AI answer could not be read", ex.Message);
    }

    [Fact]
    public void Checks_the_expected_shape()
    {
        var problems = AiJson.CheckShape(SampleFeature.Schema, Json("""{"summary":7,"evidenceIds":["a",3],"rating":5}"""));
        Assert.Contains("$.summary should be string but is a number", problems);
        Assert.Contains("$.evidenceIds[1] should be string but is a number", problems);
        Assert.Contains("$ has an unexpected property 'rating'", problems);

        Assert.Contains("$ is missing the required property 'evidenceIds'", AiJson.CheckShape(SampleFeature.Schema, Json("""{"summary":"x"}""")));
        Assert.Empty(AiJson.CheckShape(SampleFeature.Schema, Json("""{"summary":"x","evidenceIds":[]}""")));

        var schema = Json("""{"type":"object","properties":{"tone":{"enum":["warm","neutral"]},"n":{"type":"integer","minimum":1},"items":{"type":["array","null"],"maxItems":1},"note":{"type":"string","maxLength":3}}}""");
        var more = AiJson.CheckShape(schema, Json("""{"tone":"harsh","n":1.5,"items":[1,2],"note":"toolong"}"""));
        Assert.Contains("$.tone is not one of the allowed values", more);
        Assert.Contains("$.n should be integer but is a number", more);
        Assert.Contains("$.items should have at most 1 items but has 2", more);
        Assert.Contains("$.note should have at most 3 characters but has 7", more);
        Assert.Empty(AiJson.CheckShape(schema, Json("""{"tone":"warm","n":2,"items":null}""")));

        var ex = Assert.Throws<FormatException>(() => AiJson.Parse<Answer>("""{"summary":1,"evidenceIds":[]}""", SampleFeature.Schema));
        Assert.Contains("does not have the expected shape", ex.Message);
    }

    [Theory]
    [InlineData("rate her 5")]
    [InlineData("I would rate Anna a 4 overall.")]
    [InlineData("Rating: 4/5")]
    [InlineData("overall rating of 3")]
    [InlineData("rated 4 out of 5")]
    [InlineData("She deserves a top rating.")]
    [InlineData("He should be promoted next cycle.")]
    [InlineData("I recommend termination.")]
    [InlineData("We recommend her for promotion.")]
    [InlineData("[PERSON_1] is ready for promotion.")]
    [InlineData("must be let go")]
    [InlineData("the top performer in the team ranking")]
    [InlineData("ranked first among peers")]
    [InlineData("clearly a low performer")]
    [InlineData("in the top 10% of engineers")]
    [InlineData("stronger than her peers")]
    [InlineData("better than [PERSON_2]")]
    [InlineData("Promote him.")]
    public void Rejects_ratings_rankings_and_decisions(string text)
    {
        Assert.NotEmpty(JudgmentContentCheck.Find(text));
        Assert.False(JudgmentContentCheck.Validate(text).IsValid);
    }

    [Theory]
    [InlineData("Anna led the billing migration and mentored two new colleagues [evidence:g1].")]
    [InlineData("She completed 3 of 4 key results; the fourth reached 80%.")]
    [InlineData("Customer satisfaction rose from 4.1 to 4.5 on the survey.")]
    [InlineData("Consider discussing growth opportunities in the next one-to-one.")]
    [InlineData("The team shipped the release ahead of plan.")]
    public void Accepts_ordinary_narrative(string text)
    {
        Assert.Empty(JudgmentContentCheck.Find(text));
        Assert.True(JudgmentContentCheck.Validate(text).IsValid);
    }

    [Fact]
    public void Finds_judgment_content_anywhere_in_a_json_answer()
    {
        var findings = JudgmentContentCheck.FindInJson(Json("""{"summary":"fine","sections":[{"text":"ok"},{"text":"should be promoted"}]}"""));
        var finding = Assert.Single(findings);
        Assert.Contains("should be promoted", finding);
    }

    [Fact]
    public void Citations_must_point_at_known_evidence()
    {
        Assert.Equal(["x9", "g7"], CitationCheck.FindUnknown(["g1", "x9", "g7", "X9"], ["g1", "f2"]));
        Assert.Empty(CitationCheck.FindUnknown(["G1"], ["g1"]));
        Assert.Equal(["g1", "fb-12"], CitationCheck.ExtractMarkers("Shipped [evidence:g1], praised [evidence: fb-12] and [evidence:g1]."));
        Assert.Equal("[evidence:g1]", CitationCheck.Marker("g1"));

        var bad = CitationCheck.Validate(["g1", "nope"], ["g1"]);
        Assert.False(bad.IsValid);
        Assert.Equal("the draft cites evidence that does not exist: nope", Assert.Single(bad.Errors));
        Assert.True(CitationCheck.Validate(["g1"], ["g1"]).IsValid);
        Assert.False(CitationCheck.Validate([], ["g1"], requireAtLeastOne: true).IsValid);
    }

    [Fact]
    public void Validations_combine()
    {
        var combined = AiValidation.Ok + AiValidation.Warn("short") + AiValidation.Reject("bad");
        Assert.Equal(["bad"], combined.Errors);
        Assert.Equal(["short"], combined.Warnings);
        Assert.False(combined.IsValid);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
