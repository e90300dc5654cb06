using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Application.Invitations;
using Scorecard.Organization.Web.Api;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Security;
using Scorecard.Platform.Web;

using Scorecard.Organization.Web.Pages.Forms;

namespace Scorecard.Organization.Web.Pages;

[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class DirectoryPagesController : Controller
{
    private const int PageSize = 50;

    [HttpGet("/directory")]
    public async Task<IActionResult> Index(string? q, Guid? unit, int page = 0, CancellationToken ct = default)
    {
        var people = await Service<PeopleService>().ListAsync(q, unit, PageRequest.From(PageSize, Math.Max(0, page) * PageSize), ct);
        var units = Service<OrgUnitsService>();
        var filter = await units.FindAsync(unit, ct);
        var names = await units.NamesAsync(people.Items.Select(p => p.OrgUnitId), ct);
        return View("~/Views/Directory/Index.cshtml", new DirectoryView(q, filter, Math.Max(0, page), PageSize, people, names));
    }

    [HttpGet("/people/{id:guid}")]
    public async Task<IActionResult> Person(Guid id, CancellationToken ct) => View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, null, null, ct));

    [HttpPost("/people/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, [FromForm] PersonForm form, CancellationToken ct)
    {
        try
        {
            var patch = new JsonObject
            {
                ["version"] = form.Version.ToString(),
                ["name"] = form.Name,
                ["email"] = form.Email,
                ["jobTitle"] = form.JobTitle,
                ["orgUnitId"] = form.OrgUnitId?.ToString(),
                ["managerId"] = form.ManagerId?.ToString(),
                ["hireDate"] = form.HireDate,
                ["active"] = form.Active,
                ["gender"] = form.Gender,
                ["birthYear"] = form.BirthYear,
            };
            await Service<PeopleService>().PatchAsync(id, JsonSerializer.SerializeToElement(patch), ct);
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, "Saved.", null, ct));
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ConflictException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, null, e.Message, ct));
        }
    }

    [HttpPost("/people/{id:guid}/account")]
    public async Task<IActionResult> GiveAccount(Guid id, [FromForm] string? password, CancellationToken ct)
    {
        try
        {
            await Service<AccountsService>().CreateForPersonAsync(id, password, ct);
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, "Account created.", null, ct));
        }
        catch (ScorecardException e) when (e is BadInputException or ConflictException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, null, e.Message, ct));
        }
    }

    [HttpPost("/people/{id:guid}/roles")]
    public async Task<IActionResult> SetRoles(Guid id, [FromForm] List<string> roles, CancellationToken ct)
    {
        try
        {
            await Service<RolesService>().SetAsync(id, roles.Select(r => (string?)r).ToList(), ct);
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, "Roles saved.", null, ct));
        }
        catch (ScorecardException e) when (e is BadInputException or ConflictException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, null, e.Message, ct));
        }
    }

    [HttpPost("/people/{id:guid}/invite")]
    public async Task<IActionResult> Invite(Guid id, CancellationToken ct)
    {
        try
        {
            var sent = await Service<InvitationsService>().CreateAsync(new CreateInvitationsRequest([id], null), InvitationLinks.BaseUrl(Request), ct);
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, "Invitation created.", null, ct, sent.Single()));
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ConflictException or ForbiddenException)
        {
            Response.StatusCode = e.StatusCode;
            return View("~/Views/Directory/Person.cshtml", await ProfileAsync(id, null, e.Message, ct));
        }
    }

    [HttpGet("/directory/import")]
    public IActionResult Import()
    {
        if (!Service<ICurrentUser>().IsHrOrAdmin()) return Forbid();
        return View("~/Views/Directory/Import.cshtml", new ImportView(null, null, null));
    }

    [HttpPost("/directory/import")]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestBody.DefaultLimitBytes)]
    public async Task<IActionResult> Import(IFormFile? file, [FromForm] string? csv, CancellationToken ct)
    {
        if (!Service<ICurrentUser>().IsHrOrAdmin()) return Forbid();
        string text;
        if (file is { Length: > 0 })
        {
            if (file.Length > RequestBody.DefaultLimitBytes) throw new PayloadTooLargeException(RequestBody.DefaultLimitBytes);
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        else text = csv ?? "";
        var outcome = await Service<PeopleImportService>().ImportAsync(text, ct);
        if (outcome.Errors is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("~/Views/Directory/Import.cshtml", new ImportView(text, outcome.Result, outcome.Errors));
    }

    private async Task<PersonProfileView> ProfileAsync(Guid id, string? message, string? error, CancellationToken ct,
        InvitationDto? newInvitation = null)
    {
        var people = Service<PeopleService>();
        var directory = Service<IOrganizationDirectory>();
        var person = await people.GetAsync(id, ct);
        var unit = await Service<OrgUnitsService>().FindAsync(person.OrgUnitId, ct);
        var chain = await directory.GetManagerChainAsync(id, ct);
        return new PersonProfileView(
            person,
            unit?.Path ?? "",
            chain,
            await directory.GetDirectReportsAsync(id, ct),
            Service<ICurrentUser>().IsHrOrAdmin(),
            unit is null ? null : new PickedUnit(unit.Id, unit.Path),
            chain.FirstOrDefault(m => m.Id == person.ManagerId),
            message,
            error,
            await AccountPanelAsync(id, newInvitation, ct));
    }

    private async Task<PersonAccountPanel?> AccountPanelAsync(Guid id, InvitationDto? newInvitation, CancellationToken ct)
    {
        var user = Service<ICurrentUser>();
        if (!user.IsHrOrAdmin()) return null;
        var roles = await Service<RolesService>().GetAsync(id, ct);
        return new PersonAccountPanel(await Service<AccountStates>().OfAsync(id, ct), roles.Roles, user.IsInRole(Roles.Admin), newInvitation);
    }

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
