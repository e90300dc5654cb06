using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scorecard.Host.Controllers;

/// <summary>The home page is the signed-in person's work: what they have to do, where, and by when.</summary>
[Authorize]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("~/Views/Home/Index.cshtml", await Work.ForCurrentPersonAsync(ct));

    /// <summary>The same list as the home page: to-dos soonest due first; <c>setup</c> only for administrators until done.</summary>
    [HttpGet("/api/v1/me/todos")]
    [Produces("application/json")]
    [ProducesResponseType<MyWorkDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Todos(CancellationToken ct) => Ok(await Work.ForCurrentPersonAsync(ct));

    private MyWork Work => HttpContext.RequestServices.GetRequiredService<MyWork>();
}
