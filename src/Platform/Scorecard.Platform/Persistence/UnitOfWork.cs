using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// Runs a change and everything recorded about it — audit rows, other modules' rows — in one database
/// transaction on the scope's shared connection, which every module context of the scope takes part in.
/// The transaction starts at the first save (so reads and slow work before it, such as a model call, hold
/// no lock) and commits when the work ends, or rolls back when it throws. Integration events raised inside
/// are published only after the commit, and dropped on failure. Nested calls join the outer one. Every
/// state-changing request runs in one (<c>TransactionPerRequestFilter</c>).
/// </summary>
public sealed class UnitOfWork(IServiceProvider services, IEnumerable<ModuleContextRegistration> contexts)
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private bool _running;
    private IDbContextTransaction? _transaction;
    private List<DbContext> _joined = [];

    public bool InTransaction => _running;

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (_running) return await work();
        _running = true;
        T result;
        try
        {
            result = await work();
            if (_transaction is not null) await _transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            _afterCommit.Clear();
            // What the contexts saved was rolled back: forget it, so the scope does not act on rows that are not there.
            foreach (var db in _joined) db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            await EndAsync();
        }

        var pending = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in pending) await action(cancellationToken);
        return result;
    }

    public Task RunAsync(Func<Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(async () => { await work(); return true; }, cancellationToken);

    /// <summary>Runs <paramref name="action"/> after the running unit of work commits, or now when there is none.</summary>
    public Task AfterCommitAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default)
    {
        if (!_running) return action(cancellationToken);
        _afterCommit.Add(action);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Serializes the rest of the work with every other unit of work that locks the same row, until the commit:
    /// for rules a unique index cannot hold ("at most 8 nominations", "current = the latest check-in"). Starts the
    /// transaction now — on SQLite a writer's lock (BEGIN IMMEDIATE), on PostgreSQL a row lock (FOR UPDATE).
    /// Read what the rule depends on only after this. Outside a unit of work there is nothing to serialize with.
    /// </summary>
    public async Task LockAsync<TEntity>(DbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!_running) return;
        await BeforeSaveAsync(db, cancellationToken);
        if (!db.Database.IsNpgsql()) return;
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var sql = $"SELECT 1 FROM \"{entity.GetTableName()}\" WHERE \"{key}\" = @p0 FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [new Npgsql.NpgsqlParameter("p0", id)], cancellationToken);
    }

    /// <summary>Before any context of the scope saves: starts the transaction, with every module context in it.</summary>
    internal async Task BeforeSaveAsync(DbContext saving, CancellationToken cancellationToken)
    {
        if (!_running || _transaction is not null) return;
        var joined = contexts.Select(c => (DbContext)services.GetRequiredService(c.ContextType)).ToList();
        if (!joined.Contains(saving)) joined.Add(saving);
        _transaction = await saving.Database.BeginTransactionAsync(cancellationToken);
        foreach (var db in joined.Where(db => db != saving)) db.Database.UseTransaction(_transaction.GetDbTransaction());
        _joined = joined;
    }

    private async Task EndAsync()
    {
        if (_transaction is not null)
        {
            var saving = _joined.FirstOrDefault(db => db.Database.CurrentTransaction == _transaction);
            foreach (var db in _joined.Where(db => db != saving)) db.Database.UseTransaction(null);
            await _transaction.DisposeAsync();   // rolls back unless committed
        }
        _transaction = null;
        _joined = [];
        _running = false;
    }
}
