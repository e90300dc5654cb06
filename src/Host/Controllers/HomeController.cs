using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scorecard.Host.Controllers;

[Authorize]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => Redirect("/directory");
}
