using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Persistence;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Persistence;
using Scorecard.Reviews.Persistence;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>What the generator wrote, for the benchmarks (and tests) to read back.</summary>
public sealed record GeneratedOrganization(
    int People,
    int Units,
    int Objectives,
    int IndividualObjectives,
    int KeyResults,
    int CheckIns,
    int Kpis,
    int Measurements,
    int Reviews,
    Guid ScorecardId,
    IReadOnlyList<Guid> CompanyObjectiveIds,
    IReadOnlyList<Guid> IndividualObjectiveSample,
    IReadOnlyList<Guid> DepartmentIds,
    TimeSpan Took);

/// <summary>
/// A deterministic organization of a given size (fixed seed), written in bulk through the modules' own contexts into a
/// migrated database under the demo company's root unit: 8 unit levels, a head per unit, ~1.3 individual objectives
/// per person (2026-Q4 and some 2026-Q3) with parents, two key results and check-ins each, team, department and
/// company objectives above them linked to a generated company scorecard of 500 KPIs × 36 monthly measurements, and a
/// review cycle with a review per person. Stored progress is left unknown: the host's start-up backfill computes it.
/// </summary>
public static class OrganizationGenerator
{
    public const int Seed = 20261129;
    public const string Period = "2026-Q4";

    private static readonly string[] Verbs = ["Improve", "Reduce", "Grow", "Launch", "Automate", "Simplify", "Raise", "Cut", "Expand", "Stabilise"];
    private static readonly string[] Things =
    [
        "customer onboarding", "release reliability", "support response time", "renewal rate", "pipeline coverage", "invoice accuracy",
        "hiring speed", "data quality", "checkout conversion", "churn of small accounts", "cloud cost", "incident recovery",
        "partner revenue", "product adoption", "test coverage", "employee engagement", "forecast accuracy", "security posture",
        "mobile performance", "documentation quality", "sales cycle length", "net promoter score", "warehouse throughput", "lead quality",
    ];

    /// <summary>Levels below the root for about <paramref name="people"/> people: 7 levels, so 8 with the root.</summary>
    private static int[] Branching(int people) => people >= 5_000 ? [6, 3, 2, 2, 2, 2, 2] : people >= 500 ? [4, 2, 2, 2, 1, 1, 1] : [2, 1, 1, 1, 1, 1, 1];

    public static async Task<GeneratedOrganization> WriteAsync(string connectionString, int people, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        var rng = new Random(Seed);
        Guid NewId() { Span<byte> b = stackalloc byte[16]; rng.NextBytes(b); b[7] = (byte)(b[7] & 0x0F | 0x40); b[8] = (byte)(b[8] & 0x3F | 0x80); return new Guid(b); }
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        // ---------- organization ----------
        var units = new List<OrgUnit>();
        var heads = new Dictionary<Guid, Person>();
        var persons = new List<Person>();
        var leaves = new List<OrgUnit>();
        var departments = new List<Guid>();
        var unitDepth = new Dictionary<Guid, int>();
        Guid rootId;
        Guid? rootHead;
        await using (var org = Open<OrganizationSqliteDbContext>(connectionString, OrganizationTables.Prefix, o => new(o)))
        {
            var root = await org.Units.AsNoTracking().FirstAsync(u => u.ParentId == null, ct);
            rootId = root.Id;
            rootHead = (await org.People.AsNoTracking().Where(p => p.OrgUnitId == rootId && p.ManagerId == null).FirstOrDefaultAsync(ct))?.Id;
            var branching = Branching(people);
            var level = new List<(OrgUnit Unit, Guid? Head)> { (root, rootHead) };
            for (var depth = 0; depth < branching.Length; depth++)
            {
                var next = new List<(OrgUnit, Guid?)>();
                foreach (var (parent, parentHead) in level)
                for (var i = 0; i < branching[depth]; i++)
                {
                    var unit = new OrgUnit { Id = NewId(), Name = $"G{depth + 2}-{units.Count + 1} {Things[rng.Next(Things.Length)]}", ParentId = parent.Id };
                    units.Add(unit);
                    unitDepth[unit.Id] = depth + 2;
                    if (depth == 0) departments.Add(unit.Id);
                    var head = NewPerson(unit.Id, parentHead, $"Head {units.Count}");
                    heads[unit.Id] = head;
                    next.Add((unit, head.Id));
                    if (depth == branching.Length - 1) leaves.Add(unit);
                }
                level = next;
            }
            while (persons.Count < people)
            {
                var leaf = leaves[persons.Count % leaves.Count];
                NewPerson(leaf.Id, heads[leaf.Id].Id, $"Person {persons.Count + 1}");
            }
            org.ChangeTracker.AutoDetectChangesEnabled = false;
            org.Units.AddRange(units);
            org.People.AddRange(persons);
            await org.SaveChangesAsync(ct);
        }

        Person NewPerson(Guid unitId, Guid? managerId, string name)
        {
            var p = new Person
            {
                Id = NewId(), Email = $"gen{persons.Count + 1}@generated.example", Name = name, JobTitle = "Generated", OrgUnitId = unitId,
                ManagerId = managerId, HireDate = new DateOnly(2015 + rng.Next(11), 1 + rng.Next(12), 1), Gender = rng.Next(2) == 0 ? "female" : "male",
                BirthYear = 1960 + rng.Next(45),
            };
            p.RefreshSearchKeys();
            persons.Add(p);
            return p;
        }

        // ---------- strategy: a company scorecard of 500 KPIs × 36 months ----------
        var strategyObjectives = new List<ObjectiveRecord>();
        var scorecardId = NewId();
        int kpiCount = 0, measurementCount = 0;
        await using (var strategy = Open<StrategySqliteDbContext>(connectionString, StrategyTables.Prefix, o => new(o)))
        {
            strategy.ChangeTracker.AutoDetectChangesEnabled = false;
            strategy.Scorecards.Add(new ScorecardRecord
            {
                Id = scorecardId, Name = $"Generated {people:N0}", OrgUnitId = rootId, IsCompany = false, OwnerId = rootHead,
                PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31), CreatedAt = now,
            });
            string[] perspectives = ["Financial", "Customer", "Internal process", "Learning and growth"];
            for (var p = 0; p < perspectives.Length; p++)
            {
                var perspective = new PerspectiveRecord { Id = NewId(), ScorecardId = scorecardId, Name = perspectives[p], Position = p, Weight = 0.25 };
                strategy.Perspectives.Add(perspective);
                for (var o = 0; o < 5; o++)
                {
                    var objective = new ObjectiveRecord
                    {
                        Id = NewId(), ScorecardId = scorecardId, PerspectiveId = perspective.Id, Position = o,
                        Name = $"{Verbs[rng.Next(Verbs.Length)]} {Things[rng.Next(Things.Length)]}",
                    };
                    strategyObjectives.Add(objective);
                    strategy.Objectives.Add(objective);
                    for (var k = 0; k < 25; k++)
                    {
                        var kpi = new KpiRecord
                        {
                            Id = NewId(), ObjectiveId = objective.Id, Name = $"KPI {++kpiCount} {Things[rng.Next(Things.Length)]}", Unit = "%",
                            Baseline = 50, Target = 80, UpdateInterval = "monthly", TrackingSince = new DateOnly(2024, 1, 1),
                        };
                        strategy.Kpis.Add(kpi);
                        var value = 50.0;
                        for (var m = 0; m < 36; m++)
                        {
                            value = Math.Clamp(value + rng.NextDouble() * 3 - 1, 0, 100);
                            strategy.Measurements.Add(new MeasurementRecord
                            {
                                Id = NewId(), KpiId = kpi.Id, Date = new DateOnly(2024, 1, 1).AddMonths(m), Value = Math.Round(value, 2), EnteredAt = now,
                            });
                            measurementCount++;
                        }
                    }
                }
            }
            await strategy.SaveChangesAsync(ct);
        }

        // ---------- OKRs ----------
        var objectives = new List<OkrObjective>();
        int keyResultCount = 0, checkInCount = 0, individualCount = 0;
        var companyIds = new List<Guid>();
        var sample = new List<Guid>();
        await using (var okr = Open<OkrSqliteDbContext>(connectionString, OkrTables.Prefix, o => new(o)))
        {
            okr.ChangeTracker.AutoDetectChangesEnabled = false;
            var q4 = (Start: new DateOnly(2026, 10, 1), End: new DateOnly(2026, 12, 31));
            var q3 = (Start: new DateOnly(2026, 7, 1), End: new DateOnly(2026, 9, 30));
            OkrObjective Objective(string level, Guid? owner, Guid? unit, bool previousQuarter = false)
            {
                var (start, end) = previousQuarter ? q3 : q4;
                var o = new OkrObjective
                {
                    Id = NewId(), Title = $"{Verbs[rng.Next(Verbs.Length)]} {Things[rng.Next(Things.Length)]}", Level = level,
                    Period = previousQuarter ? "2026-Q3" : Period, PeriodStart = start, PeriodEnd = end, OwnerPersonId = owner, OrgUnitId = unit,
                    RollUpShare = level == "individual" ? 0 : 0.5, CreatedAt = now,
                };
                for (var k = 0; k < 2; k++)
                {
                    var kr = new OkrKeyResult
                    {
                        Id = NewId(), ObjectiveId = o.Id, Title = $"Move {Things[rng.Next(Things.Length)]} from 0 to 100", Kind = "metric",
                        Start = 0, Target = 100, Unit = "%", DueDate = end, Position = k,
                    };
                    var checkIns = 1 + rng.Next(4);
                    for (var c = 0; c < checkIns; c++)
                    {
                        var value = Math.Round(rng.NextDouble() * 100, 1);
                        kr.CheckIns.Add(new OkrCheckIn
                        {
                            Id = NewId(), KeyResultId = kr.Id, Date = start.AddDays(7 * c), Value = value, Confidence = 1 + rng.Next(10),
                            ByPersonId = owner ?? Guid.Empty, RecordedAt = now,
                        });
                        kr.Current = value;
                    }
                    keyResultCount++;
                    checkInCount += checkIns;
                    o.KeyResults.Add(kr);
                }
                objectives.Add(o);
                return o;
            }
            void Link(OkrObjective child, Guid? okrParent, Guid? strategyParent) =>
                child.Parents.Add(new OkrParentLink { Id = NewId(), ObjectiveId = child.Id, ParentObjectiveId = okrParent, StrategyObjectiveId = strategyParent });

            var company = new List<OkrObjective>();
            for (var i = 0; i < 5; i++)
            {
                var c = Objective("company", null, rootId);
                Link(c, null, strategyObjectives[rng.Next(strategyObjectives.Count)].Id);
                company.Add(c);
                companyIds.Add(c.Id);
            }
            var unitObjective = new Dictionary<Guid, OkrObjective>();
            foreach (var unit in units) // parents before children: units are listed level by level
            {
                var level = unitDepth[unit.Id] == 2 ? "department" : "team";
                var o = Objective(level, null, unit.Id);
                if (unit.ParentId is { } parentUnit && unitObjective.TryGetValue(parentUnit, out var above)) Link(o, above.Id, null);
                else Link(o, company[rng.Next(company.Count)].Id, null);
                unitObjective[unit.Id] = o;
            }
            foreach (var person in persons)
            {
                var count = rng.NextDouble() < 0.3 ? 2 : 1;
                for (var i = 0; i < count; i++)
                {
                    var previous = i == 1 && rng.NextDouble() < 0.5;
                    var o = Objective("individual", person.Id, null, previous);
                    individualCount++;
                    var roll = rng.NextDouble();
                    if (roll < 0.85) Link(o, unitObjective[person.OrgUnitId].Id, null);           // aligned to the team
                    else if (roll < 0.9) Link(o, company[rng.Next(company.Count)].Id, null);       // straight to the company
                    // else: no parent (NO_PARENT)
                    if (!previous && sample.Count < 200 && rng.NextDouble() < 0.05) sample.Add(o.Id);
                }
            }
            okr.Objectives.AddRange(objectives);
            await okr.SaveChangesAsync(ct);
        }

        // ---------- a review cycle with a review per person ----------
        await using (var reviews = Open<ReviewsSqliteDbContext>(connectionString, ReviewsTables.Prefix, o => new(o)))
        {
            reviews.ChangeTracker.AutoDetectChangesEnabled = false;
            var template = (await reviews.Templates.AsNoTracking().ToListAsync(ct)).OrderBy(t => t.CreatedAt).FirstOrDefault();
            if (template is not null)
            {
                var cycle = new ReviewCycle
                {
                    Id = NewId(), Name = $"Generated cycle ({people:N0})", PeriodStart = new DateOnly(2026, 7, 1), PeriodEnd = new DateOnly(2026, 12, 31),
                    TemplateId = template.Id, Phase = "manager", CreatedAt = now, LaunchedAt = now, OrgUnitIds = [rootId],
                };
                reviews.Cycles.Add(cycle);
                foreach (var person in persons)
                    reviews.Reviews.Add(new Review { Id = NewId(), CycleId = cycle.Id, PersonId = person.Id, ManagerId = person.ManagerId });
                await reviews.SaveChangesAsync(ct);
            }
        }

        return new GeneratedOrganization(persons.Count, units.Count, objectives.Count, individualCount, keyResultCount, checkInCount,
            kpiCount, measurementCount, persons.Count, scorecardId, companyIds, sample, departments, sw.Elapsed);
    }

    private static T Open<T>(string connectionString, string prefix, Func<DbContextOptions<T>, T> create) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        ModuleDbContextRegistration.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, connectionString), ModuleDbContextRegistration.HistoryTable(prefix));
        return create(options.Options);
    }
}
