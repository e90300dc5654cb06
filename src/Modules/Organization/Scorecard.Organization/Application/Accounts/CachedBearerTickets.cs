using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// Reading a bearer token — decrypting it with the data-protection keys and deserializing its ticket — was a quarter of
/// a cheap API request, and a client sends the same token with every call. The tickets read are kept for
/// <see cref="Lifetime"/> by the token's text; each request gets its own copy. Nothing about validity is cached: the
/// bearer handler still checks the ticket's expiry on every request, and <see cref="ActiveAccountCheck"/> the account's
/// security stamp, so signing out everywhere or a role change still takes effect at once. Tokens that fail to read are
/// not kept.
/// </summary>
internal sealed class CachedBearerTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int MaxTokens = 10_000;

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MaxTokens, Clock = new SystemClockAdapter(clock) });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText)) return null;
        var key = (protectedText, purpose);
        if (!_tickets.TryGetValue(key, out AuthenticationTicket? ticket))
        {
            ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null) return null;
            _tickets.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }
        // ClaimsPrincipal.Clone shares its identities: later steps add claims to them, so each copy gets its own.
        return new AuthenticationTicket(new ClaimsPrincipal(ticket!.Principal.Identities.Select(i => i.Clone())),
            ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes the older ISystemClock
    private sealed class SystemClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}

/// <summary>Puts <see cref="CachedBearerTicketFormat"/> around the bearer scheme's token reader.</summary>
internal sealed class CachedBearerTickets(TimeProvider clock) : IPostConfigureOptions<BearerTokenOptions>
{
    public void PostConfigure(string? name, BearerTokenOptions options)
    {
        if (name == IdentityConstants.BearerScheme && options.BearerTokenProtector is not CachedBearerTicketFormat)
            options.BearerTokenProtector = new CachedBearerTicketFormat(options.BearerTokenProtector, clock);
    }
}
