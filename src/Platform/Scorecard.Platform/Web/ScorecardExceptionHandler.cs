using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
            DbUpdateException e when IsUniqueViolation(e) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict.",
                Detail = "This conflicts with a change saved at the same moment (a duplicate). Reload and try again.",
            },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Bad request.", Detail = e.Message },
            _ => null,
        };
        if (problem is null) return false;
        if (exception is BadInputException bad) problem.Extensions["field"] = bad.Field;
        if (exception is RuleViolationException rule) problem.Extensions["field"] = rule.Field;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>A unique index refused the write: SQLite constraint error 19, PostgreSQL SQLSTATE 23505.</summary>
    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        _ => false,
    };
}
