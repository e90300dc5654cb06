using Scorecard.Organization.Application;
using Scorecard.Organization.Contracts;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Web;

namespace Scorecard.Organization.Web.Pages;

internal sealed record DirectoryView(string? Query, OrgUnitDto? Unit, int PageIndex, int PageSize,
    Page<PersonDto> People, IReadOnlyDictionary<Guid, string> UnitNames)
{
    public Guid? UnitId => Unit?.Id;
    public string UnitName(Guid id) => UnitNames.GetValueOrDefault(id) ?? "";
    public string ManagerName(Guid? id) => id is null ? "" : People.Items.FirstOrDefault(p => p.Id == id)?.Name ?? "";
}

internal sealed record PersonProfileView(
    PersonDto Person,
    string UnitPath,
    IReadOnlyList<PersonSummary> ManagerChain,
    IReadOnlyList<PersonSummary> DirectReports,
    bool CanEdit,
    PickedUnit? Unit,
    PersonSummary? Manager,
    string? Message,
    string? Error,
    PersonAccountPanel? Account = null);

/// <summary>The profile's account card (HR and administrators): the state and only the actions that apply to it.</summary>
internal sealed record PersonAccountPanel(
    Application.Accounts.AccountState State, IReadOnlyList<string> Roles, bool CanChangeRoles, InvitationDto? NewInvitation)
{
    public bool CanInvite => State is Application.Accounts.AccountState.None or Application.Accounts.AccountState.Invited;
    public bool HasAccount => State is Application.Accounts.AccountState.Active or Application.Accounts.AccountState.Locked;
}

internal sealed record ImportView(string? Csv, ImportResultDto? Result, ImportErrorsDto? Errors);
