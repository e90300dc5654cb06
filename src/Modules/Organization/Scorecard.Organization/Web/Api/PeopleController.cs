using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Web;

namespace Scorecard.Organization.Web.Api;

[ApiController]
[Authorize]
[Route("api/v1/people")]
[Produces("application/json")]
public sealed class PeopleController : ControllerBase
{
    /// <summary>People by name, e-mail or job title (folded), optionally in a unit and its sub-units; <c>active=true</c>
    /// leaves out people who left (the pages' person pickers ask for at most a few at a time).</summary>
    [HttpGet]
    [ProducesResponseType<Page<PersonDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] string? search, [FromQuery] Guid? orgUnitId, [FromQuery] bool? active,
        [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        Ok(await People.ListAsync(search, orgUnitId, PageRequest.From(limit, offset), ct, active));

    [HttpGet("{id:guid}")]
    [ProducesResponseType<PersonDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Ok(await People.GetAsync(id, ct));

    [HttpPost]
    [ProducesResponseType<PersonDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create([FromBody] CreatePersonRequest request, CancellationToken ct)
    {
        var person = await People.CreateAsync(request, ct);
        return Created($"/api/v1/people/{person.Id}", person);
    }

    /// <summary>JSON merge-patch of a person; send <c>version</c> to refuse a stale edit (409).</summary>
    [HttpPatch("{id:guid}")]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<PersonDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken ct) =>
        Ok(await People.PatchAsync(id, patch, ct));

    /// <summary>HRIS CSV import, all-or-nothing; updates by e-mail.</summary>
    [HttpPost("import")]
    [Consumes("text/csv")]
    [ProducesResponseType<ImportResultDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ImportErrorsDto>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Import(CancellationToken ct)
    {
        var import = HttpContext.RequestServices.GetRequiredService<PeopleImportService>();
        import.RequireAllowed();
        var csv = await RequestBody.ReadTextAsync(Request, cancellationToken: ct);
        var outcome = await import.ImportAsync(csv, ct);
        if (outcome.Errors is not { } errors) return Ok(outcome.Result);
        // Written here rather than as an object result: the controller's [Produces] would make it application/json.
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Content(JsonSerializer.Serialize(errors, JsonSerializerOptions.Web), "application/problem+json");
    }

    [HttpGet("export")]
    [Produces("text/csv")]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var csv = await HttpContext.RequestServices.GetRequiredService<PeopleImportService>().ExportAsync(ct);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "people.csv");
    }

    [HttpPost("{id:guid}/account")]
    [ProducesResponseType<AccountDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateAccount(Guid id, [FromBody] CreateAccountRequest request, CancellationToken ct)
    {
        var accounts = HttpContext.RequestServices.GetRequiredService<AccountsService>();
        var account = await accounts.CreateForPersonAsync(id, request.Password, ct);
        return Created($"/api/v1/people/{id}", account);
    }

    private PeopleService People => HttpContext.RequestServices.GetRequiredService<PeopleService>();
}
