using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Web;

/// <summary>Turns use-case errors into ProblemDetails; anything else is a 500 without internals.</summary>
internal sealed class ScorecardExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ScorecardException e => new ProblemDetails { Status = e.StatusCode, Title = e.Title, Detail = e.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict.",
                Detail = "Someone else changed this item since you loaded it. Reload it and apply your change again.",
            },
            DbUpdateException e when UniqueViolation.Is(e) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict.",
                Detail = "This conflicts with a change saved at the same moment (a duplicate). Reload and try again.",
            },
            DbUpdateException e when CallerFault(e) is { } fault => new ProblemDetails
            {
                Status = fault.Status,
                Title = fault.Status == StatusCodes.Status409Conflict ? "Conflict." : "The request is not valid.",
                Detail = fault.Detail,
            },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Bad request.", Detail = e.Message },
            System.Text.DecoderFallbackException => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest, Title = "Bad request.", Detail = "The body is not valid text in its declared charset.",
            },
            _ => null,
        };
        if (problem is null) return false;
        if (exception is BadInputException bad) problem.Extensions["field"] = bad.Field;
        if (exception is RuleViolationException rule) problem.Extensions["field"] = rule.Field;
        if (exception is StaleVersionException stale) problem.Extensions["current"] = stale.Current;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// Database refusals that are the caller's doing, the same on both databases: a reference to something that
    /// does not exist or is still used (409), a value the column cannot hold (400). Anything else stays a 500.
    /// </summary>
    private static (int Status, string Detail)? CallerFault(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } sqlite when sqlite.Message.Contains("FOREIGN KEY", StringComparison.Ordinal) => Reference,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } sqlite when sqlite.Message.Contains("NOT NULL", StringComparison.Ordinal) => Missing,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } sqlite when sqlite.Message.Contains("CHECK", StringComparison.Ordinal) => OutOfRange,
        Npgsql.PostgresException { SqlState: "23503" } => Reference,
        Npgsql.PostgresException { SqlState: "23502" } => Missing,
        Npgsql.PostgresException { SqlState: "23514" or "22003" or "22008" } => OutOfRange,
        Npgsql.PostgresException { SqlState: "22001" } => (StatusCodes.Status400BadRequest, "A text is longer than this field allows."),
        Npgsql.PostgresException { SqlState: "22021" or "22P05" or "22P02" } => (StatusCodes.Status400BadRequest, "A value contains characters or a format the database cannot store."),
        _ => null,
    };

    private static readonly (int, string) Reference =
        (StatusCodes.Status409Conflict, "This refers to something that does not exist (any more), or something else still refers to it.");

    private static readonly (int, string) Missing = (StatusCodes.Status400BadRequest, "A required value is missing.");

    private static readonly (int, string) OutOfRange = (StatusCodes.Status400BadRequest, "A value is outside the range this field allows.");
}
