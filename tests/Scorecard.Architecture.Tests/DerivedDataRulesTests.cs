using System.Text.RegularExpressions;

namespace Scorecard.Architecture.Tests;

/// <summary>
/// The Organization and Strategy modules keep derived rows in step inside their contexts' SaveChanges: each unit's stored
/// heads (<c>org_unit_heads</c>) and the Strategy revision that tells every instance its cached scorecard trees are stale
/// (<c>strategy_revision</c>). A bulk update or delete, or raw SQL, bypasses SaveChanges and would leave them wrong, so
/// those modules write through the change tracker only; the two places that maintain the derived rows are the exceptions.
/// </summary>
public sealed partial class DerivedDataRulesTests
{
    private static readonly string[] Allowed =
    [
        Path.Combine("Scorecard.Organization", "Persistence", "UnitHeadsMaintenance.cs"),
        Path.Combine("Scorecard.Strategy", "Persistence", "StrategyDbContext.cs"),
    ];

    [Theory]
    [InlineData("Organization")]
    [InlineData("Strategy")]
    public void Writes_go_through_SaveChanges_so_stored_heads_and_the_strategy_revision_follow(string module)
    {
        var offenders = RepositoryFiles.Under(Path.Combine("src", "Modules", module), "*.cs")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"))
            .Where(f => !Allowed.Any(a => f.EndsWith(a, StringComparison.Ordinal)))
            .SelectMany(f => BypassingWrite().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryFiles.Root(), f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0,
            $"The {module} module writes around SaveChanges (stored unit heads or the Strategy revision would not follow):\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"\b(ExecuteUpdate|ExecuteDelete|ExecuteSql|FromSql)\w*")]
    private static partial Regex BypassingWrite();
}
