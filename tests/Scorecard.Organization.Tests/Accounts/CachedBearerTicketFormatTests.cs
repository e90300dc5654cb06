using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Scorecard.Organization.Application.Accounts;

namespace Scorecard.Organization.Tests.Accounts;

public sealed class CachedBearerTicketFormatTests
{
    [Fact]
    public void A_token_is_decrypted_once_per_lifetime_and_every_reader_gets_its_own_copy()
    {
        var clock = new ManualClock();
        var inner = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        var format = new CachedBearerTicketFormat(inner, clock);
        var token = format.Protect(Ticket("account-1"));

        var first = format.Unprotect(token)!;
        first.Principal.Identities.First().AddClaim(new Claim("added", "by this request"));
        first.Properties.Items["changed"] = "by this request";
        var second = format.Unprotect(token)!;

        Assert.Equal(1, inner.Reads);
        Assert.Equal("account-1", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Null(second.Principal.FindFirst("added"));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc); // the handler checks expiry on every copy

        clock.Advance(CachedBearerTicketFormat.Lifetime + TimeSpan.FromSeconds(1));
        Assert.NotNull(format.Unprotect(token));
        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public void A_token_that_does_not_read_is_refused_every_time_and_not_kept()
    {
        var inner = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        var format = new CachedBearerTicketFormat(inner, new ManualClock());
        var forged = format.Protect(Ticket("account-1"))[..^4] + "AAAA";

        Assert.Null(format.Unprotect(forged));
        Assert.Null(format.Unprotect(forged));
        Assert.Equal(2, inner.Reads);
        Assert.Null(format.Unprotect(null));
        Assert.Null(format.Unprotect(""));
    }

    private static AuthenticationTicket Ticket(string accountId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId)], "test")),
            new AuthenticationProperties { ExpiresUtc = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) }, "BearerToken");

    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return inner.Unprotect(protectedText, purpose);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
