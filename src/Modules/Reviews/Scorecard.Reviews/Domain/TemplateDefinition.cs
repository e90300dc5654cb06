namespace Scorecard.Reviews.Domain;

internal static class SectionKind
{
    public const string Goals = "goals";
    public const string Competencies = "competencies";
    public const string Questions = "questions";
    public static readonly string[] All = [Goals, Competencies, Questions];
}

internal sealed record ScaleDefinition(int Min, int Max, IReadOnlyList<string> Labels)
{
    public static readonly ScaleDefinition Default = new(1, 5,
        ["Far below expectations", "Below expectations", "Meets expectations", "Exceeds expectations", "Far exceeds expectations"]);

    public bool Contains(int rating) => rating >= Min && rating <= Max;

    public string LabelOf(int rating) =>
        rating - Min >= 0 && rating - Min < Labels.Count ? Labels[rating - Min] : rating.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void EnsureContains(int? rating, string field)
    {
        if (rating is { } r && !Contains(r))
            throw new BadInputException(field, $"{field} {r} is outside the scale {Min}–{Max}.");
    }
}

/// <summary>A competency; <see cref="Levels"/> describes each scale point (lowest first), or is empty.</summary>
internal sealed record CompetencyDefinition(Guid Id, string Name, IReadOnlyList<string>? Levels = null);

internal sealed record QuestionDefinition(Guid Id, string Text);

internal sealed record SectionDefinition(
    Guid Id,
    string Kind,
    string Title,
    double Weight,
    IReadOnlyList<CompetencyDefinition> Competencies,
    IReadOnlyList<QuestionDefinition> Questions);

/// <summary>What a template decides beyond its sections: whether cycles use a 9-box, and what a released review shows the employee.</summary>
internal sealed record TemplateOptions(bool NineBox = false, bool EmployeeSeesScore = false, bool EmployeeSeesPotential = false);

/// <summary>
/// A review template: a scale and weighted sections of goals, competencies and questions. The person reviewed sees the
/// computed score and the potential rating only when <see cref="EmployeeSeesScore"/> / <see cref="EmployeeSeesPotential"/> say so.
/// </summary>
internal sealed record TemplateDefinition(ScaleDefinition Scale, IReadOnlyList<SectionDefinition> Sections,
    bool NineBox = false, bool EmployeeSeesScore = false, bool EmployeeSeesPotential = false)
{
    public IEnumerable<CompetencyDefinition> Competencies => Sections.SelectMany(s => s.Competencies);

    public IEnumerable<QuestionDefinition> Questions => Sections.SelectMany(s => s.Questions);

    /// <summary>
    /// The weighted score shown beside the manager's form as a reference — never the rating itself.
    /// A competencies section scores the mean of its ratings; a goals section scores the mean OKR
    /// progress (0–1) placed on the scale; question sections and sections without data are left out and
    /// the remaining weights renormalised. Null when nothing can be scored.
    /// </summary>
    public double? ComputedScore(IReadOnlyDictionary<Guid, int> ratings, double? goalProgress)
    {
        double sum = 0, weights = 0;
        foreach (var section in Sections.Where(s => s.Weight > 0))
        {
            double? score = section.Kind switch
            {
                SectionKind.Competencies => section.Competencies.Where(c => ratings.ContainsKey(c.Id)).Select(c => (double)ratings[c.Id])
                    .DefaultIfEmpty(double.NaN).Average() is var m && !double.IsNaN(m) ? m : null,
                SectionKind.Goals => goalProgress is { } p ? Scale.Min + Math.Clamp(p, 0, 1) * (Scale.Max - Scale.Min) : null,
                _ => null,
            };
            if (score is null) continue;
            sum += section.Weight * score.Value;
            weights += section.Weight;
        }
        return weights > 0 ? Math.Round(sum / weights, 2) : null;
    }

    /// <summary>Builds and validates a template from what was asked; ids are new and stable from then on.</summary>
    public static TemplateDefinition Create(int? min, int? max, IReadOnlyList<string>? labels, IReadOnlyList<SectionInput>? sections,
        TemplateOptions? options = null)
    {
        var scale = ScaleDefinition.Default;
        if (min is not null || max is not null || labels is not null)
        {
            var lo = min ?? 1;
            var hi = max ?? 5;
            if (hi <= lo) throw new BadInputException("scale.max", "scale.max must be greater than scale.min.");
            if (hi - lo + 1 > ReviewLimits.ScaleMaxCategories)
                throw new BadInputException("scale", $"A scale has at most {ReviewLimits.ScaleMaxCategories} points.");
            var l = (labels ?? []).Select(x => x?.Trim() ?? "").ToList();
            if (l.Count == 0 && lo == 1 && hi == 5) l = [.. ScaleDefinition.Default.Labels];
            else if (l.Count == 0) l = Enumerable.Range(lo, hi - lo + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (l.Count != hi - lo + 1)
                throw new BadInputException("scale.labels", $"scale.labels needs one label per point: {hi - lo + 1}, not {l.Count}.");
            if (l.Any(x => x.Length == 0 || x.Length > 100))
                throw new BadInputException("scale.labels", "Each scale label needs 1–100 characters.");
            scale = new ScaleDefinition(lo, hi, l);
        }
        if (sections is null || sections.Count == 0) throw new BadInputException("sections", "A template needs at least one section.");
        if (sections.Count > ReviewLimits.SectionsMax) throw new BadInputException("sections", $"A template has at most {ReviewLimits.SectionsMax} sections.");
        var built = new List<SectionDefinition>();
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var field = $"sections[{i}]";
            var kind = s.Kind?.Trim().ToLowerInvariant();
            if (kind is null || !SectionKind.All.Contains(kind))
                throw new BadInputException($"{field}.kind", $"{field}.kind must be one of {string.Join(", ", SectionKind.All)}.");
            var title = ReviewLimits.Text(s.Title, $"{field}.title", ReviewLimits.NameMax, required: true)!;
            var weight = s.Weight ?? 0;
            if (double.IsNaN(weight) || weight < 0 || weight > 100)
                throw new BadInputException($"{field}.weight", $"{field}.weight must be between 0 and 100.");
            var competencies = (s.Competencies ?? []).Select((c, j) =>
                new CompetencyDefinition(Guid.NewGuid(), ReviewLimits.Text(c, $"{field}.competencies[{j}].name", ReviewLimits.NameMax, true)!,
                    Levels(s.CompetencyLevels is { } all && j < all.Count ? all[j] : null, scale, $"{field}.competencies[{j}].levels"))).ToList();
            var questions = (s.Questions ?? []).Select((q, j) =>
                new QuestionDefinition(Guid.NewGuid(), ReviewLimits.Text(q, $"{field}.questions[{j}].text", 1000, true)!)).ToList();
            if (competencies.Count > ReviewLimits.ItemsPerSectionMax || questions.Count > ReviewLimits.ItemsPerSectionMax)
                throw new BadInputException(field, $"A section has at most {ReviewLimits.ItemsPerSectionMax} items.");
            if (kind == SectionKind.Competencies && competencies.Count == 0)
                throw new BadInputException($"{field}.competencies", "A competencies section needs at least one competency.");
            if (kind == SectionKind.Questions && questions.Count == 0)
                throw new BadInputException($"{field}.questions", "A questions section needs at least one question.");
            if (kind != SectionKind.Competencies && competencies.Count > 0)
                throw new BadInputException($"{field}.competencies", "Only a competencies section lists competencies.");
            if (kind != SectionKind.Questions && questions.Count > 0)
                throw new BadInputException($"{field}.questions", "Only a questions section lists questions.");
            built.Add(new SectionDefinition(Guid.NewGuid(), kind, title, weight, competencies, questions));
        }
        var o = options ?? new TemplateOptions();
        return new TemplateDefinition(scale, built, o.NineBox, o.EmployeeSeesScore, o.EmployeeSeesPotential);
    }

    /// <summary>None, or one description per scale point (a point may be left blank).</summary>
    private static IReadOnlyList<string>? Levels(IReadOnlyList<string?>? levels, ScaleDefinition scale, string field)
    {
        var list = (levels ?? []).Select(l => l?.Trim() ?? "").ToList();
        if (list.All(l => l.Length == 0)) return null;
        var points = scale.Max - scale.Min + 1;
        if (list.Count != points)
            throw new BadInputException(field, $"{field} needs one description per scale point: {points}, not {list.Count}.");
        if (list.Any(l => l.Length > 1000)) throw new BadInputException(field, "Each level description has at most 1000 characters.");
        return list;
    }
}

internal sealed record SectionInput(string? Kind, string? Title, double? Weight, IReadOnlyList<string?>? Competencies, IReadOnlyList<string?>? Questions,
    IReadOnlyList<IReadOnlyList<string?>?>? CompetencyLevels = null);
