using System.Security.Cryptography;
using System.Text;

namespace Scorecard.Organization.Application.Invitations;

/// <summary>256 random bits in the link; the database keeps only their SHA-256, so a copy of it opens no account.</summary>
internal static class InvitationToken
{
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
