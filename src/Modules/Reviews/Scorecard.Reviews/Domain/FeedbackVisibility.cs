namespace Scorecard.Reviews.Domain;

/// <summary>
/// Who reads a piece of continuous feedback: <c>private</c> — the person's managers only (not the
/// person); <c>shared</c> — the person and their managers; <c>public</c> — everyone (the praise wall).
/// The author always reads what they wrote; HR reads everything.
/// </summary>
internal static class FeedbackVisibility
{
    public const string Private = "private";
    public const string Shared = "shared";
    public const string Public = "public";
    public static readonly string[] All = [Private, Shared, Public];

    public static bool CanRead(string visibility, Guid authorId, Guid toPersonId, Guid viewerId, bool viewerIsManagerOfPerson, bool viewerIsHr)
    {
        if (viewerIsHr || viewerId == authorId) return true;
        return visibility switch
        {
            Public => true,
            Shared => viewerId == toPersonId || viewerIsManagerOfPerson,
            Private => viewerIsManagerOfPerson,
            _ => false,
        };
    }
}

internal static class FeedbackKind
{
    public const string Feedback = "feedback";
    public const string Praise = "praise";
    /// <summary>A manager's private note about a report: only its author reads it.</summary>
    public const string Note = "note";
}
