using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Application;
using Scorecard.Okr.Application.Alignment;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;

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

    private static Task<T> ReadAsync<T>(OkrHarness h, Func<OkrDbContext, Task<T>> read) =>
        h.AsAsync(h.Org.A.Id, sp => read(sp.GetRequiredService<OkrDbContext>()));
}
