using Scorecard.Okr.Web.Pages.Forms;
using Scorecard.Organization.Contracts;

namespace Scorecard.Okr.Web.Pages;

/// <summary>A parent offered on the "New objective" page: <c>okr:{id}</c> or <c>strategy:{id}</c>.</summary>
internal sealed record ParentChoice(string Value, string Label);

internal sealed record NewObjectiveView(
    NewObjectiveForm Form,
    IReadOnlyList<string> Periods,
    OrgUnitSummary? Unit,
    IReadOnlyList<ParentChoice> Parents,
    bool IsAdmin,
    string? OwnerName,
    string? Error,
    string? ErrorField)
{
    /// <summary>The refusal, when it concerns this field (else null).</summary>
    public string? ErrorFor(string field) => string.Equals(ErrorField, field, StringComparison.OrdinalIgnoreCase) ? Error : null;

    /// <summary>The refusal when it names no field shown on the page.</summary>
    public string? GeneralError => Error is not null && ErrorField is not ("level" or "orgUnitId" or "ownerPersonId" or "period" or "type" or "title" or "description" or "parents") ? Error : null;
}
