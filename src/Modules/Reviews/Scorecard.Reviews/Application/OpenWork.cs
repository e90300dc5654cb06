using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Application;

/// <summary>
/// What is still open in a phase, per review: the list HR reads before moving a cycle on.
/// Pure: the reviews and the approved nominations without feedback come in, the open items go out.
/// </summary>
internal static class OpenWork
{
    public const string SelfMissing = "self_missing";
    public const string PeerMissing = "peer_missing";
    public const string NotStarted = "not_started";
    public const string Draft = "draft";
    public const string NotReleased = "not_released";
    public const string NotAcknowledged = "not_acknowledged";

    public sealed record Item(Review Review, string Kind, Guid? PeerId = null);

    public static IReadOnlyList<Item> Of(string phase, IReadOnlyList<Review> reviews, IReadOnlyList<PeerNomination> peerStillOpen)
    {
        var items = new List<Item>();
        foreach (var r in reviews)
        {
            switch (phase)
            {
                case ReviewPhase.Self when r.SelfCompletedAt is null:
                    items.Add(new Item(r, SelfMissing));
                    break;
                case ReviewPhase.Peer:
                    items.AddRange(peerStillOpen.Where(n => n.ReviewId == r.Id).Select(n => new Item(r, PeerMissing, n.PeerId)));
                    break;
                case ReviewPhase.Manager or ReviewPhase.Calibration when r.ManagerStatus == ManagerReviewStatus.NotStarted:
                    items.Add(new Item(r, NotStarted));
                    break;
                case ReviewPhase.Manager or ReviewPhase.Calibration when r.ManagerStatus == ManagerReviewStatus.Draft:
                    items.Add(new Item(r, Draft));
                    break;
                case ReviewPhase.Signoff when r.ManagerStatus == ManagerReviewStatus.Submitted && !r.Released:
                    items.Add(new Item(r, NotReleased));
                    break;
                case ReviewPhase.Signoff when r.Released && r.AcknowledgedAt is null:
                    items.Add(new Item(r, NotAcknowledged));
                    break;
            }
        }
        return items;
    }

    public static string Describe(string kind, string? peerName) => kind switch
    {
        SelfMissing => "self-review not written",
        PeerMissing => $"peer feedback from {peerName ?? "a peer"} not given",
        NotStarted => "manager review not started",
        Draft => "manager review left in draft (stays editable through calibration)",
        NotReleased => "review not released to the employee",
        NotAcknowledged => "released, not yet acknowledged",
        _ => kind,
    };
}
