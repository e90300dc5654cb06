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
    public void Replaces_first_and_last_names_and_a_shared_first_name_gets_a_token_of_its_own()
    {
        // "Anna" belongs to two people: its own token, restored as "Anna". "Schmidt", "Bob", "Lindqvist" are unambiguous.
        var people = new Pseudonymizer([new AiPerson("Anna Schmidt"), new AiPerson("Bob Meyer"), new AiPerson("Anna Lindqvist")]);
        var sent = people.Pseudonymize("Anna said Schmidt and Bob helped Lindqvist.");
        Assert.Equal("[PERSON_4] said [PERSON_1] and [PERSON_2] helped [PERSON_3].", sent);
        Assert.Equal("Anna said Anna Schmidt and Bob Meyer helped Anna Lindqvist.", people.Restore(sent));
    }

    [Fact]
    public void Every_way_of_writing_a_person_is_replaced_diacritics_mentions_local_parts_and_possessives()
    {
        var people = new Pseudonymizer([new AiPerson("Tomáš Novák", "tomas.novak@brightline.example"), new AiPerson("Sana Qureshi", "sana.qureshi@brightline.example"),
            new AiPerson("Ben Harris", "ben.harris@brightline.example"), new AiPerson("Lukas Becker", "lukas.becker@brightline.example")]);
        var sent = people.Pseudonymize("Worked with Lukas and Ben Harris; @sana reviewed it; Tomas's notes, ask tomas.novak or TOMÁŠ, cc @tomas.novak and Novak’s team.");
        Assert.Equal("Worked with [PERSON_4] and [PERSON_3]; [PERSON_2] reviewed it; [PERSON_1]'s notes, ask [PERSON_1] or [PERSON_1], cc [PERSON_1] and [PERSON_1]’s team.", sent);
        foreach (var secret in new[] { "Tomas", "Tomáš", "Novak", "sana", "Lukas", "Ben", "Harris", "brightline" })
            Assert.DoesNotContain(secret, sent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Placeholders_the_model_invents_are_found()
    {
        var people = new Pseudonymizer([new AiPerson("Tomas Novak"), new AiPerson("Sana Qureshi")]);
        people.Pseudonymize("Tomas wrote it.");
        Assert.Empty(people.FindInventedPlaceholders("[PERSON_1] wrote it."));
        Assert.Equal(["[PERSON_2]"], people.FindInventedPlaceholders("[PERSON_2] helped."));
        Assert.Equal(["[PERSON_7]", "[NAME]", "[EMPLOYEE_2]"], people.FindInventedPlaceholders("[PERSON_7], [NAME] and [EMPLOYEE_2] helped."));
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

        var result = Scorecard.Platform.Ai.AiNames.PseudonymizeAroundDelimiters(text, boundary, people);

        Assert.Equal("About [PERSON_1] and [PERSON_2]:\n"
            + $"<<untrusted-data id={boundary} source=\"notes by [PERSON_2]\">>\n[PERSON_1] helped [PERSON_2].\n<</untrusted-data id={boundary}>>", result);
        // Without the protection the delimiters themselves would have been rewritten.
        Assert.Contains("untrusted-[PERSON_1]", people.Pseudonymize(text));
    }
}
