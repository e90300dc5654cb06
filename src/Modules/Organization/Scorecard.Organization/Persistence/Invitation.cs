namespace Scorecard.Organization.Persistence;

/// <summary>
/// A single-use link that lets a person set the password of their new account. Only the SHA-256 hash of the
/// token is stored: the link itself exists only in the answer to whoever created it (and the sender).
/// </summary>
internal sealed class Invitation
{
    public const int TokenHashLength = 64;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PersonId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
    public Guid? CreatedByPersonId { get; init; }

    /// <summary>Set when the person set their password with it.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Set when a newer invitation for the same person replaced it.</summary>
    public DateTimeOffset? SupersededAt { get; set; }
}
