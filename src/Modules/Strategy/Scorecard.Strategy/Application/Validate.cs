using Scorecard.Platform.Values;
using System.Text.Json;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Strategy.Domain;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>Input rules shared by the use cases; each failure names its field.</summary>
internal static class Validate
{
    public static readonly string[] Directions = ["increase", "decrease", "range"];
    public static readonly string[] Intervals = ["weekly", "monthly", "quarterly"];
    public static readonly string[] Aggregations = ["weightedAverage", "sum", "average", "min", "max", "last"];
    public static readonly string[] InitiativeStatuses = ["planned", "active", "onHold", "done", "cancelled"];
    public static readonly string[] DecisionKinds = ["decision", "action"];

    public static string Name(string? value, string field = "name", int max = StrategyDbContext.NameMaxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new BadInputException(field, $"{field} is required.");
        }

        if (text.Length > max)
        {
            throw new BadInputException(field, $"{field} must be at most {max} characters.");
        }

        return text;
    }

    public static string? Optional(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= max ? text : throw new BadInputException(field, $"{field} must be at most {max} characters.");
    }

    public static double Weight(double? value, string field = "weight")
    {
        var w = FiniteNumber.Require(value ?? 1.0, field);
        return w >= 0 ? w : throw new RuleViolationException(field, $"{field} must be 0 or more, not {w}.");
    }

    /// <summary>An entered number: finite and within the documented range (<see cref="SaneRange"/>).</summary>
    public static double? Finite(double? value, string field) => SaneRange.Number(value, field);

    public static string OneOf(string? value, string[] allowed, string field, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase))
               ?? throw new BadInputException(field, $"{field} must be one of {string.Join(", ", allowed)}; '{value}' is not.");
    }

    /// <summary>An ISO 4217 code such as EUR or USD (upper-cased); empty means none.</summary>
    public static string? Currency(string? value, string field = "currency")
    {
        var code = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return code.Length == 3 && code.All(c => c is >= 'A' and <= 'Z')
            ? code
            : throw new BadInputException(field, $"{field} must be a three-letter ISO 4217 code such as EUR or USD, not '{value}'.");
    }

    public static async Task<Guid?> OwnerAsync(IOrganizationDirectory directory, Guid? ownerId, CancellationToken ct, string field = "ownerId")
    {
        if (ownerId is not { } id)
        {
            return null;
        }

        var person = await directory.GetPersonAsync(id, ct);
        if (person is null)
        {
            throw new RuleViolationException(field, $"{field} '{id}' is not a person in the directory.");
        }

        if (!person.Active)
        {
            throw new RuleViolationException(field, $"{person.Name} has left the organization and cannot own anything.");
        }

        return id;
    }

    public static void Period(DateOnly start, DateOnly end)
    {
        SaneRange.Date(start, "periodStart");
        SaneRange.Date(end, "periodEnd");
        if (end < start)
        {
            throw new RuleViolationException("periodEnd", $"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        if (end.DayNumber - start.DayNumber > 366 * 3)
        {
            throw new RuleViolationException("periodEnd", "A scorecard period can be at most three years long.");
        }
    }

    public static void InPeriod(DateOnly date, ScorecardRecord scorecard, string field = "date")
    {
        if (date < scorecard.PeriodStart || date > scorecard.PeriodEnd)
        {
            throw new RuleViolationException(
                field,
                $"The date {date:yyyy-MM-dd} is outside the scorecard's period {scorecard.PeriodStart:yyyy-MM-dd}..{scorecard.PeriodEnd:yyyy-MM-dd}.");
        }
    }

    /// <summary>The KPI's numbers must make sense together (checked on create and after every patch).</summary>
    public static void KpiNumbers(KpiRecord kpi)
    {
        Finite(kpi.Baseline, "baseline");
        Finite(kpi.Target, "target");
        Finite(kpi.Min, "min");
        Finite(kpi.Max, "max");
        Finite(kpi.BandLow, "bandLow");
        Finite(kpi.BandHigh, "bandHigh");
        Finite(kpi.GreenThreshold, "thresholds");
        Finite(kpi.AmberThreshold, "thresholds");
        Weight(kpi.Weight);
        if (kpi.Min is { } low && kpi.Max is { } high) SaneRange.Span(low, high, "max");
        if (kpi.BandLow is { } bandLow && kpi.BandHigh is { } bandHigh) SaneRange.Span(bandLow, bandHigh, "bandHigh");
        if (kpi.Baseline is { } b && kpi.Target is { } t && Math.Abs(t - b) < SaneRange.MinSpan)
        {
            throw new RuleViolationException("target", $"The target ({t}) equals the baseline: progress from baseline to target is undefined. Set a target that differs from the baseline.");
        }

        if (kpi.Direction != "range" && kpi.Baseline is { } b2 && kpi.Target is { } t2)
        {
            if (kpi.Direction == "increase" && t2 < b2)
            {
                throw new RuleViolationException("target", $"An increasing KPI needs a target above its baseline ({t2} < {b2}); use direction \"decrease\".");
            }

            if (kpi.Direction == "decrease" && t2 > b2)
            {
                throw new RuleViolationException("target", $"A decreasing KPI needs a target below its baseline ({t2} > {b2}); use direction \"increase\".");
            }
        }

        if (kpi.Min is null != kpi.Max is null)
        {
            throw new RuleViolationException(kpi.Min is null ? "min" : "max", "Give both min and max for the performance scale, or neither.");
        }

        if (kpi.Direction == "range" && (kpi.BandLow is null || kpi.BandHigh is null || kpi.Min is null))
        {
            throw new RuleViolationException("bandLow", "A range KPI needs min, max, bandLow and bandHigh.");
        }

        if (kpi.Direction != "range" && kpi.Target is null && kpi.Min is null)
        {
            throw new RuleViolationException("target", "A KPI needs a target (or a min..max scale) to be scored.");
        }

        if (kpi.GreenThreshold is null != kpi.AmberThreshold is null)
        {
            throw new RuleViolationException("thresholds", "Give both green and amber thresholds, or neither.");
        }

        // Builds the domain definition once: it rejects a bad scale, a band outside it and amber above green.
        _ = KpiMath.Definition(kpi);
    }
}

/// <summary>Reads a JSON merge-patch body field by field with typed, named errors.</summary>
internal static class Patch
{
    public static IEnumerable<JsonProperty> Fields(JsonElement patch) =>
        patch.ValueKind == JsonValueKind.Object
            ? patch.EnumerateObject()
            : throw new BadInputException("body", "The body must be a JSON object.");

    public static void Version(JsonProperty field, Guid current, string what)
    {
        if (GuidOf(field) != current)
        {
            throw new ConflictException($"This {what} was changed by someone else since you loaded it (version {current} is current). Reload it and apply your change again.");
        }
    }

    public static string? Text(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.String => field.Value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be a string."),
    };

    public static double? Number(JsonProperty field)
    {
        if (field.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d) <= SaneRange.MaxMagnitude)
        {
            return d;
        }

        throw new BadInputException(field.Name, $"{field.Name} must be a number between -1e12 and 1e12.");
    }

    public static bool Bool(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be true or false."),
    };

    public static Guid? GuidOf(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when Guid.TryParse(field.Value.GetString(), out var g) => g,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be an id (GUID) or null."),
    };

    public static DateOnly? Date(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when DateOnly.TryParseExact(field.Value.GetString(), "yyyy-MM-dd", out var d) => d,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be a date (yyyy-MM-dd)."),
    };

    public static Exception Unknown(JsonProperty field) => new BadInputException(field.Name, $"Unknown field '{field.Name}'.");
}
