using System.Text.RegularExpressions;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Web.Pages.Forms;

/// <summary>
/// The template builder's form: the scale labels one per line; each section's items one per line — a competency as
/// <c>Name | level 1 | level 2 | …</c> (level descriptions optional), a question as its text. Blank section rows are ignored.
/// </summary>
public sealed class TemplateForm
{
    public string? Name { get; set; }
    public int? ScaleMin { get; set; } = 1;
    public int? ScaleMax { get; set; } = 5;
    public string? Labels { get; set; }
    public bool NineBox { get; set; }
    public bool EmployeeSeesScore { get; set; }
    public bool EmployeeSeesPotential { get; set; }
    public Guid? Version { get; set; }
    public List<TemplateSectionForm> Sections { get; set; } = [];

    internal static TemplateForm From(TemplateDto t) => new()
    {
        Name = t.Name, ScaleMin = t.Scale.Min, ScaleMax = t.Scale.Max, Labels = string.Join("\n", t.Scale.Labels),
        NineBox = t.NineBox, EmployeeSeesScore = t.EmployeeSeesScore, EmployeeSeesPotential = t.EmployeeSeesPotential, Version = t.Version,
        Sections = t.Sections.Select(s => new TemplateSectionForm
        {
            Kind = s.Kind, Title = s.Title, Weight = s.Weight,
            Items = string.Join("\n", s.Kind == "questions"
                ? s.Questions.Select(q => q.Text)
                : s.Competencies.Select(c => c.Levels.Count == 0 ? c.Name : c.Name + " | " + string.Join(" | ", c.Levels))),
        }).ToList(),
    };

    /// <summary>The API request, and for each request section the form row it came from (to put messages beside the right row).</summary>
    internal (CreateTemplateRequest Request, IReadOnlyList<int> Rows) ToRequest()
    {
        var rows = new List<int>();
        var sections = new List<SectionRequest>();
        for (var i = 0; i < Sections.Count; i++)
        {
            var s = Sections[i];
            if (string.IsNullOrWhiteSpace(s.Title) && string.IsNullOrWhiteSpace(s.Items)) continue;
            var lines = Lines(s.Items);
            var questions = s.Kind == "questions";
            sections.Add(new SectionRequest(s.Kind, s.Title, s.Weight,
                questions ? null : lines.Select(l => l.Split('|').Select(p => p.Trim()).ToList())
                    .Select(p => new CompetencyRequest(p[0], p.Count > 1 ? p.Skip(1).ToList() : null)).ToList(),
                questions ? lines.Select(l => new QuestionRequest(l)).ToList() : null));
            rows.Add(i);
        }
        var labels = Lines(Labels);
        return (new CreateTemplateRequest(Name, new ScaleRequest(ScaleMin, ScaleMax, labels.Count == 0 ? null : labels), sections,
            NineBox, EmployeeSeesScore, EmployeeSeesPotential, Version), rows);
    }

    /// <summary>Turns the API's field (<c>sections[1].competencies[0].levels</c>) into the form's (<c>sections[3].items</c>).</summary>
    internal static string FormField(string field, IReadOnlyList<int> rows)
    {
        var m = Regex.Match(field, @"^sections\[(\d+)\](?:\.(\w+))?");
        if (!m.Success) return field.StartsWith("scale", StringComparison.Ordinal) ? "scale" : field;
        var index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var row = index < rows.Count ? rows[index] : index;
        var part = m.Groups[2].Value is "kind" or "title" or "weight" ? m.Groups[2].Value : "items";
        return $"sections[{row}].{part}";
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

public sealed class TemplateSectionForm
{
    public string? Kind { get; set; } = "competencies";
    public string? Title { get; set; }
    public double? Weight { get; set; }
    public string? Items { get; set; }
}
