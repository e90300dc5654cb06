namespace Scorecard.Platform.Jobs;

/// <summary>
/// One run of a background job for one time slot. The primary key (job, slot) lets exactly one instance
/// claim a slot, however many instances run the job.
/// </summary>
internal sealed class JobRunEntity
{
    public required string Job { get; set; }
    public long SlotUnixSeconds { get; set; }
    public required string Instance { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Outcome { get; set; }
}
