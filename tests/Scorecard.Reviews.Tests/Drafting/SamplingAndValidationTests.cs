using Scorecard.Platform.Ai;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Application.Drafting;

namespace Scorecard.Reviews.Tests.Drafting;

public sealed class SamplingAndValidationTests
{
    private static List<EvidenceItem> BusyDecember()
    {
        // 3 check-ins a month for 11 months, then 60 feedback items in December: "latest first" would keep only December.
        var items = new List<EvidenceItem>();
        for (var m = 1; m <= 11; m++)
            for (var k = 0; k < 3; k++)
                items.Add(Evidence.Item($"okr-check-in:{m}-{k}", EvidenceKind.OkrCheckIn, new DateOnly(2026, m, 5 + k), new string('x', 120)));
        for (var k = 0; k < 60; k++)
            items.Add(Evidence.Item($"feedback:dec-{k}", EvidenceKind.Feedback, new DateOnly(2026, 12, 1 + k % 28), new string('y', 120)));
        return items;
    }

    [Fact]
    public void Tokens_are_counted_with_the_o200k_tokenizer_on_the_line_the_prompt_shows()
    {
        Assert.Equal(0, EvidenceSampler.EstimateTokens(""));
        Assert.Equal(1, EvidenceSampler.EstimateTokens("hello"));
        Assert.Equal(2, EvidenceSampler.EstimateTokens("hello world"));
        var item = Evidence.Item("feedback:1", EvidenceKind.Feedback, new DateOnly(2026, 3, 1), "Good.");
        Assert.Equal(PromptTokens.Count(EvidenceSampler.Line(item)), EvidenceSampler.EstimateTokens(item));
        // Ids and dates cost far more than characters / 4 suggests.
        Assert.True(EvidenceSampler.EstimateTokens(item) > (EvidenceSampler.Line(item).Length + 3) / 4);
    }

    [Fact]
    public void The_sample_covers_every_month_of_the_period_within_the_budget_instead_of_the_latest_items()
    {
        var items = BusyDecember();
        var perItem = EvidenceSampler.EstimateTokens(items[0]);
        var sample = EvidenceSampler.Take(items, tokenBudget: perItem * 24);

        Assert.True(sample.EstimatedTokens <= perItem * 24);
        Assert.Equal(items.Count, sample.Total);
        Assert.Equal(12, sample.MonthsWithEvidence);
        Assert.Equal(12, sample.MonthsCovered);
        // Round-robin across months: about 2 per month; December (60 of 93 items) does not crowd out the year.
        Assert.All(sample.Items.GroupBy(i => i.Date.Month), g => Assert.InRange(g.Count(), 1, 3));
        Assert.InRange(sample.Items.Count(i => i.Date.Month == 12), 1, 3);
    }

    [Fact]
    public void Private_notes_are_never_sampled_and_anchors_come_first()
    {
        var items = new List<EvidenceItem>(BusyDecember())
        {
            Evidence.Item("feedback:note", EvidenceKind.Note, new DateOnly(2026, 6, 1), "my private note"),
            Evidence.Item("okr-objective:o1", EvidenceKind.OkrObjective, new DateOnly(2026, 1, 1), "Objective \"Faster\": progress 50%."),
        };
        var sample = EvidenceSampler.Take(items, tokenBudget: 200);
        Assert.DoesNotContain(sample.Items, i => i.Kind == EvidenceKind.Note);
        Assert.Contains(sample.Items, i => i.Id == "okr-objective:o1");
    }

    private static DraftAnswer Answer(params DraftSentence[] sentences) => new([new DraftSection("Summary", sentences)]);

    [Fact]
    public void A_citation_of_evidence_that_does_not_exist_rejects_the_draft()
    {
        string[] known = ["feedback:1", "okr-objective:o1"];
        var forged = DraftValidator.Validate(Answer(new DraftSentence("Shipped the cache.", ["feedback:1", "kpi:forged"])), known);
        Assert.False(forged.IsValid);
        Assert.Contains(forged.Errors, e => e.Contains("kpi:forged"));

        var inline = DraftValidator.Validate(Answer(new DraftSentence("Shipped the cache [evidence:feedback:999].", ["feedback:1"])), known);
        Assert.Contains(inline.Errors, e => e.Contains("feedback:999"));

        Assert.True(DraftValidator.Validate(Answer(new DraftSentence("Shipped the cache.", ["FEEDBACK:1"])), known).IsValid);
    }

    [Fact]
    public void Ratings_rankings_and_recommendations_in_a_draft_are_rejected()
    {
        string[] known = ["feedback:1"];
        foreach (var text in new[] { "Based on this I would rate them 5.", "She is a top performer.", "He should be promoted." })
            Assert.False(DraftValidator.Validate(Answer(new DraftSentence(text, ["feedback:1"])), known).IsValid, text);
    }

    [Fact]
    public void Uncited_sentences_are_dropped_with_a_warning_and_inline_markers_become_citations()
    {
        string[] known = ["feedback:1", "okr-objective:o1"];
        var answer = Answer(
            new DraftSentence("Led the migration.", []),
            new DraftSentence("Praised for the write-up [evidence:Feedback:1].", []),
            new DraftSentence("Objective at 50%.", ["okr-objective:o1"]));
        var validation = DraftValidator.Validate(answer, known);
        Assert.True(validation.IsValid);
        Assert.Contains(validation.Warnings, w => w.StartsWith("1 sentence(s) cited no evidence"));

        var clean = DraftValidator.Clean(answer, known);
        var sentences = clean.Sections.Single().Sentences;
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Praised for the write-up .".Replace(" .", "."), sentences[0].Text.Replace(" .", "."));
        Assert.Equal(["feedback:1"], sentences[0].EvidenceIds);
        Assert.DoesNotContain("[evidence:", clean.ToText());
        Assert.Contains("Objective at 50%.", clean.ToText());
    }
}
