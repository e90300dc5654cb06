using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Persistence;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Application;

/// <summary>
/// Review templates (HR): create, edit, clone. A template a launched cycle uses is never changed in place — the
/// edit is refused with 409 and HR clones it; reviews already written keep the questions they were written against.
/// </summary>
internal sealed class TemplatesService(ReviewsDbContext db, ReviewAccess access, IAuditLog audit, TimeProvider clock, UnitOfWork unitOfWork)
{
    public async Task<TemplateDto> CreateAsync(CreateTemplateRequest request, CancellationToken ct)
    {
        access.RequireHr();
        var template = new ReviewTemplate { CreatedBy = access.Actor, CreatedAt = clock.GetUtcNow() };
        Apply(template, request);
        db.Templates.Add(template);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.template.created", "review_template", template.Id.ToString(), access.Actor, After: template.Name), ct);
        return ToDto(template, inUse: false);
    }

    public async Task<TemplateDto> UpdateAsync(Guid id, CreateTemplateRequest request, CancellationToken ct)
    {
        access.RequireHr();
        if (request.Version is not { } version) throw new BadInputException("version", "version is required: the template's version you edited.");
        await unitOfWork.LockAsync<ReviewTemplate>(db, id, ct);
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Review template", id);
        if (await LaunchedCycleUsingAsync(id, ct) is { } cycle)
            throw new ConflictException($"The launched cycle '{cycle}' uses this template, so it is not changed in place. Clone it and edit the copy.");
        if (version != template.Version)
            throw new StaleVersionException("Someone else saved this template since you loaded it; nothing was overwritten. Its current values are shown.",
                ToDto(template, inUse: false));
        var before = template.Name;
        Apply(template, request);
        template.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.template.updated", "review_template", id.ToString(), access.Actor, before, template.Name), ct);
        return ToDto(template, inUse: false);
    }

    /// <summary>A copy with new ids, free to edit; the original stays as it is.</summary>
    public async Task<TemplateDto> CloneAsync(Guid id, CloneTemplateRequest request, CancellationToken ct)
    {
        access.RequireHr();
        var source = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Review template", id);
        var name = ReviewLimits.Text(request.Name, "name", ReviewLimits.NameMax, required: false) ?? Truncate($"{source.Name} (copy)");
        var d = source.Definition;
        var copy = d with
        {
            Sections = d.Sections.Select(s => s with
            {
                Id = Guid.NewGuid(),
                Competencies = s.Competencies.Select(c => c with { Id = Guid.NewGuid() }).ToList(),
                Questions = s.Questions.Select(q => q with { Id = Guid.NewGuid() }).ToList(),
            }).ToList(),
        };
        var template = new ReviewTemplate { Name = name, Definition = copy, CreatedBy = access.Actor, CreatedAt = clock.GetUtcNow() };
        db.Templates.Add(template);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("reviews.template.cloned", "review_template", template.Id.ToString(), access.Actor,
            Before: id.ToString(), After: name), ct);
        return ToDto(template, inUse: false);
    }

    public async Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken ct)
    {
        var used = await UsedAsync(ct);
        return (await db.Templates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(t => ToDto(t, used.Contains(t.Id))).ToList();
    }

    public async Task<TemplateDto> GetAsync(Guid id, CancellationToken ct)
    {
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Review template", id);
        return ToDto(template, await LaunchedCycleUsingAsync(id, ct) is not null);
    }

    private static void Apply(ReviewTemplate template, CreateTemplateRequest request)
    {
        template.Name = ReviewLimits.Text(request.Name, "name", ReviewLimits.NameMax, required: true)!;
        template.Definition = TemplateDefinition.Create(request.Scale?.Min, request.Scale?.Max, request.Scale?.Labels,
            request.Sections?.Select(s => new SectionInput(s.Kind, s.Title, s.Weight,
                s.Competencies?.Select(c => c?.Name).ToList(), s.Questions?.Select(q => q?.Text).ToList(),
                s.Competencies?.Select(c => c?.Levels).ToList())).ToList(),
            new TemplateOptions(request.NineBox ?? false, request.EmployeeSeesScore ?? false, request.EmployeeSeesPotential ?? false));
    }

    private async Task<string?> LaunchedCycleUsingAsync(Guid templateId, CancellationToken ct) =>
        await db.Cycles.AsNoTracking().Where(c => c.TemplateId == templateId && c.Phase != ReviewPhase.Draft).Select(c => c.Name).FirstOrDefaultAsync(ct);

    private async Task<HashSet<Guid>> UsedAsync(CancellationToken ct) =>
        (await db.Cycles.AsNoTracking().Where(c => c.Phase != ReviewPhase.Draft).Select(c => c.TemplateId).ToListAsync(ct)).ToHashSet();

    private static string Truncate(string name) => name.Length <= ReviewLimits.NameMax ? name : name[..ReviewLimits.NameMax];

    public static TemplateDto ToDto(ReviewTemplate t, bool inUse)
    {
        var d = t.Definition;
        return new TemplateDto(t.Id, t.Name, ReviewsService.ToDto(d.Scale), d.Sections.Select(s => new SectionDto(s.Id, s.Kind, s.Title, s.Weight,
                s.Competencies.Select(c => new CompetencyDto(c.Id, c.Name, c.Levels ?? [])).ToList(),
                s.Questions.Select(q => new QuestionDto(q.Id, q.Text)).ToList())).ToList(),
            d.NineBox, d.EmployeeSeesScore, d.EmployeeSeesPotential, inUse, t.Version);
    }
}
