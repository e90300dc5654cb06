using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Ai;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Application.Drafting;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Benchmarks;

/// <summary>
/// Builds the evidence (EvidenceService over SQLite + in-memory fakes of the OKR, Strategy and Organization
/// contracts) and the offline draft (sampling, Scriban template, validation) for a person with a year of
/// evidence: 5 OKRs, 40 check-ins, 60 feedback items, a self-review and an alignment finding.
/// </summary>
internal sealed class ReviewDraftBenchmark : IBenchmark
{
    private const int WarmUp = 5;
    private const int Runs = 41;

    public string Name => "review-draft";

    public string Description => "evidence + offline review draft for a year of evidence (5 OKRs, 40 check-ins, 60 feedback items)";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("scorecard-bench-draft-").FullName;
        try
        {
            var person = Guid.NewGuid();
            var manager = Guid.NewGuid();
            var peers = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
            var start = new DateOnly(2026, 1, 1);
            var end = new DateOnly(2026, 12, 31);

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ai:Provider"] = "offline" }).Build();
            var services = new ServiceCollection();
            var connection = $"Data Source={Path.Combine(dir, "reviews.db")}";
            services.AddDbContext<ReviewsDbContext>(o => ModuleDbContextRegistration.Configure(o, new DatabaseSettings(DatabaseProvider.Sqlite, connection), "__reviews_migrations"));
            services.AddSingleton<IConfiguration>(configuration);
            services.AddSingleton<IOrganizationDirectory>(new FakeDirectory([person, manager, .. peers]));
            services.AddSingleton<IOkrReader>(new FakeOkr(person, start));
            services.AddSingleton<IStrategyReader>(new FakeStrategy());
            services.AddSingleton<ICurrentUser>(new FakeUser(manager));
            services.AddSingleton<IAuditLog, NullAudit>();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
            services.AddAiGateway(configuration);
            services.AddScoped<EvidenceService>();
            services.AddScoped<ReviewDrafter>();
            await using var provider = services.BuildServiceProvider();

            Review review;
            ReviewCycle cycle;
            using (var scope = provider.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                var definition = TemplateDefinition.Create(1, 5, null,
                    [new SectionInput("competencies", "C", 60, ["Delivery", "Collaboration"], null), new SectionInput("questions", "Q", 0, null, ["What did you achieve?", "Where will you grow?"])]);
                var template = new ReviewTemplate { Name = "Bench", Definition = definition };
                cycle = new ReviewCycle { Name = "2026", PeriodStart = start, PeriodEnd = end, TemplateId = template.Id, Phase = ReviewPhase.Manager };
                review = new Review { CycleId = cycle.Id, PersonId = person, ManagerId = manager, SelfUpdatedAt = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero) };
                review.SelfAnswers = definition.Questions.ToDictionary(q => q.Id, q => q.Text.StartsWith("What", StringComparison.Ordinal)
                    ? "Cut the build time from 14 to 6 minutes and ran the on-call rotation redesign."
                    : "I want to lead the multi-region design next year.");
                db.AddRange(template, cycle, review);
                var random = new Random(42);
                for (var i = 0; i < 60; i++)
                {
                    var day = start.AddDays(random.Next(0, 365));
                    db.Feedback.Add(new FeedbackItem
                    {
                        FromPersonId = peers[i % peers.Count], ToPersonId = person,
                        Kind = i % 4 == 0 ? FeedbackKind.Praise : FeedbackKind.Feedback, Visibility = FeedbackVisibility.Private,
                        Text = $"Feedback {i}: the incident review on the payments outage was clear, listed the timeline and named two follow-ups that shipped the next sprint.",
                        CreatedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                    });
                }
                await db.SaveChangesAsync(cancellationToken);
            }

            var times = new List<double>();
            DraftOutcome? last = null;
            int evidenceCount = 0;
            for (var run = 0; run < WarmUp + Runs; run++)
            {
                using var scope = provider.CreateScope();
                var sw = Stopwatch.StartNew();
                var evidence = scope.ServiceProvider.GetRequiredService<EvidenceService>();
                var built = await evidence.BuildAsync(review, cycle, manager, cancellationToken);
                var items = built.Items.Where(i => i.Kind != EvidenceKind.Note).ToList();
                var okr = scope.ServiceProvider.GetRequiredService<IOkrReader>();
                items.AddRange(DraftingService.ToAlignmentEvidence(await okr.GetAlignmentFindingsAsync(person, start, end, cancellationToken), items, start));
                var drafter = scope.ServiceProvider.GetRequiredService<ReviewDrafter>();
                last = await drafter.DraftAsync(new DraftInput(review.Id, start, end, items, new AiPerson("Bench Person", "bench@example.test"), []), cancellationToken);
                sw.Stop();
                evidenceCount = items.Count;
                if (run >= WarmUp) times.Add(sw.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"runs: {Runs} after {WarmUp} warm-up"));
            output.WriteLine(string.Create(inv, $"time (evidence + offline draft): median {times[times.Count / 2]:0.00} ms, min {times[0]:0.00} ms, max {times[^1]:0.00} ms"));
            output.WriteLine(string.Create(inv, $"evidence items: {evidenceCount} (sampled {last!.Sample.Items.Count}, {last.Sample.MonthsCovered} of {last.Sample.MonthsWithEvidence} months)"));
            output.WriteLine(string.Create(inv, $"prompt tokens (estimate, chars/4): {last.PromptTokens} (evidence {last.Sample.EstimatedTokens} of budget {last.Sample.TokenBudget})"));
            output.WriteLine(string.Create(inv, $"draft: {last.Answer.Sections.Count} sections, {last.Answer.Sections.Sum(s => s.Sentences.Count)} cited sentences, {last.Text.Length} characters"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private sealed class FakeUser(Guid person) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public Guid? PersonId => person;
        public string? Email => "manager@example.test";
        public bool IsInRole(string role) => false;
    }

    private sealed class NullAudit : IAuditLog
    {
        public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<AuditRecord>> ReadAsync(string? subjectType = null, string? subjectId = null, string? action = null, int limit = 100,
            CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditRecord>>([]);
    }

    /// <summary>5 objectives × 2 key results × 4 check-ins = 40 check-ins over the year; one objective not aligned.</summary>
    private sealed class FakeOkr : IOkrReader
    {
        public Task<IReadOnlyList<string>> GetObjectiveTitlesOfOrgUnitAsync(Guid orgUnitId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([]);

        private readonly List<OkrObjectiveSummary> objectives = [];
        private readonly Guid person;

        public FakeOkr(Guid person, DateOnly start)
        {
            this.person = person;
            for (var o = 0; o < 5; o++)
            {
                var krs = new List<OkrKeyResultSummary>();
                for (var k = 0; k < 2; k++)
                {
                    var checkIns = Enumerable.Range(0, 4).Select(c => new OkrCheckInSummary(Guid.NewGuid(), start.AddDays(15 + o * 7 + k * 3 + c * 90), 10 * (c + 1), 6 + c % 3,
                        c % 2 == 0 ? "On track after the migration work." : null, person)).ToList();
                    krs.Add(new OkrKeyResultSummary(Guid.NewGuid(), $"Key result {o}.{k}: reduce p95 latency", "metric", 0, 100, 40, "%", 0.4, start.AddMonths(11), checkIns));
                }
                objectives.Add(new OkrObjectiveSummary(Guid.NewGuid(), $"Objective {o}: make the platform faster", "person", "2026", start, start.AddYears(1).AddDays(-1),
                    person, null, "committed", 0.5 + o * 0.1, 0.5, "on_track", false, krs));
            }
        }

        public Task<OkrObjectiveSummary?> GetObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default) =>
            Task.FromResult(objectives.FirstOrDefault(o => o.Id == objectiveId));

        public Task<IReadOnlyList<OkrObjectiveSummary>> GetPersonObjectivesAsync(Guid personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<OkrObjectiveSummary>>(personId == person ? objectives : []);

        public Task<IReadOnlyList<OkrAlignmentFinding>> GetAlignmentFindingsAsync(Guid personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<OkrAlignmentFinding>>([new OkrAlignmentFinding(objectives[4].Id, "NOT_ALIGNED", "warning", "The objective does not support any company objective.")]);
    }

    private sealed class FakeStrategy : IStrategyReader
    {
        public Task<IReadOnlyList<string>> GetScorecardNamesOfOrgUnitAsync(Guid orgUnitId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([]);

        public Task<StrategyObjectiveSummary?> GetObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default) => Task.FromResult<StrategyObjectiveSummary?>(null);
        public Task<IReadOnlyList<StrategyObjectiveSummary>> GetObjectivesAsync(IEnumerable<Guid> objectiveIds, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<StrategyObjectiveSummary>>([]);
        public Task<IReadOnlyList<StrategyObjectiveSummary>> ListObjectivesAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<StrategyObjectiveSummary>>([]);
        public Task<KpiSummary?> GetKpiAsync(Guid kpiId, CancellationToken cancellationToken = default) => Task.FromResult<KpiSummary?>(null);
        public Task<IReadOnlyList<KpiSummary>> GetKpisOwnedByAsync(Guid personId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<KpiSummary>>([]);
        public Task<IReadOnlyList<KpiSummary>> SearchKpisAsync(string text, int limit, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<KpiSummary>>([]);
        public Task<IReadOnlyList<KpiMeasurementPoint>> GetMeasurementsAsync(Guid kpiId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<KpiMeasurementPoint>>([]);
        public Task<LineOfSight?> GetLineOfSightAsync(Guid objectiveId, CancellationToken cancellationToken = default) => Task.FromResult<LineOfSight?>(null);
        public Task<IReadOnlyList<PerspectiveWeight>> GetCompanyPerspectiveWeightsAsync(DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PerspectiveWeight>>([]);
    }

    private sealed class FakeDirectory(IReadOnlyList<Guid> people) : IOrganizationDirectory
    {
        private static PersonSummary P(Guid id) => new(id, $"Person {id.ToString()[..4]}", $"{id:N}@example.test", "Engineer", Guid.Empty, null, new DateOnly(2020, 1, 1), true);
        public Task<PersonSummary?> GetPersonAsync(Guid personId, CancellationToken cancellationToken = default) => Task.FromResult<PersonSummary?>(P(personId));
        public Task<IReadOnlyList<PersonSummary>> GetPeopleAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PersonSummary>>([.. personIds.Distinct().Select(P)]);
        public Task<PersonSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => Task.FromResult<PersonSummary?>(null);
        public Task<OrgUnitSummary?> GetUnitAsync(Guid unitId, CancellationToken cancellationToken = default) => Task.FromResult<OrgUnitSummary?>(null);
        public Task<IReadOnlyList<OrgUnitSummary>> GetUnitsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<OrgUnitSummary>>([]);
        public Task<IReadOnlyList<PersonSummary>> GetManagerChainAsync(Guid personId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PersonSummary>>([]);
        public Task<IReadOnlyList<PersonSummary>> GetDirectReportsAsync(Guid managerId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PersonSummary>>([]);
        public Task<IReadOnlyList<PersonSummary>> GetAllReportsAsync(Guid managerId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PersonSummary>>([.. people.Select(P)]);
        public Task<IReadOnlyList<PersonSummary>> GetPeopleInUnitAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PersonSummary>>([]);
        public Task<IReadOnlyList<PersonSummary>> GetUnitHeadsAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PersonSummary>>([]);
        public Task<bool> IsInManagerChainAsync(Guid managerId, Guid personId, CancellationToken cancellationToken = default) => Task.FromResult(true);
    }
}
