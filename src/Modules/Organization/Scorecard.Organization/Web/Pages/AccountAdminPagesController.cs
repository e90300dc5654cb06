using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application;
using Scorecard.Organization.Contracts;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Application.Invitations;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Organization.Web.Pages.Forms;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Security;
using Scorecard.Platform.Web;

namespace Scorecard.Organization.Web.Pages;

/// <summary>HR and administrators: adding a person by hand, inviting people, and who holds which role.</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AccountAdminPagesController : Controller
{
    /// <summary>The invitation page lists at most this many people by name; "everyone without an account" covers the rest.</summary>
    public const int InviteListLimit = 1000;

    [HttpGet("/people/new")]
    public async Task<IActionResult> NewPerson(CancellationToken ct)
    {
        if (!Service<ICurrentUser>().IsHrOrAdmin()) return Forbid();
        return View("~/Views/Admin/NewPerson.cshtml", await NewPersonViewAsync(new NewPersonForm(), null, ct));
    }

    [HttpPost("/people/new")]
    public async Task<IActionResult> NewPerson([FromForm] NewPersonForm form, CancellationToken ct)
    {
        if (!Service<ICurrentUser>().IsHrOrAdmin()) return Forbid();
        try
        {
            var person = await Service<PeopleService>().CreateAsync(new CreatePersonRequest(form.Email!, form.Name!, form.JobTitle,
                form.OrgUnitId, form.ManagerId, form.HireDate, null, null), ct);
            return Redirect($"/people/{person.Id}");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ConflictException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Admin/NewPerson.cshtml", await NewPersonViewAsync(form, e.Message, ct));
        }
    }

    [HttpGet("/people/invite")]
    public async Task<IActionResult> Invite(CancellationToken ct)
    {
        if (!Service<ICurrentUser>().IsHrOrAdmin()) return Forbid();
        return View("~/Views/Admin/Invite.cshtml", await InviteViewAsync(null, null, ct));
    }

    /// <summary><c>scope=all</c> invites everyone without an account, otherwise the checked <c>personIds</c>; <c>csv=true</c> downloads the links.</summary>
    [HttpPost("/people/invite")]
    public async Task<IActionResult> Invite([FromForm] List<Guid> personIds, [FromForm] string? scope, [FromForm] bool csv, CancellationToken ct)
    {
        if (!Service<ICurrentUser>().IsHrOrAdmin()) return Forbid();
        try
        {
            var all = scope == "all";
            var invited = await Service<InvitationsService>().CreateAsync(
                new CreateInvitationsRequest(all ? null : personIds, all), InvitationLinks.BaseUrl(Request), ct);
            if (csv)
                return File(System.Text.Encoding.UTF8.GetBytes(InvitationCsv.Write(invited)), "text/csv; charset=utf-8", InvitationCsv.FileName);
            return View("~/Views/Admin/Invite.cshtml", await InviteViewAsync(invited, null, ct));
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ConflictException or NotFoundException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Admin/Invite.cshtml", await InviteViewAsync(null, e.Message, ct));
        }
    }

    [HttpGet("/admin/roles")]
    public async Task<IActionResult> Roles(CancellationToken ct)
    {
        if (!Service<ICurrentUser>().IsHrOrAdmin()) return Forbid();
        return View("~/Views/Admin/Roles.cshtml", await Service<RolesService>().HoldersAsync(ct));
    }

    private async Task<NewPersonView> NewPersonViewAsync(NewPersonForm form, string? error, CancellationToken ct)
    {
        // The unit already chosen, else the company (the root) as a starting point; the field searches for the others.
        var units = Service<OrgUnitsService>();
        var unit = form.OrgUnitId is null ? await units.RootAsync(ct) : await units.FindAsync(form.OrgUnitId, ct);
        // Only the manager already chosen (shown again after a refused save); the field searches for anyone else.
        var manager = form.ManagerId is { } id ? (await Service<IOrganizationDirectory>().GetPeopleAsync([id], ct)).FirstOrDefault() : null;
        return new NewPersonView(form, unit is null ? null : new PickedUnit(unit.Id, unit.Path), manager, error);
    }

    private async Task<InviteView> InviteViewAsync(IReadOnlyList<InvitationDto>? invited, string? error, CancellationToken ct)
    {
        var db = Service<OrganizationDbContext>();
        var linked = db.Users.Where(a => a.PersonId != null).Select(a => a.PersonId!.Value);
        var query = db.People.AsNoTracking().Where(p => p.Active && !linked.Contains(p.Id));
        var total = await query.CountAsync(ct);
        var listed = await query.OrderBy(p => p.NameKey).ThenBy(p => p.Email).Take(InviteListLimit)
            .Select(p => new InviteCandidate(p.Id, p.Name, p.Email, p.JobTitle)).ToListAsync(ct);
        return new InviteView(listed, total, invited, error);
    }

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

internal sealed record NewPersonView(NewPersonForm Form, PickedUnit? Unit, PersonSummary? Manager, string? Error);

internal sealed record InviteCandidate(Guid Id, string Name, string Email, string? JobTitle);

internal sealed record InviteView(IReadOnlyList<InviteCandidate> WithoutAccount, int WithoutAccountTotal, IReadOnlyList<InvitationDto>? Invited, string? Error);
