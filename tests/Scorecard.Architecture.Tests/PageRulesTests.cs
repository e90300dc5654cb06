using System.Text.RegularExpressions;

namespace Scorecard.Architecture.Tests;

/// <summary>Rules for the modules' pages, read from the views' source.</summary>
public sealed partial class PageRulesTests
{
    private static string RepositoryRoot() => RepositoryFiles.Root();

    private static IEnumerable<string> Views() => RepositoryFiles.Under("src", "*.cshtml");

    [Fact]
    public void No_page_offers_people_from_a_list_of_everyone_person_fields_search_as_you_type()
    {
        var offenders = Views()
            .SelectMany(f => PeopleOptions().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryRoot(), f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0,
            "Use the _PersonPicker partial (GET /api/v1/people?search=&limit=) instead of options for every person:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void No_page_offers_units_from_a_list_of_every_unit_unit_fields_search_as_you_type()
    {
        var offenders = Views()
            .SelectMany(f => UnitOptions().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryRoot(), f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0,
            "Use the _UnitPicker partial (GET /api/v1/org-units?search=&limit=) instead of options for every unit:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void No_view_has_inline_script_or_event_handlers_the_content_security_policy_would_block()
    {
        var offenders = Views()
            .SelectMany(f => InlineScript().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryRoot(), f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Move page scripts to files under src/Host/wwwroot/js:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"foreach\s*\(var\s+\w+\s+in\s+[\w.]*(People|Managers|Everyone|Persons)\w*\)\s*\{\s*<option", RegexOptions.IgnoreCase)]
    private static partial Regex PeopleOptions();

    [GeneratedRegex(@"foreach\s*\((var|\(var\s+\w+,\s*var\s+\w+\)|var\s*\([^)]*\))\s*\w*\s+in\s+[\w.()=>\s]*Units\w*[\w.()=>\s]*\)\s*\{\s*<option", RegexOptions.IgnoreCase)]
    private static partial Regex UnitOptions();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\son(click|change|submit|input|load|keydown|keyup)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
