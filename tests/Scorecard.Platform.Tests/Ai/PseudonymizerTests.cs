using Scorecard.Platform.Ai;

namespace Scorecard.Platform.Tests.Ai;

public sealed class PseudonymizerTests
{
    private static readonly Pseudonymizer People = new(
    [
        new AiPerson("Anna Schmidt", "anna.schmidt@example.com"),
        new AiPerson("Bob Meyer", "bob.meyer@example.com"),
        new AiPerson("Anna Lindqvist"),
        new AiPerson("Will Parker", "will.parker@example.com"),
        new AiPerson("Björn Østergaard"),
    ]);

    [Fact]
    public void Replaces_full_names_and_emails_case_insensitively()
    {
        Assert.Equal("[PERSON_1] and [PERSON_2] met; write to [PERSON_1] or [PERSON_2].",
            People.Pseudonymize("ANNA SCHMIDT and bob meyer met; write to Anna.Schmidt@Example.com or bob.meyer@example.com."));
    }

    [Fact]
    public void Replaces_unambiguous_first_and_last_names_but_not_ambiguous_ones()
    {
        // "Anna" belongs to two people: left alone. "Schmidt", "Bob", "Lindqvist" are unambiguous.
        Assert.Equal("Anna said [PERSON_1] and [PERSON_2] helped [PERSON_3].",
            People.Pseudonymize("Anna said Schmidt and Bob helped Lindqvist."));
    }

    [Fact]
    public void Respects_word_boundaries_and_possessives()
    {
        Assert.Equal("Bobby, Bobsleigh and Meyers stay; [PERSON_2]'s plan and ([PERSON_2]) change.",
            People.Pseudonymize("Bobby, Bobsleigh and Meyers stay; Bob's plan and (Meyer) change."));
    }

    [Fact]
    public void Matches_names_across_whitespace_and_non_ascii_letters()
    {
        Assert.Equal("[PERSON_5] and [PERSON_1] and [PERSON_5]", People.Pseudonymize("Björn   Østergaard and Anna\nSchmidt and østergaard"));
    }

    [Fact]
    public void Common_word_names_match_only_when_capitalised()
    {
        Assert.Equal("[PERSON_4] said it will work; [PERSON_4] agreed.", People.Pseudonymize("Will said it will work; Parker agreed."));
    }

    [Fact]
    public void Restores_tokens_with_or_without_brackets()
    {
        Assert.Equal("Anna Schmidt thanked Bob Meyer; Björn Østergaard too. [PERSON_9] stays.",
            People.Restore("[PERSON_1] thanked PERSON_2; [ PERSON_5 ] too. [PERSON_9] stays."));
    }

    [Fact]
    public void Round_trips()
    {
        const string text = "Bob Meyer wrote to anna.schmidt@example.com about Björn Østergaard.";
        var pseudonymized = People.Pseudonymize(text);
        Assert.DoesNotContain("Bob", pseudonymized);
        Assert.Equal("Bob Meyer wrote to Anna Schmidt about Björn Østergaard.", People.Restore(pseudonymized));
        Assert.Equal("Anna Schmidt", People.Tokens["[PERSON_1]"]);
    }

    [Fact]
    public void Without_people_text_passes_through()
    {
        var none = new Pseudonymizer([]);
        Assert.Equal("Anna [PERSON_1]", none.Pseudonymize("Anna [PERSON_1]"));
        Assert.Equal("Anna [PERSON_1]", none.Restore("Anna [PERSON_1]"));
    }
}

public sealed class DelimiterSafePseudonymizationTests
{
    [Fact]
    public void A_person_whose_name_is_a_delimiter_word_does_not_break_the_delimiters()
    {
        const string boundary = "00112233445566778899aabbccddeeff";
        var people = new Pseudonymizer([new AiPerson("Sam Data"), new AiPerson("Ida Source")]);
        var text = "About Data and Source:\n" + Spotlighting.Wrap("Data helped Ida.", boundary, "notes by Ida Source");

        var result = Scorecard.Platform.Ai.AiGateway.PseudonymizeAroundDelimiters(text, boundary, people);

        Assert.Equal("About [PERSON_1] and [PERSON_2]:\n"
            + $"<<untrusted-data id={boundary} source=\"notes by [PERSON_2]\">>\n[PERSON_1] helped [PERSON_2].\n<</untrusted-data id={boundary}>>", result);
        // Without the protection the delimiters themselves would have been rewritten.
        Assert.Contains("untrusted-[PERSON_1]", people.Pseudonymize(text));
    }
}
