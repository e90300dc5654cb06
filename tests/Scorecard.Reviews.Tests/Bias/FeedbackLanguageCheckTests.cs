using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Tests.Bias;

public sealed class FeedbackLanguageCheckTests
{
    [Fact]
    public void Tokeniser_folds_case_and_handles_punctuation_hyphens_apostrophes_and_numbers()
    {
        var sentences = FeedbackTokenizer.Sentences("Hard-working, the TEAM’s lead; doesn't miss 3.5% of Q3 goals—ever.");

        Assert.Equal(2, sentences.Count);
        Assert.Equal(new[] { "hard-working", "the", "team", "lead" }, sentences[0].Select(t => t.Text));
        Assert.Equal(new[] { "doesn't", "miss", "3.5", "of", "q3", "goals", "ever" }, sentences[1].Select(t => t.Text));
        Assert.Equal(new[] { "3.5", "q3" }, sentences[1].Where(t => t.HasDigit).Select(t => t.Text));
    }

    [Fact]
    public void Personality_criticism_names_each_word_once()
    {
        // abrasive, bossy: trait words anywhere; emotional: after "and" following a trait word.
        var findings = FeedbackLanguageCheck.Check("She is abrasive and emotional in meetings, and can be bossy.");

        var finding = Assert.Single(findings);
        Assert.Equal(BiasCodes.PersonalityCriticism, finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(new[] { "abrasive", "emotional", "bossy" }, finding.Words.Select(w => w.Word));
        Assert.All(finding.Words, w => Assert.Equal(1, w.Count));
        Assert.Equal(3, finding.Counts["personalityWords"]);
        Assert.False(string.IsNullOrWhiteSpace(finding.Method));
        Assert.Contains("behaviour", finding.SuggestedRewrite, StringComparison.Ordinal);

        var repeated = Assert.Single(FeedbackLanguageCheck.Check("Abrasive. ABRASIVE! abrasive?"));
        var word = Assert.Single(repeated.Words);
        Assert.Equal("abrasive", word.Word);
        Assert.Equal(3, word.Count);
    }

    [Fact]
    public void Work_words_that_can_describe_people_count_only_when_they_describe_the_person()
    {
        var work = FeedbackLanguageCheck.Check(
            "She solved a difficult problem under an aggressive timeline and made a dramatic improvement.");
        Assert.DoesNotContain(work, f => f.Code == BiasCodes.PersonalityCriticism);

        var person = FeedbackLanguageCheck.Check("Honestly, difficult to work with at times.");
        var finding = Assert.Single(person, f => f.Code == BiasCodes.PersonalityCriticism);
        Assert.Equal("difficult", Assert.Single(finding.Words).Word);
    }

    [Fact]
    public void Vague_praise_without_outcomes_is_flagged()
    {
        var findings = FeedbackLanguageCheck.Check("Great job this year. She is a real team player with a good attitude.");

        var finding = Assert.Single(findings);
        Assert.Equal(BiasCodes.VagueFeedback, finding.Code);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal(new[] { "great job", "team player", "good attitude" }, finding.Words.Select(w => w.Word));
        Assert.Equal(2, finding.Counts["vagueSentences"]);
        Assert.Equal(2, finding.Counts["sentences"]);
    }

    [Fact]
    public void Praise_tied_to_a_deliverable_or_a_number_is_not_vague()
    {
        Assert.Empty(FeedbackLanguageCheck.Check("Great job on the billing launch: the API went live 2 weeks early."));
        Assert.Empty(FeedbackLanguageCheck.Check("Nice work: she shipped the new search."));
    }

    [Fact]
    public void Effort_outnumbering_accomplishment_is_flagged()
    {
        // Effort: "worked hard", "dedicated", "tried", "hard-working" = 4; accomplishment: "delivered" = 1.
        // 4 ≥ 2 and 4 ≥ 2·1 → EFFORT_OVER_ACCOMPLISHMENT.
        var findings = FeedbackLanguageCheck.Check(
            "He worked hard all year and is very dedicated. He tried several approaches and is hard-working. He delivered the audit report.");

        var finding = Assert.Single(findings);
        Assert.Equal(BiasCodes.EffortOverAccomplishment, finding.Code);
        Assert.Equal(4, finding.Counts["effortWords"]);
        Assert.Equal(1, finding.Counts["accomplishmentWords"]);
        Assert.Equal(
            new[] { "worked hard", "dedicated", "tried", "hard-working", "delivered" },
            finding.Words.Select(w => w.Word));
        Assert.Equal("accomplishment", finding.Words[^1].Category);
    }

    [Fact]
    public void Effort_below_twice_the_accomplishments_is_not_flagged()
    {
        // Effort 3 ("worked hard", "tried", "dedicated") vs accomplishment 2 ("delivered", "shipped"): 3 < 4.
        var findings = FeedbackLanguageCheck.Check(
            "She worked hard, tried hard and was dedicated. She delivered the report and shipped the fix.");
        Assert.DoesNotContain(findings, f => f.Code == BiasCodes.EffortOverAccomplishment);
    }

    [Fact]
    public void Feminine_coded_language_is_flagged_but_committee_and_response_are_not_counted()
    {
        var findings = FeedbackLanguageCheck.Check(
            "She is supportive, warm and nurturing. She chairs the hiring committee and her response time is quick.");

        var finding = Assert.Single(findings);
        Assert.Equal(BiasCodes.GenderCodedLanguage, finding.Code);
        Assert.Equal(new[] { "supportive", "warm", "nurturing" }, finding.Words.Select(w => w.Word));
        Assert.All(finding.Words, w => Assert.Equal("feminine", w.Category));
        Assert.Equal(3, finding.Counts["feminine"]);
        Assert.Equal(0, finding.Counts["masculine"]);
    }

    [Fact]
    public void Known_false_positives_alone_raise_nothing()
    {
        // Without the exclusion list, commit* and respon* would count 4 feminine words here.
        Assert.Empty(FeedbackLanguageCheck.Check(
            "The committee's response was responsible, and the committees approved it."));
    }

    [Fact]
    public void Masculine_coded_language_is_flagged_and_competencies_is_not_a_competitive_word()
    {
        var findings = FeedbackLanguageCheck.Check(
            "He is assertive, competitive and decisive, a natural leader. His competencies are strong.");

        var finding = Assert.Single(findings);
        Assert.Equal(BiasCodes.GenderCodedLanguage, finding.Code);
        Assert.Equal(new[] { "assertive", "competitive", "decisive", "leader" }, finding.Words.Select(w => w.Word));
        Assert.Equal(4, finding.Counts["masculine"]);
    }

    [Fact]
    public void A_balanced_mix_is_not_a_lean()
    {
        Assert.Empty(FeedbackLanguageCheck.Check("She is supportive and decisive."));
    }

    [Fact]
    public void Stem_matcher_respects_word_boundaries_and_the_exclusion_list()
    {
        var feminine = GenderCodedWords.FeminineStems;
        Assert.Empty(feminine.Match("committee"));
        Assert.Empty(feminine.Match("committees"));
        Assert.Empty(feminine.Match("response"));
        Assert.Empty(feminine.Match("responsible"));
        Assert.Empty(feminine.Match("swarm"));
        Assert.Equal(new[] { "committed" }, feminine.Match("committed"));
        Assert.Equal(new[] { "responsive" }, feminine.Match("responsive"));
        Assert.Equal(new[] { "warmth" }, feminine.Match("warmth"));
        // A compound that starts with a stem matches whole; otherwise its parts are matched ("kind" is an exact word).
        Assert.Equal(new[] { "warm-hearted" }, feminine.Match("warm-hearted"));
        Assert.Equal(new[] { "kind" }, feminine.Match("kind-hearted"));
        Assert.Empty(feminine.Match("kindness"));

        var masculine = GenderCodedWords.MasculineStems;
        Assert.Empty(masculine.Match("competencies"));
        Assert.Equal(new[] { "competitive" }, masculine.Match("competitive"));
        Assert.Equal(new[] { "self-confident" }, masculine.Match("self-confident"));
    }

    [Fact]
    public void Empty_text_has_no_findings()
    {
        Assert.Empty(FeedbackLanguageCheck.Check(null));
        Assert.Empty(FeedbackLanguageCheck.Check("   "));
    }
}
