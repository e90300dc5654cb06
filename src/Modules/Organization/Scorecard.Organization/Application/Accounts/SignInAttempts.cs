using Microsoft.Extensions.Caching.Memory;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// Failed sign-ins counted per account <em>and</em> client address: after <see cref="MaxFailures"/> failures
/// within <see cref="Window"/>, that address cannot sign in to that account until the window passes. A guesser
/// therefore locks only itself out — the person signs in from their own device as usual, and no live session
/// ends. (A lockout per account alone would let any anonymous client shut anyone out, the administrator
/// included.) Guessing across many accounts or fast from one address is stopped by the rate limiter.
/// Kept in memory per instance: behind N instances a guesser gets N × 5 tries per window, still far too few.
/// </summary>
internal sealed class SignInAttempts(IMemoryCache cache)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public bool IsBlocked(string email, string? address) =>
        cache.TryGetValue(Key(email, address), out Counter? counter) && counter!.Failures >= MaxFailures;

    public void Failed(string email, string? address)
    {
        var counter = cache.GetOrCreate(Key(email, address), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Window;
            return new Counter();
        })!;
        Interlocked.Increment(ref counter.Failures);
    }

    public void Succeeded(string email, string? address) => cache.Remove(Key(email, address));

    private static string Key(string email, string? address) =>
        $"sign-in:{email.Trim().ToUpperInvariant()}|{address ?? "-"}";

    private sealed class Counter
    {
        public int Failures;
    }
}
