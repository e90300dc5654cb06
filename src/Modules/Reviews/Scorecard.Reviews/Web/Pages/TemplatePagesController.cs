using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Web.Api.Models;
using Scorecard.Reviews.Web.Pages.Forms;

namespace Scorecard.Reviews.Web.Pages;

/// <summary>HR builds review templates in the browser: list, create, edit (with the version read), clone.</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class TemplatePagesController : Controller
{
    [HttpGet("/reviews/templates")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        Service<ReviewAccess>().RequireHr();
        return View("~/Views/Reviews/Templates.cshtml", await Templates.ListAsync(ct));
    }

    [HttpGet("/reviews/templates/new")]
    public IActionResult New()
    {
        Service<ReviewAccess>().RequireHr();
        var form = new TemplateForm
        {
            Labels = "Far below expectations\nBelow expectations\nMeets expectations\nExceeds expectations\nFar exceeds expectations",
        };
        return Editor(new TemplateEditView(null, Pad(form), false, null, null, null, []));
    }

    [HttpPost("/reviews/templates")]
    public async Task<IActionResult> Create(TemplateForm form, CancellationToken ct)
    {
        var (request, rows) = form.ToRequest();
        try
        {
            var created = await Templates.CreateAsync(request, ct);
            return Redirect($"/reviews/templates/{created.Id}?saved=1");
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException)
        {
            Response.StatusCode = e.StatusCode;
            return Editor(new TemplateEditView(null, Pad(form), false, FieldOf(e, rows), e.Message, null, []));
        }
    }

    [HttpGet("/reviews/templates/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, [FromQuery] int? saved, CancellationToken ct)
    {
        Service<ReviewAccess>().RequireHr();
        var template = await Templates.GetAsync(id, ct);
        return Editor(new TemplateEditView(id, Pad(TemplateForm.From(template)), template.InUse, null, null, saved == 1 ? "Template saved." : null, []));
    }

    [HttpPost("/reviews/templates/{id:guid}")]
    public async Task<IActionResult> Update(Guid id, TemplateForm form, CancellationToken ct)
    {
        var (request, rows) = form.ToRequest();
        try
        {
            await Templates.UpdateAsync(id, request, ct);
            return Redirect($"/reviews/templates/{id}?saved=1");
        }
        catch (StaleVersionException e)
        {
            Response.StatusCode = e.StatusCode;
            var current = TemplateForm.From(await Templates.GetAsync(id, ct));
            return Editor(new TemplateEditView(id, Pad(current), false, null, e.Message, null, Changes(current, form)));
        }
        catch (ScorecardException e) when (e is BadInputException or RuleViolationException or ConflictException)
        {
            Response.StatusCode = e.StatusCode;
            var inUse = e is ConflictException;
            return Editor(new TemplateEditView(id, Pad(form), inUse, FieldOf(e, rows), e.Message, null, []));
        }
    }

    [HttpPost("/reviews/templates/{id:guid}/clone")]
    public async Task<IActionResult> Clone(Guid id, CancellationToken ct)
    {
        var copy = await Templates.CloneAsync(id, new CloneTemplateRequest(null), ct);
        return Redirect($"/reviews/templates/{copy.Id}?saved=1");
    }

    private static string? FieldOf(ScorecardException e, IReadOnlyList<int> rows) => e switch
    {
        BadInputException b => TemplateForm.FormField(b.Field, rows),
        RuleViolationException r => TemplateForm.FormField(r.Field, rows),
        _ => null,
    };

    /// <summary>At least three section rows, and always two blank ones to add sections without scripts.</summary>
    private static TemplateForm Pad(TemplateForm form)
    {
        while (form.Sections.Count < 3 || form.Sections.TakeLast(2).Any(s => !string.IsNullOrWhiteSpace(s.Title) || !string.IsNullOrWhiteSpace(s.Items)))
            form.Sections.Add(new TemplateSectionForm { Kind = "competencies" });
        return form;
    }

    private static IReadOnlyList<StaleChange> Changes(TemplateForm current, TemplateForm yours)
    {
        var changes = new List<StaleChange>();
        void Compare(string field, string? now, string? mine)
        {
            if ((now ?? "").Trim() != (mine ?? "").Trim()) changes.Add(new StaleChange(field, now ?? "", mine ?? ""));
        }
        Compare("Name", current.Name, yours.Name);
        Compare("Scale labels", current.Labels, yours.Labels?.Replace("\r", ""));
        Compare("Flags", Flags(current), Flags(yours));
        for (var i = 0; i < Math.Max(current.Sections.Count, yours.Sections.Count); i++)
        {
            var a = i < current.Sections.Count ? current.Sections[i] : null;
            var b = i < yours.Sections.Count ? yours.Sections[i] : null;
            Compare($"Section {i + 1}", Describe(a), Describe(b));
        }
        return changes;
    }

    private static string Flags(TemplateForm f) =>
        $"9-box {(f.NineBox ? "on" : "off")}, score {(f.EmployeeSeesScore ? "shown" : "hidden")}, potential {(f.EmployeeSeesPotential ? "shown" : "hidden")}";

    private static string Describe(TemplateSectionForm? s) =>
        s is null || (string.IsNullOrWhiteSpace(s.Title) && string.IsNullOrWhiteSpace(s.Items)) ? ""
            : $"{s.Title} ({s.Kind}, weight {s.Weight}): {s.Items?.Replace("\r", "").Replace("\n", "; ")}";

    private ViewResult Editor(TemplateEditView view) => View("~/Views/Reviews/TemplateEdit.cshtml", view);

    private TemplatesService Templates => Service<TemplatesService>();

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

internal sealed record TemplateEditView(Guid? Id, TemplateForm Form, bool InUse, string? ErrorField, string? Error, string? Message,
    IReadOnlyList<StaleChange> Stale)
{
    /// <summary>The message when it belongs beside <paramref name="field"/>.</summary>
    public string? ErrorFor(string field) => ErrorField == field ? Error : null;

    public bool ErrorPlaced => ErrorField is not null && (ErrorField is "name" or "scale" or "sections" || ErrorField.StartsWith("sections[", StringComparison.Ordinal));
}
