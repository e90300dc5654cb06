namespace Scorecard.Platform.Web;

/// <summary>
/// The action keeps what it writes even when it answers with an error — sign-in, whose failed attempts
/// must count towards the lockout although the attempt itself is refused. It runs outside the request's
/// unit of work, each write committed on its own.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class NoRequestTransactionAttribute : Attribute;
