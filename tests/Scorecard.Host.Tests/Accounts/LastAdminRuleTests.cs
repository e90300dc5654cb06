using System.Net;

namespace Scorecard.Host.Tests.Accounts;

public sealed class LastAdminRuleTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private long ActiveAdmins() => factory.Database.Count(
        "SELECT count(*) FROM org_account_roles ar JOIN org_roles r ON r.\"Id\" = ar.\"RoleId\" " +
        "JOIN org_accounts a ON a.\"Id\" = ar.\"UserId\" LEFT JOIN org_people p ON p.\"Id\" = a.\"PersonId\" " +
        "WHERE r.\"Name\" = 'Admin' AND (p.\"Id\" IS NULL OR p.\"Active\" = TRUE)");

    [Fact]
    public async Task The_last_administrator_keeps_the_role_and_cannot_leave_and_two_removals_at_once_leave_one()
    {
        var maya = await factory.FreshBearerAsync(ScorecardFactory.Admin);
        var mayaId = (await maya.GetJsonAsync("/api/v1/me"))["person"]!["id"].Str();
        Assert.Equal(1, ActiveAdmins());

        var lose = await maya.PutRolesAsync(mayaId, "HR");
        Assert.Equal(HttpStatusCode.Conflict, lose.StatusCode);
        Assert.Contains("At least one active administrator", (await Json.ReadAsync(lose))["detail"].Str());
        var leave = await (await factory.ClientForAsync(ScorecardFactory.Hr)).PatchJsonAsync($"/api/v1/people/{mayaId}", new { active = false });
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
        Assert.Contains("At least one active administrator", (await Json.ReadAsync(leave))["detail"].Str());
        Assert.True((await maya.GetJsonAsync($"/api/v1/people/{mayaId}"))["active"]!.GetValue<bool>());   // nothing partly written
        Assert.Equal(1, ActiveAdmins());

        // A second administrator; then both lose the role at the same moment: exactly one of them may.
        var saraId = await maya.PersonIdAsync(ScorecardFactory.Hr);
        Assert.Equal(HttpStatusCode.OK, (await maya.PutRolesAsync(saraId, "Admin", "HR")).StatusCode);
        var sara = await factory.FreshBearerAsync(ScorecardFactory.Hr);
        Assert.Equal(2, ActiveAdmins());
        var both = await Task.WhenAll(maya.PutRolesAsync(mayaId), sara.PutRolesAsync(saraId, "HR"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        Assert.Equal(1, ActiveAdmins());
    }
}
