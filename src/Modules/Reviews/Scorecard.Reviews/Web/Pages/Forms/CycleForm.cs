using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Pages.Forms;

/// <summary>The new-cycle form; units include their sub-units.</summary>
public sealed class CycleForm
{
    public string? Name { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public Guid? TemplateId { get; set; }
    public List<Guid> OrgUnitIds { get; set; } = [];
    public List<Guid> PersonIds { get; set; } = [];
    public List<Guid> ExcludedPersonIds { get; set; } = [];
    public DateOnly? SelfDeadline { get; set; }
    public DateOnly? PeerDeadline { get; set; }
    public DateOnly? ManagerDeadline { get; set; }
    public DateOnly? CalibrationDeadline { get; set; }
    public DateOnly? SignoffDeadline { get; set; }
    public int? PeerAnonymityThreshold { get; set; } = 3;
    /// <summary>"" (the template decides), "yes" or "no".</summary>
    public string? NineBox { get; set; }

    internal CreateCycleRequest ToRequest() => new(Name, PeriodStart, PeriodEnd, TemplateId, OrgUnitIds, PersonIds,
        new DeadlinesDto(SelfDeadline, PeerDeadline, ManagerDeadline, CalibrationDeadline, SignoffDeadline),
        NineBox switch { "yes" => true, "no" => false, _ => null }, ExcludedPersonIds, PeerAnonymityThreshold);

    public DateOnly? DeadlineOf(string phase) => phase switch
    {
        "self" => SelfDeadline, "peer" => PeerDeadline, "manager" => ManagerDeadline, "calibration" => CalibrationDeadline, "signoff" => SignoffDeadline, _ => null,
    };
}
