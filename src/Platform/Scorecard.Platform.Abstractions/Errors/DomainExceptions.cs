namespace Scorecard.Platform;

/// <summary>
/// Errors a use case raises; the host turns each into ProblemDetails with the status named here.
/// </summary>
public abstract class ScorecardException(string message) : Exception(message)
{
    public abstract int StatusCode { get; }
    public abstract string Title { get; }
}

/// <summary>400: the request itself is malformed; <see cref="Field"/> names the offending field.</summary>
public sealed class BadInputException(string field, string message) : ScorecardException(message)
{
    public string Field { get; } = field;
    public override int StatusCode => 400;
    public override string Title => "The request is not valid.";
}

/// <summary>422: well-formed, but it breaks a business rule (a cycle, a duplicate, an unknown reference).</summary>
public sealed class RuleViolationException(string field, string message) : ScorecardException(message)
{
    public string Field { get; } = field;
    public override int StatusCode => 422;
    public override string Title => "The request breaks a rule.";
}

public sealed class NotFoundException(string what, object id)
    : ScorecardException($"{what} '{id}' was not found.")
{
    public override int StatusCode => 404;
    public override string Title => "Not found.";
}

public sealed class ForbiddenException(string message) : ScorecardException(message)
{
    public override int StatusCode => 403;
    public override string Title => "Forbidden.";
}

/// <summary>409: a stale write (concurrency token) or an action in the wrong state.</summary>
public sealed class ConflictException(string message) : ScorecardException(message)
{
    public override int StatusCode => 409;
    public override string Title => "Conflict.";
}

/// <summary>
/// 409: the item changed since the caller loaded it; nothing was overwritten. <see cref="Current"/> is its present state,
/// returned as <c>current</c> so the caller can show what changed.
/// </summary>
public sealed class StaleVersionException(string message, object current) : ScorecardException(message)
{
    public override int StatusCode => 409;
    public override string Title => "Conflict.";
    public object Current => current;
}

/// <summary>401: the credentials were wrong, or the account is locked.</summary>
public sealed class AuthenticationFailedException(string message) : ScorecardException(message)
{
    public override int StatusCode => 401;
    public override string Title => "Sign-in failed.";
}
