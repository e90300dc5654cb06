namespace Scorecard.Reviews.Domain;

/// <summary>
/// The phases of a cycle, in order: <c>draft</c> (not launched) → <c>self</c> → <c>peer</c> →
/// <c>manager</c> → <c>calibration</c> → <c>signoff</c> → <c>closed</c>.
/// </summary>
internal static class ReviewPhase
{
    public const string Draft = "draft";
    public const string Self = "self";
    public const string Peer = "peer";
    public const string Manager = "manager";
    public const string Calibration = "calibration";
    public const string Signoff = "signoff";
    public const string Closed = "closed";

    /// <summary>The phases that carry a deadline.</summary>
    public static readonly string[] WithDeadlines = [Self, Peer, Manager, Calibration, Signoff];

    public static readonly string[] Order = [Draft, Self, Peer, Manager, Calibration, Signoff, Closed];

    public static string? Next(string phase)
    {
        var i = Array.IndexOf(Order, phase);
        return i < 0 || i == Order.Length - 1 ? null : Order[i + 1];
    }

    public static string? Previous(string phase)
    {
        var i = Array.IndexOf(Order, phase);
        return i <= 0 ? null : Order[i - 1];
    }

    /// <summary>The phases HR may step back from: before sign-off, when nothing has been released yet.</summary>
    public static readonly string[] Reopenable = [Peer, Manager, Calibration];

    /// <summary>Where a manager review not yet submitted may be written: its own phase, and calibration for the stragglers.</summary>
    public static readonly string[] ManagerWriting = [Manager, Calibration];

    public static int IndexOf(string phase) => Array.IndexOf(Order, phase);

    /// <summary>409 naming the current phase when the action belongs to other phases.</summary>
    public static void Require(string current, string action, params string[] allowed)
    {
        if (!allowed.Contains(current))
            throw new ConflictException(
                $"The cycle is in the '{current}' phase; {action} is only possible in the '{string.Join("' or '", allowed)}' phase.");
    }
}
