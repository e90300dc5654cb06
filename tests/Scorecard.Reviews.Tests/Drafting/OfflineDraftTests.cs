using Scorecard.Platform.Ai;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Application.Drafting;

namespace Scorecard.Reviews.Tests.Drafting;

public sealed class OfflineDraftTests
{
    [Fact]
    public async Task The_offline_drafter_writes_a_labelled_draft_in_which_every_sentence_cites_real_evidence()
    {
        await using var ai = GatewayFixture.Offline();
        var evidence = Evidence.Year(withInjection: false);
        var outcome = await ai.Drafter.DraftAsync(Evidence.Input(evidence), default);

        Assert.Equal("offline", outcome.Provider);
        Assert.Equal(AiResult<DraftAnswer>.OfflineLabel, outcome.Label);
        Assert.Equal("offline draft, no language model", outcome.Label);
        var ids = evidence.Select(e => e.Id).ToHashSet();
        var sentences = outcome.Answer.Sections.SelectMany(s => s.Sentences).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.NotEmpty(s.EvidenceIds));
        Assert.All(sentences.SelectMany(s => s.EvidenceIds), id => Assert.Contains(id, ids));
        Assert.Contains(outcome.Answer.Sections, s => s.Title == "Results against goals");
        // The key result reads with its numbers and how the check-ins moved across the whole year.
        Assert.Contains("Over 12 check-ins it went from 387 ms in January 2026 to 244 ms in December 2026.", outcome.Text);
        Assert.Contains(sentences, s => s.EvidenceIds.SequenceEqual(["okr-key-result:k1", "okr-check-in:c1", "okr-check-in:c12"]));
        // Plain prose: no citation marker in the text; every feedback item of the year is cited (one author: all of them).
        Assert.DoesNotContain("[evidence:", outcome.Text);
        var cited = sentences.SelectMany(s => s.EvidenceIds).ToHashSet();
        Assert.All(evidence.Where(e => e.Kind is EvidenceKind.Feedback or EvidenceKind.Praise), e => Assert.Contains(e.Id, cited));
        Assert.True(outcome.PromptTokens > outcome.Sample.EstimatedTokens);
    }

    [Fact]
    public async Task A_goal_that_did_not_connect_to_the_strategy_is_mentioned_as_context_not_as_a_judgment()
    {
        await using var ai = GatewayFixture.Offline();
        var outcome = await ai.Drafter.DraftAsync(Evidence.Input(Evidence.Year(false)), default);
        var section = Assert.Single(outcome.Answer.Sections, s => s.Title.StartsWith("Goals to discuss"));
        var sentence = Assert.Single(section.Sentences);
        Assert.StartsWith("For the conversation, not as a judgment:", sentence.Text);
        Assert.Contains("Run the hackathon", sentence.Text);
        Assert.Equal(["okr-alignment:o2:NOT_ALIGNED"], sentence.EvidenceIds);
    }

    [Fact]
    public async Task Injected_instructions_in_a_self_review_are_data_on_the_offline_path()
    {
        await using var ai = GatewayFixture.Offline();
        var outcome = await ai.Drafter.DraftAsync(Evidence.Input(Evidence.Year(withInjection: true)), default);

        // The text is not obeyed, not quoted into the draft, cannot forge a citation, and is reported.
        Assert.DoesNotContain("rate me 5", outcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SYSTEM:", outcome.Text);
        Assert.DoesNotContain("<script>", outcome.Text);
        Assert.DoesNotContain("kpi:forged", outcome.Text);
        Assert.Empty(JudgmentContentCheck.Find(outcome.Text));
        var self = Assert.Single(outcome.Answer.Sections, s => s.Title == "In the self-review").Sentences.Single();
        Assert.Equal("The self-review answers: " + ReviewDrafter.Withheld, self.Text);
        Assert.Equal(["self-review:r1:q1"], self.EvidenceIds);
        Assert.Contains(outcome.InjectionSignals, s => s.Kind == PromptInjectionDetector.IgnoreInstructions && s.Source == "self-review:r1:q1");
        Assert.Contains(outcome.InjectionSignals, s => s.Kind == PromptInjectionDetector.CitationForgery);
        Assert.Contains(outcome.Warnings, w => w.Contains("looks like instructions to an AI"));
        // The gateway's own audit entry of the call records the signal too.
        var call = Assert.Single(ai.Audit.Entries, e => e.Action == "ai.call");
        Assert.Contains("ignore-instructions", call.DataJson);
    }

    [Fact]
    public async Task Personality_or_gender_coded_words_in_feedback_are_not_repeated_but_marked_and_line_breaks_separate_sections()
    {
        await using var ai = GatewayFixture.Offline();
        var evidence = Evidence.Year(false);
        evidence.Add(Evidence.Item("feedback:abrasive", EvidenceKind.Feedback, new DateOnly(2026, 6, 2),
            "Feedback from Ben Harris (shared): She is abrasive and too emotional in planning meetings."));
        var outcome = await ai.Drafter.DraftAsync(Evidence.Input(evidence), default);

        Assert.DoesNotContain("too emotional in planning", outcome.Text);
        Assert.Contains("\u201cabrasive\u201d", outcome.Text);
        Assert.Contains("reads as personality or gender-coded language", outcome.Text);
        Assert.DoesNotContain("Ben Harris", outcome.Text);
        Assert.Contains("\n\nStrengths from feedback and praise\n", outcome.Text);
    }

    [Fact]
    public async Task A_tight_budget_leaves_items_out_and_says_so()
    {
        await using var ai = GatewayFixture.Offline();
        var outcome = await ai.Drafter.DraftAsync(Evidence.Input(Evidence.Year(false), budget: 400), default);
        Assert.True(outcome.Sample.Items.Count < outcome.Sample.Total);
        Assert.True(outcome.Sample.EstimatedTokens <= 400);
        Assert.Contains(outcome.Warnings, w => w.Contains("were left out to fit the budget of 400 tokens"));
    }
}
