using Scorecard.Testing;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Inbox;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Web;

namespace Scorecard.Platform.Tests.Web;

public sealed class ScorecardExceptionHandlerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scorecard-handler-").FullName;

    private static async Task<(int Status, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handled = await new ScorecardExceptionHandler(services.GetRequiredService<IProblemDetailsService>())
            .TryHandleAsync(context, exception, CancellationToken.None);
        Assert.True(handled);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement);
    }

    [Fact]
    public async Task A_unique_index_refusing_a_simultaneous_duplicate_becomes_409_not_500()
    {
        await using var database = TestDatabase.Create("handler");
        await using var db = database.Context<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(PlatformTables.Prefix);
        await db.Database.MigrateAsync();
        var person = Guid.NewGuid();
        db.Notifications.Add(new NotificationEntity { PersonId = person, DedupKey = "same", Text = "a" });
        db.Notifications.Add(new NotificationEntity { PersonId = person, DedupKey = "same", Text = "b" });
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        var (status, body) = await HandleAsync(duplicate);
        Assert.Equal(409, status);
        Assert.Contains("same moment", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("sqlite", "FOREIGN KEY constraint failed", "", 409)]
    [InlineData("sqlite", "NOT NULL constraint failed: org_people.Name", "", 400)]
    [InlineData("postgres", "insert or update violates foreign key constraint", "23503", 409)]
    [InlineData("postgres", "value too long for type character varying(200)", "22001", 400)]
    [InlineData("postgres", "numeric field overflow", "22003", 400)]
    [InlineData("postgres", "invalid byte sequence for encoding \"UTF8\": 0x00", "22021", 400)]
    public async Task Database_refusals_that_are_the_callers_fault_are_4xx_on_both_databases(string provider, string message, string sqlState, int expected)
    {
        Exception inner = provider == "sqlite"
            ? new SqliteException("SQLite Error 19: '" + message + "'.", 19)
            : new Npgsql.PostgresException(message, "ERROR", "ERROR", sqlState);
        var (status, body) = await HandleAsync(new DbUpdateException("An error occurred while saving the entity changes.", inner));
        Assert.Equal(expected, status);
        Assert.DoesNotContain(message, body.GetProperty("detail").GetString());   // no database internals in the answer
    }

    [Fact]
    public async Task Use_case_errors_carry_their_status_and_the_field()
    {
        var (status, body) = await HandleAsync(new RuleViolationException("managerId", "That manager would create a reporting cycle."));
        Assert.Equal(422, status);
        Assert.Equal("managerId", body.GetProperty("field").GetString());
        Assert.Equal(413, (await HandleAsync(new PayloadTooLargeException(RequestBody.DefaultLimitBytes))).Status);
    }

    [Fact]
    public async Task Unknown_errors_are_left_to_the_default_500_handler()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handled = await new ScorecardExceptionHandler(services.GetRequiredService<IProblemDetailsService>())
            .TryHandleAsync(new DefaultHttpContext { RequestServices = services }, new InvalidOperationException("secret detail"), CancellationToken.None);
        Assert.False(handled);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
