using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Invitations;
using Scorecard.Organization.Web.Api.Models;

namespace Scorecard.Organization.Web.Api;

[ApiController]
[Authorize]
[Route("api/v1/accounts/invitations")]
[Produces("application/json", "text/csv")]
public sealed class InvitationsController : ControllerBase
{
    /// <summary>
    /// Invites <c>personIds</c>, or with <c>allWithoutAccount</c> every active person without an account: one single-use
    /// link each, valid 7 days, replacing older links. As CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>.
    /// 422 for someone who left, 409 for someone who already has an account.
    /// </summary>
    [HttpPost]
    [ProducesResponseType<IReadOnlyList<InvitationDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateInvitationsRequest request, [FromQuery] string? format, CancellationToken ct)
    {
        var invitations = await HttpContext.RequestServices.GetRequiredService<InvitationsService>()
            .CreateAsync(request, InvitationLinks.BaseUrl(Request), ct);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                  || Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);
        return csv
            ? File(Encoding.UTF8.GetBytes(InvitationCsv.Write(invitations)), "text/csv; charset=utf-8", InvitationCsv.FileName)
            : Ok(invitations);
    }
}

internal static class InvitationLinks
{
    /// <summary>Where this request came in (behind a proxy, as the forwarded headers say).</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
