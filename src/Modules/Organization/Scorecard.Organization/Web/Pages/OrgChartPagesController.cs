using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application;

namespace Scorecard.Organization.Web.Pages;

/// <summary>
/// The org chart by unit. The page carries the top unit opened; /js/org-chart.js loads each further unit's
/// fragment when it is opened, and opens the units down to a person found by the search.
/// </summary>
[Authorize]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class OrgChartPagesController : Controller
{
    [HttpGet("/org-chart")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var roots = await Chart.RootsAsync(ct);
        var first = roots.Count > 0 ? await Chart.UnitAsync(roots[0].Id, ct) : null;
        return View("~/Views/Directory/OrgChart.cshtml", new OrgChartView(roots, first));
    }

    /// <summary>One unit's people and collapsed child units, as an HTML fragment.</summary>
    [HttpGet("/org-chart/units/{id:guid}")]
    public async Task<IActionResult> Unit(Guid id, CancellationToken ct) =>
        PartialView("~/Views/Directory/_OrgChartUnit.cshtml", await Chart.UnitAsync(id, ct));

    /// <summary>The unit ids from the root down to the unit, as JSON.</summary>
    [HttpGet("/org-chart/units/{id:guid}/trail")]
    public async Task<IActionResult> Trail(Guid id, CancellationToken ct) => Json(await Chart.TrailAsync(id, ct));

    private OrgChartService Chart => HttpContext.RequestServices.GetRequiredService<OrgChartService>();
}

/// <summary>The top-level units and the first of them loaded (opened on the page).</summary>
internal sealed record OrgChartView(IReadOnlyList<OrgChartChild> Roots, OrgChartUnit? First);
