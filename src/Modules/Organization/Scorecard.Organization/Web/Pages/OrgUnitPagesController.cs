using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Web.Pages;

/// <summary>
/// The org units page: the tree for everyone, 50 units a page in path order with a search, and forms to create, rename,
/// move and delete for HR and Admin. Parent fields search as you type, so the page's size follows its paging.
/// </summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class OrgUnitPagesController : Controller
{
    internal const int PageSize = 50;

    [HttpGet("/org-units")]
    public async Task<IActionResult> Index(string? q, int page = 0, CancellationToken ct = default) =>
        await PageAsync(null, null, ct, q, page);

    [HttpPost("/org-units")]
    public Task<IActionResult> Create([FromForm] string? name, [FromForm] Guid? parentId, CancellationToken ct) =>
        RunAsync(async () => $"Created {(await Units.CreateAsync(new CreateOrgUnitRequest(name!, parentId), ct)).Path}.", ct);

    [HttpPost("/org-units/{id:guid}/rename")]
    public Task<IActionResult> Rename(Guid id, [FromForm] string? name, [FromForm] Guid? version, CancellationToken ct) =>
        RunAsync(async () => $"Renamed to {(await Units.UpdateAsync(id, new UpdateOrgUnitRequest(name ?? "", null, version), ct)).Path}.", ct);

    [HttpPost("/org-units/{id:guid}/move")]
    public Task<IActionResult> Move(Guid id, [FromForm] Guid? parentId, [FromForm] Guid? version, CancellationToken ct) =>
        RunAsync(async () =>
        {
            if (parentId is null) throw new BadInputException("parentId", "Choose the unit to move it under.");
            return $"Moved to {(await Units.UpdateAsync(id, new UpdateOrgUnitRequest(null, parentId, version), ct)).Path}.";
        }, ct);

    [HttpPost("/org-units/{id:guid}/delete")]
    public Task<IActionResult> Delete(Guid id, CancellationToken ct) =>
        RunAsync(async () =>
        {
            await Units.DeleteAsync(id, ct);
            return "Deleted.";
        }, ct);

    private async Task<IActionResult> RunAsync(Func<Task<string>> change, CancellationToken ct)
    {
        try
        {
            return await PageAsync(await change(), null, ct);
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ConflictException or ForbiddenException or NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return await PageAsync(null, e.Message, ct);
        }
    }

    private async Task<IActionResult> PageAsync(string? message, string? error, CancellationToken ct, string? query = null, int page = 0)
    {
        page = Math.Max(0, page);
        var units = await Units.ListAsync(PageRequest.From(PageSize, page * PageSize), ct, query);
        var canEdit = HttpContext.RequestServices.GetRequiredService<ICurrentUser>().IsHrOrAdmin();
        var root = units.Total == 0 && string.IsNullOrWhiteSpace(query) ? null : await Units.RootAsync(ct);
        return View("~/Views/OrgUnits/Index.cshtml", new OrgUnitsView(units, query, page, root, canEdit, message, error));
    }

    private OrgUnitsService Units => HttpContext.RequestServices.GetRequiredService<OrgUnitsService>();
}

internal sealed record OrgUnitsView(
    Page<OrgUnitDto> Units, string? Query, int PageIndex, OrgUnitDto? Root, bool CanEdit, string? Message, string? Error)
{
    public bool HasPrevious => PageIndex > 0;

    public bool HasNext => (PageIndex + 1) * OrgUnitPagesController.PageSize < Units.Total;

    public string PageLink(int index) => $"/org-units?q={Uri.EscapeDataString(Query ?? "")}&page={index}";

    /// <summary>Depth in the tree: 0 for the root.</summary>
    public static int Depth(OrgUnitDto unit) => unit.Path.Count(c => c == '/');
}
