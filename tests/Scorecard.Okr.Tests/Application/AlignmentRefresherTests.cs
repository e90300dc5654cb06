using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Okr.Application;
using Scorecard.Okr.Application.Alignment;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Tests.Application;

/// <summary>What the background job runs: a goal write marks findings dirty; a refresh stores them and clears the marks.</summary>
public sealed class AlignmentRefresherTests
{
    [Fact]
    public async Task A_goal_write_marks_it_dirty_and_the_refresh_stores_its_findings_and_term_vector()
    {
        await using var h = await OkrHarness.CreateAsync();
        var goal = await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .CreateAsync(new CreateObjectiveRequest("Organise the summer party", "individual", "2026-Q4", null, null, null, [], null, null), default));

        Assert.Contains(await ReadAsync(h, db => db.AlignmentDirty.ToListAsync()), m => m.ObjectiveId == goal.Id && m.WithDescendants);

        var first = await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<AlignmentRefresher>().RefreshAsync(false, default));
        Assert.True(first.Ran);
        Assert.Empty(await ReadAsync(h, db => db.AlignmentDirty.ToListAsync()));
        var stored = await ReadAsync(h, db => db.AlignmentFindings.Where(f => f.ObjectiveId == goal.Id).ToListAsync());
        var unaligned = Assert.Single(stored, f => f.Code == AlignmentFindingCodes.Unaligned);
        Assert.Equal(h.Org.A.Id, unaligned.PersonId);
        Assert.Equal(h.Org.A.OrgUnitId, unaligned.OwnerUnitId);
        Assert.Equal("2026-Q4", unaligned.Period);
        var state = await ReadAsync(h, db => db.ObjectiveAlignments.SingleAsync(s => s.ObjectiveId == goal.Id));
        Assert.False(state.Aligned);
        Assert.Contains("\"parti\"", state.TermsJson); // the stemmed term vector of its text

        // Nothing changed since: the next run has nothing to do.
        Assert.False((await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<AlignmentRefresher>().RefreshAsync(false, default))).Ran);

        // A progress-only change (a check-in) marks the objective without its descendants.
        var withKr = await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .AddKeyResultAsync(goal.Id, new CreateKeyResultRequest("Guests attending", "metric", 0, 100, "people", null, null, null, null, null), default));
        await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<AlignmentRefresher>().RefreshAsync(false, default));
        await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .CheckInAsync(withKr.KeyResults[0].Id, new CheckInRequest(40, 7, null, null), default));
        var marks = await ReadAsync(h, db => db.AlignmentDirty.ToListAsync());
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.False(m.WithDescendants));
    }

    [Fact]
    public async Task After_goal_writes_the_incremental_refresh_stores_exactly_what_a_full_refresh_computes()
    {
        // The full refresh writes three objectives' portfolios or so per transaction here.
        await using var h = await OkrHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Scorecard:Okr:AlignmentWriteBatch"] = "3" });
        Task<ObjectiveDto> Create(PersonSummary who, string title, string level, Guid? unit, ParentLinkRequest[] parents, params string[] roles) =>
            h.AsAsync(who.Id, sp => sp.GetRequiredService<ObjectivesService>()
                .CreateAsync(new CreateObjectiveRequest(title, level, "2026-Q4", null, unit, null, parents, null, 0.5), default), roles);
        Task<ObjectiveDto> AddKr(PersonSummary who, Guid goal, string title, double start, double target) =>
            h.AsAsync(who.Id, sp => sp.GetRequiredService<ObjectivesService>()
                .AddKeyResultAsync(goal, new CreateKeyResultRequest(title, "metric", start, target, "tickets", null, null, null, null, null), default));
        static ParentLinkRequest[] Under(Guid parent) => [new ParentLinkRequest(parent, null, 1.0)];

        // A company goal, a department and a team goal under it, people's goals under the team goal and on their own.
        var company = await Create(h.Org.Ceo, "Win customers with reliable service", "company", null, [], Roles.Admin);
        var sales = await Create(h.Org.Vp, "Grow reliable sales service", "department", FakeDirectory.Sales, Under(company.Id));
        var team = await Create(h.Org.Manager, "Answer customer tickets reliably", "team", FakeDirectory.Team, Under(sales.Id));
        var other = await Create(h.Org.Manager, "Run the quarterly field trip", "team", FakeDirectory.Team, []);
        var a1 = await Create(h.Org.A, "Answer customer tickets within a day", "individual", null, Under(team.Id));
        await AddKr(h.Org.A, a1.Id, "Close tickets", 0, 100);
        var a2 = await Create(h.Org.A, "Plan the field trip", "individual", null, []);
        var b1 = await Create(h.Org.B, "Reliable sales service for customers", "individual", null, Under(other.Id));
        for (var i = 0; i < 6; i++) await Create(h.Org.B, $"Customer ticket goal {i}", "individual", null, i % 2 == 0 ? Under(team.Id) : []);
        // A candidate parent nobody written below is related to: found only among the candidates of the period.
        await h.AsAsync(h.Org.Ceo.Id, sp => sp.GetRequiredService<ObjectivesService>().CreateAsync(new CreateObjectiveRequest(
            "Customer tickets answered in a reliable day", "department", "2026-Q4", null, FakeDirectory.People, null, [], null, null), default), Roles.Admin);
        await RefreshAsync(h, full: true);

        // Writes: a check-in, a relink, an archived parent, a new goal, a changed title.
        var kr = (await AddKr(h.Org.A, a2.Id, "Book the bus", 0, 1)).KeyResults[0].Id;
        await h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>().CheckInAsync(kr, new CheckInRequest(1, 8, null, null), default));
        await h.AsAsync(h.Org.B.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .PatchAsync(b1.Id, JsonDocument.Parse($$""" { "parents": [ { "okrObjectiveId": "{{team.Id}}", "weight": 2 } ] } """).RootElement, default));
        await h.AsAsync(h.Org.Vp.Id, sp => sp.GetRequiredService<ObjectivesService>().ArchiveAsync(sales.Id, default));
        await Create(h.Org.A, "Customer tickets answered reliably", "individual", null, Under(team.Id));
        await h.AsAsync(h.Org.Manager.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .PatchAsync(other.Id, JsonDocument.Parse(""" { "title": "Run a reliable customer field trip" } """).RootElement, default));

        var incremental = await RefreshAsync(h, full: false);
        Assert.True(incremental.Ran);
        Assert.False(incremental.Full);
        var afterIncremental = await StoredAsync(h);
        Assert.Empty(await ReadAsync(h, db => db.AlignmentDirty.ToListAsync()));
        await RefreshAsync(h, full: true);
        var afterFull = await StoredAsync(h);

        Assert.Contains(afterFull.Findings, f => f.Contains("BROKEN_PARENT", StringComparison.Ordinal));
        Assert.Contains(afterFull.Findings, f => f.Contains("UNALIGNED", StringComparison.Ordinal) && f.Contains("Customer tickets answered in a reliable day", StringComparison.Ordinal));
        Assert.Equal(afterFull.Findings, afterIncremental.Findings);
        Assert.Equal(afterFull.States, afterIncremental.States);
        Assert.Equal(afterFull.Coverage, afterIncremental.Coverage);
    }

    [Fact]
    public async Task A_goal_written_while_a_full_refresh_computes_keeps_its_mark_and_the_next_refresh_stores_it()
    {
        await using var h = await OkrHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Scorecard:Okr:AlignmentWriteBatch"] = "2" });
        Task<ObjectiveDto> Create(PersonSummary who, string title) => h.AsAsync(who.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .CreateAsync(new CreateObjectiveRequest(title, "individual", "2026-Q4", null, null, null, [], null, null), default));
        var goal = await Create(h.Org.A, "Organise the summer party");
        foreach (var (who, title) in new[] { (h.Org.A, "Book the venue"), (h.Org.B, "Write the handbook"), (h.Org.B, "Visit customers"), (h.Org.Manager, "Hire two engineers") })
            await Create(who, title);
        await RefreshAsync(h, full: true);

        // The full refresh reads the scorecard objectives while it computes (no transaction open): the goal is renamed then.
        var renamed = false;
        h.Strategy.ListObjectivesAsync(Arg.Any<DateOnly?>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            if (!renamed)
            {
                renamed = true;
                h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
                    .PatchAsync(goal.Id, JsonDocument.Parse(""" { "title": "Organise the winter party" } """).RootElement, default)).GetAwaiter().GetResult();
            }
            return Task.FromResult<IReadOnlyList<StrategyObjectiveSummary>>([]);
        });
        var full = await RefreshAsync(h, full: true);
        Assert.True(full.Ran && full.Full && renamed);

        // Written in batches of two portfolios or so; the rename came after the full run read its data: its mark stays.
        Assert.Contains(await ReadAsync(h, db => db.AlignmentDirty.ToListAsync()), m => m.ObjectiveId == goal.Id);
        Assert.Contains(await StoredTitlesAsync(h, goal.Id), t => t == "Organise the summer party");

        var next = await RefreshAsync(h, full: false);
        Assert.True(next.Ran && !next.Full);
        Assert.All(await StoredTitlesAsync(h, goal.Id), t => Assert.Equal("Organise the winter party", t));
        Assert.Empty(await ReadAsync(h, db => db.AlignmentDirty.ToListAsync()));
        var afterIncremental = await StoredAsync(h);
        await RefreshAsync(h, full: true);
        Assert.Equal((await StoredAsync(h)).Findings, afterIncremental.Findings);
    }

    private static Task<List<string?>> StoredTitlesAsync(OkrHarness h, Guid objective) =>
        ReadAsync(h, db => db.AlignmentFindings.Where(f => f.ObjectiveId == objective).Select(f => f.ObjectiveTitle).ToListAsync());

    private static Task<AlignmentRefreshOutcome> RefreshAsync(OkrHarness h, bool full) =>
        h.AsAsync(h.Org.A.Id, sp => sp.GetRequiredService<AlignmentRefresher>().RefreshAsync(full, default));

    /// <summary>Every stored row without its id and time, in a fixed order.</summary>
    private static async Task<(List<string> Findings, List<string> States, List<string> Coverage)> StoredAsync(OkrHarness h)
    {
        var findings = await ReadAsync(h, db => db.AlignmentFindings.AsNoTracking().ToListAsync());
        var states = await ReadAsync(h, db => db.ObjectiveAlignments.AsNoTracking().ToListAsync());
        var coverage = await ReadAsync(h, db => db.DepartmentCoverage.AsNoTracking().ToListAsync());
        return (
            [.. findings.Select(f => string.Join("|", f.ObjectiveId, f.KeyResultId, f.PersonId, f.ObjectiveTitle, f.Level, f.Code, f.Severity, f.Message,
                f.NumbersJson, f.SuggestionsJson, f.SuggestedParentId, f.Period, f.OwnerUnitId, f.ObjectiveUnitId)).Order(StringComparer.Ordinal)],
            [.. states.Select(s => string.Join("|", s.ObjectiveId, s.Level, s.Period, s.Archived, s.OwnerPersonId, s.OwnerUnitId, s.ObjectiveUnitId,
                s.DepartmentId, s.Aligned, s.PerspectivesJson, s.TextHash, s.TermsJson)).Order(StringComparer.Ordinal)],
            [.. coverage.Select(c => string.Join("|", c.DepartmentId, c.Period, c.Goals, c.Aligned, c.Mapped, c.PerspectiveCountsJson)).Order(StringComparer.Ordinal)]);
    }

    private static Task<T> ReadAsync<T>(OkrHarness h, Func<OkrDbContext, Task<T>> read) =>
        h.AsAsync(h.Org.A.Id, sp => read(sp.GetRequiredService<OkrDbContext>()));
}
