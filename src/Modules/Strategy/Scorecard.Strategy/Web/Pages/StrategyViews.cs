using Scorecard.Organization.Contracts;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Web.Pages;

internal sealed record ScorecardListView(IReadOnlyList<ScorecardSummaryDto> Scorecards, OrgUnitSummary? Unit, Guid? UnitId)
{
    public const int PageSize = 50;

    public int Total { get; init; }

    public int PageIndex { get; init; }

    public string? PageLink(int index) => index < 0 || index * PageSize >= Total ? null : $"/scorecards?unit={UnitId}&page={index}";
}

internal sealed record ScorecardView(
    ScorecardDto Scorecard,
    IReadOnlyDictionary<Guid, IReadOnlyList<double>> Sparklines,
    HealthDto Health,
    string? ParentName);

internal sealed record StrategyMapView(ScorecardDto Scorecard, StrategyMapDto Map, string Svg);

internal sealed record KpiView(
    KpiDto Kpi,
    ObjectiveDto Objective,
    ScorecardSummaryDto Scorecard,
    string Chart,
    bool CanMeasure,
    string? Message,
    string? Error,
    string? ErrorField,
    string? DateInput,
    string? ValueInput,
    string? NoteInput,
    string Today)
{
    /// <summary>Corrections and deletions of the KPI's measurements, newest first.</summary>
    public IReadOnlyList<MeasurementCorrectionDto> Corrections { get; init; } = [];

    /// <summary>The refused correction of one measurement, shown beside its form.</summary>
    public MeasurementRefusal? Refused { get; init; }
}

/// <summary>A correction or deletion that was refused: which measurement, which field, why, and what was typed.</summary>
internal sealed record MeasurementRefusal(Guid MeasurementId, string? Field, string Message, string? Value, string? Reason);

internal sealed record InitiativesView(ScorecardDto Scorecard, IReadOnlyList<InitiativeDto> Initiatives, IReadOnlyDictionary<Guid, string> ObjectiveNames);

internal sealed record LineOfSightView(ObjectiveDto Objective, string ScorecardName, LineOfSightDto Sight, string Svg);

internal sealed record ReviewsView(
    ScorecardDto Scorecard,
    IReadOnlyList<StrategyReviewDto> Reviews,
    string? Message,
    string? Error);

internal static class Format
{
    public static string Pct(double? v) => v is { } x ? $"{x * 100:0.#} %" : "—";

    public static string Num(double? v) => v is { } x ? x.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Css(string status) => status == "no data" ? "nodata" : status;
}

internal sealed record NewScorecardView(OrgUnitSummary? Unit, Forms.BuilderInput Input, Guid? UnitId, DateOnly DefaultStart, DateOnly DefaultEnd);

internal sealed record EditScorecardView(ScorecardDto Scorecard, Forms.BuilderInput Input, string? Done)
{
    /// <summary>The owner picked in the refused form, shown again in its person field.</summary>
    public IReadOnlyList<Scorecard.Platform.Web.PickedPerson>? Owner { get; init; }

    public IReadOnlyList<Scorecard.Strategy.Application.EditableLink> Links { get; init; } = [];

    public IReadOnlyList<InitiativeDto> Initiatives { get; init; } = [];

    public IReadOnlyList<Scorecard.Platform.Web.PickedPerson>? OwnerFor(string part) => Input.Error?.Part == part ? Owner : null;
}

internal sealed record ObjectiveEditView(
    ScorecardDto Scorecard,
    ObjectiveDto Objective,
    Forms.ItemForm Form,
    IReadOnlyList<Scorecard.Platform.Web.PickedPerson>? Owner,
    IReadOnlyList<(Guid Id, string Name)> ParentCandidates,
    string? Done);

internal sealed record KpiEditView(ScorecardDto Scorecard, string ObjectiveName, KpiDto Kpi, Forms.ItemForm Form, IReadOnlyList<Scorecard.Platform.Web.PickedPerson>? Owner);

internal sealed record InitiativeEditView(
    ScorecardDto Scorecard,
    InitiativeDto Initiative,
    Forms.ItemForm Form,
    IReadOnlyList<Scorecard.Platform.Web.PickedPerson>? Owner,
    IReadOnlyList<string> ObjectivesServed);
