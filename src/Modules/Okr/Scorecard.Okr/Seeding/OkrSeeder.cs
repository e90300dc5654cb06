using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Modules;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Seeding;

/// <summary>
/// Demo OKRs on an empty OKR database (with <c>Scorecard:Demo</c>, the default): the customer OKR of seed 002 at company
/// level for 2026-Q4, cascaded through Customer Success and Sales to Support, CSM and people, with check-ins up to today;
/// people whose goals are misaligned in each of the six ways; and individual OKRs for 2026 Q1–Q4 for the Platform,
/// Product Engineering, Support and CSM teams (evidence for the H2-2026 review cycle).
/// </summary>
internal sealed class OkrSeeder : IModuleInitializer
{
    public const int Year = 2026;

    public int Order => 120;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (!sp.GetRequiredService<IConfiguration>().GetValue("Scorecard:Demo", true)) return;
        var db = sp.GetRequiredService<OkrDbContext>();
        if (await db.Objectives.AnyAsync(cancellationToken)) return;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Scorecard.Seeding");
        var directory = sp.GetRequiredService<IOrganizationDirectory>();
        if (await directory.FindByEmailAsync("maya.lindqvist@brightline.example", cancellationToken) is null)
        {
            logger.LogWarning("The demo organization is missing, so no demo OKRs were seeded.");
            return;
        }
        var strategy = sp.GetRequiredService<IStrategyReader>();
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var builder = new DemoOkrBuilder(db, directory, today);
        await builder.LoadAsync(cancellationToken);
        var scorecard = (await strategy.ListObjectivesAsync(null, cancellationToken)).Where(o => o.IsCompanyScorecard).ToList();
        var customer = scorecard.Where(o => string.Equals(o.PerspectiveName, "Customer", StringComparison.OrdinalIgnoreCase)).ToList();
        if (customer.Count == 0)
            logger.LogWarning("No Customer-perspective objective on the company scorecard: the demo customer OKR is seeded without a scorecard link.");
        await DemoOkrs.SeedAsync(builder, scorecard, customer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} demo OKR objectives.", builder.Count);
    }
}

/// <summary>Small helpers that write demo objectives, key results and check-ins straight to the OKR tables.</summary>
internal sealed class DemoOkrBuilder(OkrDbContext db, IOrganizationDirectory directory, DateOnly today)
{
    private readonly Dictionary<string, Guid> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _people = new(StringComparer.Ordinal);

    public DateOnly Today { get; } = today;

    public int Count { get; private set; }

    public async Task LoadAsync(CancellationToken ct)
    {
        var units = await directory.GetUnitsAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        foreach (var u in units)
        {
            var path = u.Name;
            for (var p = u.ParentId; p is { } pid && byId.TryGetValue(pid, out var parent); p = parent.ParentId) path = parent.Name + "/" + path;
            _units[path] = u.Id;
        }
    }

    public Guid Unit(string path) => _units.TryGetValue(path, out var id) ? id : throw new InvalidOperationException($"Demo unit '{path}' is missing.");

    public async Task<Guid> PersonAsync(string login, CancellationToken ct)
    {
        if (_people.TryGetValue(login, out var id)) return id;
        var person = await directory.FindByEmailAsync($"{login}@brightline.example", ct)
            ?? throw new InvalidOperationException($"Demo person '{login}' is missing.");
        return _people[login] = person.Id;
    }

    public OkrObjective Objective(string title, OkrLevel level, OkrPeriod period, Guid? owner = null, Guid? unit = null,
        bool aspirational = false, string? description = null)
    {
        var o = new OkrObjective
        {
            Title = title,
            Description = description,
            Level = level switch { OkrLevel.Company => "company", OkrLevel.Department => "department", OkrLevel.Team => "team", _ => "individual" },
            Period = period.Code,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            OwnerPersonId = owner,
            OrgUnitId = unit,
            Type = aspirational ? "aspirational" : "committed",
            CreatedAt = new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            CreatedByPersonId = owner,
        };
        db.Objectives.Add(o);
        Count++;
        return o;
    }

    public void Supports(OkrObjective child, OkrObjective parent, double weight = 1.0) =>
        child.Parents.Add(new OkrParentLink { ObjectiveId = child.Id, ParentObjectiveId = parent.Id, Weight = weight });

    public void SupportsScorecard(OkrObjective child, Guid strategyObjectiveId, double weight = 1.0) =>
        child.Parents.Add(new OkrParentLink { ObjectiveId = child.Id, StrategyObjectiveId = strategyObjectiveId, Weight = weight });

    /// <summary>
    /// A key result with check-ins every two weeks from the period's second week up to today (or the period's end),
    /// moving from start towards <paramref name="reach"/> of the way to the target by the end of the period.
    /// </summary>
    public OkrKeyResult KeyResult(OkrObjective o, string title, string kind, double? start, double? target, string? unit,
        double reach, Guid? by, int seed, double? bandLow = null, double? bandHigh = null, DateOnly? due = null, double? weight = null)
    {
        var k = new OkrKeyResult
        {
            ObjectiveId = o.Id, Title = title, Kind = kind, Start = start, Target = target, Unit = unit, BandLow = bandLow, BandHigh = bandHigh,
            DueDate = due, Weight = weight, Position = o.KeyResults.Count,
        };
        o.KeyResults.Add(k);
        if (by is not { } person) return k;
        var period = OkrPeriod.Parse(o.Period);
        var random = new Random(seed);
        var last = Today < period.End ? Today : period.End;
        for (var date = period.Start.AddDays(10); date <= last; date = date.AddDays(14))
        {
            var elapsed = period.ElapsedFraction(date);
            double value;
            if (kind == "milestone") value = elapsed >= 0.85 && reach >= 1.0 ? 1 : 0;
            else if (kind == "control") value = Math.Round(bandLow!.Value + (bandHigh!.Value - bandLow.Value) * (reach >= 0.5 ? 0.6 : 1.4) - random.NextDouble() * 0.01, 3);
            else if (start is { } s && target is { } t)
            {
                var fraction = Math.Clamp(reach * Math.Pow(elapsed, 0.9) + (random.NextDouble() - 0.5) * 0.06, 0, 1.05);
                value = Math.Round(s + (t - s) * fraction, 1);
                if (kind == "percentage") value = Math.Clamp(value, 0, 100);
            }
            else continue;
            var checkIn = new OkrCheckIn
            {
                KeyResultId = k.Id, Date = date, Value = value, Confidence = Math.Clamp((int)Math.Round(4 + reach * 5 + random.Next(-1, 2)), 0, 10),
                Comment = CheckInComments[random.Next(CheckInComments.Length)], ByPersonId = person,
                RecordedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero),
            };
            k.CheckIns.Add(checkIn);
            k.Current = value;
        }
        return k;
    }

    private static readonly string[] CheckInComments =
    [
        "Steady week; on plan.",
        "Slower than hoped — two blockers, both being handled.",
        "Good progress after the process change.",
        "Caught up after a slow start.",
        "Holding; waiting on another team.",
        null!,
    ];
}
