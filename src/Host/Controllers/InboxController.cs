using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Platform.Inbox;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Security;

namespace Scorecard.Host.Controllers;

/// <summary>The signed-in person's in-app notifications (reminders from every module).</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class InboxController(IInbox inbox, ICurrentUser user) : Controller
{
    [HttpGet("/inbox")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(user.PersonId is { } id ? await inbox.ForPersonAsync(id, cancellationToken: ct) : []);

    [HttpPost("/inbox/{id:guid}/read")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public async Task<IActionResult> MarkRead(Guid id, CancellationToken ct)
    {
        await inbox.MarkReadAsync(user.RequirePersonId(), id, ct);
        return Redirect("/inbox");
    }

    [HttpGet("/api/v1/inbox")]
    [Produces("application/json")]
    [ProducesResponseType<Page<Notification>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] bool unreadOnly, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var page = PageRequest.From(limit, offset);
        var all = await inbox.ForPersonAsync(user.RequirePersonId(), unreadOnly, int.MaxValue, ct);
        return Ok(new Page<Notification>(all.Skip(page.Offset).Take(page.Limit).ToList(), all.Count));
    }

    [HttpPost("/api/v1/inbox/{id:guid}/read")]
    [IgnoreAntiforgeryToken]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> MarkReadApi(Guid id, CancellationToken ct)
    {
        await inbox.MarkReadAsync(user.RequirePersonId(), id, ct);
        return NoContent();
    }
}
