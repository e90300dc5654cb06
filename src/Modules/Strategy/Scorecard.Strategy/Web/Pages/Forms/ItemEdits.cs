using Microsoft.AspNetCore.Http;
using Scorecard.Platform;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Web.Pages.Forms;

/// <summary>
/// The edit forms of objectives, KPIs and initiatives: their fields, the stored values as the form shows them, and the
/// JSON merge-patch a posted form becomes (the same patch the API takes, so the rules and the version check are the API's).
/// </summary>
internal static class ItemEdits
{
    public static readonly ItemField[] ObjectiveFields =
        [new("name", "Name"), new("description", "Description"), new("ownerId", "Owner"), new("weight", "Weight"), new("perspectiveId", "Perspective")];

    public static readonly ItemField[] KpiFields =
    [
        new("name", "Name"), new("unit", "Unit"), new("ownerId", "Owner"), new("dataSource", "Data source"), new("direction", "Direction"),
        new("baseline", "Baseline"), new("target", "Target"), new("min", "Scale min"), new("max", "Scale max"), new("bandLow", "Band low"),
        new("bandHigh", "Band high"), new("green", "Green from"), new("amber", "Amber from"), new("updateInterval", "Update interval"),
        new("leading", "Leading indicator"), new("weight", "Weight"), new("aggregation", "Sub-KPI aggregation"),
    ];

    public static readonly ItemField[] InitiativeFields =
    [
        new("name", "Name"), new("ownerId", "Owner"), new("start", "Start"), new("end", "End"), new("budget", "Budget"), new("currency", "Currency"),
        new("status", "Status"), new("percentComplete", "% complete"),
    ];

    public static readonly string[] Currencies = ["EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "INR", "CNY", "BRL"];

    public static IReadOnlyDictionary<string, string?> Current(ObjectiveDto o) => new Dictionary<string, string?>
    {
        ["name"] = o.Name, ["description"] = o.Description, ["ownerId"] = o.OwnerId?.ToString(), ["weight"] = ItemForm.Num(o.Weight),
        ["perspectiveId"] = o.PerspectiveId.ToString(),
    };

    public static IReadOnlyDictionary<string, string?> Current(KpiDto k) => new Dictionary<string, string?>
    {
        ["name"] = k.Name, ["unit"] = k.Unit, ["ownerId"] = k.OwnerId?.ToString(), ["dataSource"] = k.DataSource, ["direction"] = k.Direction,
        ["baseline"] = ItemForm.Num(k.Baseline), ["target"] = ItemForm.Num(k.Target), ["min"] = ItemForm.Num(k.Min), ["max"] = ItemForm.Num(k.Max),
        ["bandLow"] = ItemForm.Num(k.BandLow), ["bandHigh"] = ItemForm.Num(k.BandHigh), ["green"] = ItemForm.Num(k.Thresholds.Green),
        ["amber"] = ItemForm.Num(k.Thresholds.Amber), ["updateInterval"] = k.UpdateInterval, ["leading"] = k.Leading ? "1" : null,
        ["weight"] = ItemForm.Num(k.Weight), ["aggregation"] = k.Aggregation,
    };

    public static IReadOnlyDictionary<string, string?> Current(InitiativeDto i) => new Dictionary<string, string?>
    {
        ["name"] = i.Name, ["ownerId"] = i.OwnerId?.ToString(), ["start"] = ItemForm.Day(i.Start), ["end"] = ItemForm.Day(i.End),
        ["budget"] = ItemForm.Num(i.Budget), ["currency"] = i.Budget is null ? null : i.Currency, ["status"] = i.Status,
        ["percentComplete"] = ItemForm.Num(i.PercentComplete),
    };

    public static Dictionary<string, object?> ObjectivePatch(IFormCollection form) => new()
    {
        ["version"] = Version(form),
        ["name"] = FormValues.Text(form, "name") ?? "",
        ["description"] = FormValues.Text(form, "description"),
        ["ownerId"] = FormValues.Id(form, "ownerId")?.ToString(),
        ["weight"] = FormValues.Number(form, "weight"),
        ["perspectiveId"] = (FormValues.Id(form, "perspectiveId") ?? throw new BadInputException("perspectiveId", "Choose a perspective.")).ToString(),
    };

    public static Dictionary<string, object?> KpiPatch(IFormCollection form)
    {
        var green = FormValues.Number(form, "green");
        var amber = FormValues.Number(form, "amber");
        return new()
        {
            ["version"] = Version(form),
            ["name"] = FormValues.Text(form, "name") ?? "",
            ["unit"] = FormValues.Text(form, "unit"),
            ["ownerId"] = FormValues.Id(form, "ownerId")?.ToString(),
            ["dataSource"] = FormValues.Text(form, "dataSource"),
            ["direction"] = FormValues.Text(form, "direction"),
            ["baseline"] = FormValues.Number(form, "baseline"),
            ["target"] = FormValues.Number(form, "target"),
            ["min"] = FormValues.Number(form, "min"),
            ["max"] = FormValues.Number(form, "max"),
            ["bandLow"] = FormValues.Number(form, "bandLow"),
            ["bandHigh"] = FormValues.Number(form, "bandHigh"),
            ["thresholds"] = green is null && amber is null ? null
                : green is { } g && amber is { } a ? new { green = g, amber = a }
                : throw new RuleViolationException(green is null ? "green" : "amber", "Give both green and amber thresholds, or neither."),
            ["updateInterval"] = FormValues.Text(form, "updateInterval"),
            ["leading"] = form["leading"].Count > 0,
            ["weight"] = FormValues.Number(form, "weight"),
            ["aggregation"] = FormValues.Text(form, "aggregation"),
        };
    }

    public static Dictionary<string, object?> InitiativePatch(IFormCollection form)
    {
        var budget = FormValues.Number(form, "budget");
        return new()
        {
            ["version"] = Version(form),
            ["name"] = FormValues.Text(form, "name") ?? "",
            ["ownerId"] = FormValues.Id(form, "ownerId")?.ToString(),
            ["start"] = FormValues.Date(form, "start")?.ToString("yyyy-MM-dd"),
            ["end"] = FormValues.Date(form, "end")?.ToString("yyyy-MM-dd"),
            ["budget"] = budget,
            ["currency"] = budget is null ? null
                : FormValues.Text(form, "currency") ?? throw new BadInputException("currency", "Choose the currency of the budget."),
            ["status"] = FormValues.Text(form, "status"),
            ["percentComplete"] = FormValues.Number(form, "percentComplete"),
        };
    }

    /// <summary>The version the form was read at: every edit form carries it, so a stale save is refused (409).</summary>
    public static string Version(IFormCollection form) =>
        (FormValues.Id(form, "version") ?? throw new BadInputException("version", "The form has no version; reload the page.")).ToString();
}
