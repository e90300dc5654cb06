using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Application.Invitations;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;

namespace Scorecard.Organization.Tests.Accounts;

public sealed class AccountRulesTests
{
    [Fact]
    public void Roles_are_matched_ignoring_case_de_duplicated_and_answered_in_their_canonical_spelling()
    {
        Assert.Equal(["Admin", "HR"], PersonRoles.Parse(["hr", "ADMIN", " Hr "]));
        Assert.Empty(PersonRoles.Parse([]));
    }

    [Fact]
    public void An_unknown_or_missing_role_list_is_refused_naming_the_field_and_the_value()
    {
        var unknown = Assert.Throws<BadInputException>(() => PersonRoles.Parse(["HR", "Owner"]));
        Assert.Equal("roles", unknown.Field);
        Assert.Contains("'Owner'", unknown.Message);
        Assert.Equal("roles", Assert.Throws<BadInputException>(() => PersonRoles.Parse(null)).Field);
        Assert.Equal("roles", Assert.Throws<BadInputException>(() => PersonRoles.Parse([null])).Field);
    }

    [Fact]
    public void Invitation_tokens_are_long_random_url_safe_and_stored_as_a_different_hash()
    {
        var a = InvitationToken.New();
        var b = InvitationToken.New();
        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);   // 256 bits
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
        Assert.Equal(64, InvitationToken.Hash(a).Length);
        Assert.Equal(InvitationToken.Hash(a), InvitationToken.Hash(a));
        Assert.DoesNotContain(a, InvitationToken.Hash(a));
    }

    [Fact]
    public void The_invitation_CSV_has_one_line_per_person_and_defuses_formulas()
    {
        var at = new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);
        var id = Guid.Parse("6f1c0a52-9a2b-4f3e-8c1d-2b3a4c5d6e7f");
        var csv = InvitationCsv.Write([new InvitationDto(id, "=cmd@x.example", "http://h/invitations/t,1", at)]);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("personId,email,link,expiresAt", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("6f1c0a52-9a2b-4f3e-8c1d-2b3a4c5d6e7f,", lines[1]);
        Assert.DoesNotContain(",=cmd", lines[1]);
        Assert.Contains("\"http://h/invitations/t,1\"", lines[1]);
        Assert.EndsWith(",2026-12-06T09:30:00Z", lines[1]);
    }
}
