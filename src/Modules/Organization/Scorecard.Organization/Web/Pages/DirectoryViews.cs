using Scorecard.Organization.Application;
using Scorecard.Organization.Contracts;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform.Paging;

namespace Scorecard.Organization.Web.Pages;

internal sealed record DirectoryView(string? Query, Guid? UnitId, int PageIndex, int PageSize,
    Page<PersonDto> People, IReadOnlyList<OrgUnitDto> Units)
{
    public string UnitName(Guid id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? "";
    public string ManagerName(Guid? id) => id is null ? "" : People.Items.FirstOrDefault(p => p.Id == id)?.Name ?? "";
}

internal sealed record PersonProfileView(
    PersonDto Person,
    string UnitPath,
    IReadOnlyList<PersonSummary> ManagerChain,
    IReadOnlyList<PersonSummary> DirectReports,
    bool CanEdit,
    IReadOnlyList<OrgUnitDto> Units,
    IReadOnlyList<PersonDto> OtherPeople,
    string? Message,
    string? Error);

internal sealed record ImportView(string? Csv, ImportResultDto? Result, ImportErrorsDto? Errors);
