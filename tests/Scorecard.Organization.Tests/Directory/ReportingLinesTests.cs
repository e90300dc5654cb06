using Scorecard.Organization.Domain;

namespace Scorecard.Organization.Tests.Directory;

public sealed class ReportingLinesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    // A manages B, B manages C; D stands alone.
    private static readonly Dictionary<Guid, Guid?> ManagerOf = new() { [A] = null, [B] = A, [C] = B, [D] = null };

    [Fact]
    public void Making_someone_the_manager_of_their_own_manager_is_a_cycle()
    {
        Assert.True(ReportingLines.WouldCreateCycle(A, C, ManagerOf));
        Assert.True(ReportingLines.WouldCreateCycle(B, B, ManagerOf));
        Assert.False(ReportingLines.WouldCreateCycle(C, D, ManagerOf));
        Assert.False(ReportingLines.WouldCreateCycle(C, null, ManagerOf));
    }

    [Fact]
    public void A_stored_loop_does_not_hang_the_chain_walk()
    {
        var loop = new Dictionary<Guid, Guid?> { [A] = B, [B] = A };
        Assert.Equal([B], ReportingLines.ManagerChain(A, loop));
    }

    [Fact]
    public void Unit_paths_run_from_the_root()
    {
        var root = new OrgUnit { Name = "Acme" };
        var team = new OrgUnit { Name = "Platform", ParentId = root.Id };
        var units = new Dictionary<Guid, OrgUnit> { [root.Id] = root, [team.Id] = team };
        Assert.Equal("Acme/Platform", ReportingLines.PathOf(team.Id, units));
    }
}
