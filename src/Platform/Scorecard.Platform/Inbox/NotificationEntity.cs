namespace Scorecard.Platform.Inbox;

internal sealed class NotificationEntity
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PersonId { get; init; }
    public required string DedupKey { get; init; }
    public required string Text { get; init; }
    public string? Link { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Read { get; set; }
}
