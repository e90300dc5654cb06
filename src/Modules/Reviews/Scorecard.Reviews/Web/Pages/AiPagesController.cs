using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Reviews.Application.Drafting;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Pages;

/// <summary>"How AI is used in Scorecard", and the administrators' switch for AI drafting.</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AiPagesController : Controller
{
    [HttpGet("/ai/transparency")]
    public async Task<IActionResult> Transparency(CancellationToken ct) => await PageAsync(null, null, ct);

    [HttpPost("/ai/settings")]
    public async Task<IActionResult> Settings([FromForm] bool draftingEnabled, CancellationToken ct)
    {
        try
        {
            await Drafting.SetSettingsAsync(new AiSettingsRequest(draftingEnabled), ct);
            return await PageAsync(draftingEnabled ? "AI drafting is on for the organization." : "AI drafting is off for the organization.", null, ct);
        }
        catch (ScorecardException e) when (e is ForbiddenException or BadInputException)
        {
            Response.StatusCode = e.StatusCode;
            return await PageAsync(null, e.Message, ct);
        }
    }

    /// <summary>Administrators: the AI audit trail as a page.</summary>
    [HttpGet("/ai/audit")]
    public async Task<IActionResult> Audit(CancellationToken ct)
    {
        try
        {
            return View("~/Views/Ai/Audit.cshtml", await HttpContext.RequestServices.GetRequiredService<AiAuditService>().ListAsync(200, ct));
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    private async Task<IActionResult> PageAsync(string? message, string? error, CancellationToken ct) =>
        View("~/Views/Ai/Transparency.cshtml", new AiTransparencyView(await Drafting.SettingsAsync(ct),
            User.IsInRole(Platform.Security.Roles.Admin), EvidenceSampler.DefaultTokenBudget, message, error));

    private DraftingService Drafting => HttpContext.RequestServices.GetRequiredService<DraftingService>();
}

internal sealed record AiTransparencyView(AiSettingsDto Settings, bool IsAdmin, int TokenBudget, string? Message, string? Error);
