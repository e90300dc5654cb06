using Scorecard.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Inbox;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Tests.Persistence;

/// <summary>The audit log and the inbox on a real migrated SQLite file.</summary>
public sealed class PlatformStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("platform");
    private PlatformDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = _database.Context<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(PlatformTables.Prefix);
        await _db.Database.MigrateAsync();
    }

    [Fact]
    public async Task A_reminder_with_the_same_key_is_delivered_once()
    {
        var inbox = new EfInbox(_db, TimeProvider.System);
        var person = Guid.NewGuid();
        Assert.True(await inbox.NotifyAsync(person, "kpi-due:1:2026-11-30", "Enter November's NPS", "/kpis/1"));
        Assert.False(await inbox.NotifyAsync(person, "kpi-due:1:2026-11-30", "Enter November's NPS", "/kpis/1"));
        Assert.True(await inbox.NotifyAsync(person, "kpi-due:1:2026-12-31", "Enter December's NPS"));
        Assert.True(await inbox.NotifyAsync(Guid.NewGuid(), "kpi-due:1:2026-11-30", "Someone else's"));

        var mine = await inbox.ForPersonAsync(person);
        Assert.Equal(2, mine.Count);
        await inbox.MarkReadAsync(person, mine[0].Id);
        Assert.Single(await inbox.ForPersonAsync(person, unreadOnly: true));
        await Assert.ThrowsAsync<NotFoundException>(() => inbox.MarkReadAsync(Guid.NewGuid(), mine[1].Id));
    }

    [Fact]
    public async Task The_audit_log_keeps_every_entry_newest_first()
    {
        var audit = new EfAuditLog(_db, TimeProvider.System);
        var actor = Guid.NewGuid();
        await audit.WriteAsync(new AuditEntry("rating.changed", "Review", "r1", actor, Before: "3", After: "4", Reason: "calibration"));
        await audit.WriteAsync(new AuditEntry("rating.changed", "Review", "r1", actor, Before: "4", After: "5", Reason: "appeal"));
        await audit.WriteAsync(new AuditEntry("review.signed", "Review", "r2", actor));

        var r1 = await audit.ReadAsync("Review", "r1");
        Assert.Equal(["5", "4"], r1.Select(e => e.After));
        Assert.Equal("appeal", r1[0].Reason);
        Assert.Single(await audit.ReadAsync(action: "review.signed"));
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }
    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Rejected_model_answers_are_cleared_from_their_audit_record_after_30_days_and_the_record_stays()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        var audit = new EfAuditLog(_db, clock);
        await audit.WriteAsync(new AuditEntry("ai.call", "reviews.draft", "r-old", null, DataJson: """{"outcome":"rejected","rejectedAnswer":"[PERSON_1] should be promoted."}"""));
        clock.Now = clock.Now.AddDays(20);
        await audit.WriteAsync(new AuditEntry("ai.call", "reviews.draft", "r-new", null, DataJson: """{"outcome":"rejected","rejectedAnswer":"Rate [PERSON_1] 5."}"""));
        clock.Now = clock.Now.AddDays(15); // the first is 35 days old, the second 15

        Assert.Equal(1, await new AiAuditRetention(_db, clock).PurgeExpiredAsync(default));

        var records = await audit.ReadAsync(action: "ai.call");
        Assert.Equal(2, records.Count);
        var old = records.Single(r => r.SubjectId == "r-old");
        Assert.DoesNotContain("promoted", old.DataJson);
        Assert.Contains("\"outcome\":\"rejected\"", old.DataJson);
        Assert.Contains("rejectedAnswerPurgedAt", old.DataJson);
        Assert.Contains("Rate [PERSON_1] 5.", records.Single(r => r.SubjectId == "r-new").DataJson);
    }
}
