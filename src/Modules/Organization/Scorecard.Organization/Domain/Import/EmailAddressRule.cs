using System.Net.Mail;

namespace Scorecard.Organization.Domain.Import;

/// <summary>E-mail addresses are compared case-insensitively and stored in lower case.</summary>
internal static class EmailAddressRule
{
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    /// <summary>A plain address (no display name) with a dot, as the person API accepts it.</summary>
    public static bool IsWellFormed(string normalized) =>
        normalized.Length <= PeopleImportLimits.EmailMaxLength
        && MailAddress.TryCreate(normalized, out var parsed)
        && parsed.Address == normalized
        && normalized.Contains('.', StringComparison.Ordinal);
}
