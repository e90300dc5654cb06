namespace Scorecard.Strategy.Persistence;

/// <summary>
/// One row whose value moves on with every saved change to the Strategy tables, in the same transaction as the change,
/// by whatever instance makes it. A read model built at revision N is therefore current for as long as the revision is
/// still N, on every instance sharing the database (<see cref="Application.ScorecardTreeCache"/>). The increment is one
/// SQL statement, so two concurrent writers never leave the same value behind; it runs after the save, so a reader
/// that sees a new value also sees the change.
/// </summary>
internal sealed class StrategyRevisionRecord
{
    public const int SingleId = 1;

    public const string BumpSql = """UPDATE strategy_revision SET "Value" = "Value" + 1 WHERE "Id" = 1""";

    public int Id { get; set; }

    public long Value { get; set; }
}
