using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// Runs a change and everything recorded about it (audit rows, other modules' rows) in one database
/// transaction on the scope's shared connection. Integration events raised inside are published only
/// after the commit, and are dropped when the work fails. Nested calls join the outer transaction.
/// </summary>
public sealed class UnitOfWork(ScopedDbConnection connection)
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private readonly List<DbContext> _joined = [];

    public bool InTransaction => connection.Transaction is not null;

    public async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (InTransaction)
        {
            Join(db);
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        connection.Transaction = transaction.GetDbTransaction();
        T result;
        try
        {
            result = await work();
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            _afterCommit.Clear();
            throw;
        }
        finally
        {
            connection.Transaction = null;
            foreach (var joined in _joined) joined.Database.UseTransaction(null);
            _joined.Clear();
        }

        var pending = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in pending) await action(cancellationToken);
        return result;
    }

    public Task RunAsync(DbContext db, Func<Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(db, async () => { await work(); return true; }, cancellationToken);

    /// <summary>Makes <paramref name="db"/> take part in the running transaction, if there is one.</summary>
    public void Join(DbContext db)
    {
        if (connection.Transaction is not { } transaction || db.Database.CurrentTransaction is not null) return;
        db.Database.UseTransaction(transaction);
        _joined.Add(db);
    }

    /// <summary>Runs <paramref name="action"/> after the running transaction commits, or now when there is none.</summary>
    public Task AfterCommitAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default)
    {
        if (!InTransaction) return action(cancellationToken);
        _afterCommit.Add(action);
        return Task.CompletedTask;
    }
}
