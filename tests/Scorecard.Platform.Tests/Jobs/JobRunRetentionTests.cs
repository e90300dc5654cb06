using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Platform.Jobs;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Tests.Jobs;

/// <summary>
/// <c>platform_job_runs</c> gains a row per job slot; the runs older than the retention are deleted in batches, only the
/// job's own, and the job runner does it after a claimed slot at most once an hour.
/// </summary>
public sealed class JobRunRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = TestDatabase.Create("platform");
    private PlatformDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = NewContext();
        await _db.Database.MigrateAsync();
    }

    private PlatformDbContext NewContext() => _database.Context<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(PlatformTables.Prefix);

    [Fact]
    public async Task Runs_older_than_the_retention_are_deleted_in_batches_and_other_jobs_keep_theirs()
    {
        // 10 days of a job every 2 minutes (7,200 runs; the 2,160 to delete make more than two batches) and one run of another job 10 days ago.
        for (var at = Start; at < Start.AddDays(10); at = at.AddMinutes(2)) AddRun("okr.alignment-refresh", at);
        AddRun("other.job", Start);
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        var clock = new MovableClock(Start.AddDays(10));
        var deleted = await new JobRunRetention(_db, clock).PruneAsync("okr.alignment-refresh", TimeSpan.FromDays(7), default);

        Assert.Equal(3 * 24 * 30, deleted); // the first three days
        Assert.True(deleted > JobRunRetention.BatchSize * 2);
        var oldest = await _db.JobRuns.Where(r => r.Job == "okr.alignment-refresh").MinAsync(r => r.SlotUnixSeconds);
        Assert.Equal(Start.AddDays(3).ToUnixTimeSeconds(), oldest);
        Assert.Equal(7 * 24 * 30, await _db.JobRuns.CountAsync(r => r.Job == "okr.alignment-refresh"));
        Assert.Equal(1, await _db.JobRuns.CountAsync(r => r.Job == "other.job"));
        Assert.Equal(0, await new JobRunRetention(_db, clock).PruneAsync("okr.alignment-refresh", TimeSpan.FromDays(7), default));
    }

    [Fact]
    public async Task The_job_runner_prunes_its_own_old_runs_after_a_claimed_slot_with_the_configured_retention()
    {
        for (var at = Start; at < Start.AddDays(3); at = at.AddHours(1)) AddRun(CountingJob.JobName, at);
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        var clock = new MovableClock(Start.AddDays(3));
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scorecard:Jobs:RunRetentionDays"] = "1" }).Build())
            .AddScoped(_ => NewContext())
            .BuildServiceProvider();
        var job = new CountingJob(services.GetRequiredService<IServiceScopeFactory>(), clock);
        await job.StartAsync(default);
        // The first slot runs right after the start (in the background): wait until its prune is done.
        for (var i = 0; i < 600 && await _db.JobRuns.CountAsync(r => r.Job == CountingJob.JobName) > 25; i++) await Task.Delay(100);
        await job.StopAsync(default);

        var slots = await _db.JobRuns.Where(r => r.Job == CountingJob.JobName).Select(r => r.SlotUnixSeconds).ToListAsync();
        Assert.Equal(24 + 1, slots.Count); // the last day's runs, and the run just made
        Assert.All(slots, s => Assert.True(s >= Start.AddDays(2).ToUnixTimeSeconds()));
        Assert.NotNull((await _db.JobRuns.SingleAsync(r => r.Job == CountingJob.JobName && r.SlotUnixSeconds == Start.AddDays(3).ToUnixTimeSeconds())).FinishedAt);
    }

    private void AddRun(string job, DateTimeOffset at) =>
        _db.JobRuns.Add(new JobRunEntity { Job = job, SlotUnixSeconds = at.ToUnixTimeSeconds(), Instance = "test", StartedAt = at, FinishedAt = at, Outcome = "done" });

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class CountingJob(IServiceScopeFactory scopes, TimeProvider clock) : ClusteredJob(scopes, clock, NullLogger.Instance)
    {
        public const string JobName = "test.counting";

        protected override string Name => JobName;

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override Task<string> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult("ran");
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
