using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// Runs a change and everything recorded about it — audit rows, other modules' rows — in one database
/// transaction on the scope's shared connection: every module context of the scope takes part in it.
/// Integration events raised inside are published only after the commit, and dropped when the work
/// fails. Nested calls join the outer transaction. Every state-changing request runs in one (see
/// <c>TransactionPerRequestFilter</c>); jobs and seeders call it themselves.
/// </summary>
public sealed class UnitOfWork(IServiceProvider services, IEnumerable<ModuleContextRegistration> contexts)
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private List<DbContext>? _joined;

    public bool InTransaction => _joined is not null;

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (InTransaction) return await work();

        var joined = contexts.Select(c => (DbContext)services.GetRequiredService(c.ContextType)).ToList();
        if (joined.Count == 0) return await work();   // a test host without the database

        await using var transaction = await joined[0].Database.BeginTransactionAsync(cancellationToken);
        foreach (var db in joined.Skip(1)) db.Database.UseTransaction(transaction.GetDbTransaction());
        _joined = joined;
        T result;
        try
        {
            result = await work();
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            _afterCommit.Clear();
            // What the contexts saved was rolled back: forget it, so the scope does not act on rows that are not there.
            foreach (var db in joined) db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            foreach (var db in joined.Skip(1)) db.Database.UseTransaction(null);
            _joined = null;
        }

        var pending = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in pending) await action(cancellationToken);
        return result;
    }

    public Task RunAsync(Func<Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(async () => { await work(); return true; }, cancellationToken);

    /// <summary>Runs <paramref name="action"/> after the running transaction commits, or now when there is none.</summary>
    public Task AfterCommitAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default)
    {
        if (!InTransaction) return action(cancellationToken);
        _afterCommit.Add(action);
        return Task.CompletedTask;
    }
}
