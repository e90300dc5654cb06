using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Application;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Platform;

namespace Scorecard.Okr.Tests.Application;

/// <summary>Accepting a stored suggestion runs the judgment checks again on exactly what would be applied.</summary>
public sealed class AcceptRechecksTests : IAsyncLifetime
{
    private OkrHarness _h = null!;

    public async Task InitializeAsync() => _h = await OkrHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_stored_rewrite_that_recommends_a_promotion_is_not_applied()
    {
        var goal = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .CreateAsync(new CreateObjectiveRequest("Grow the support team", "individual", "2026-Q4", null, null, null, [], null, null), default));
        goal = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>()
            .AddKeyResultAsync(goal.Id, new CreateKeyResultRequest("Make support better", "metric", null, null, null, null, null, null, null, null), default));
        var suggestion = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ExplainAndSuggestService>()
            .ExplainAsync(goal.Id, new ExplainRequest("NOT_MEASURABLE", goal.KeyResults[0].Id), default));

        // Whatever passed when it was drafted (or was changed since): the title now recommends a promotion.
        await _h.AsAsync(_h.Org.A.Id, async sp =>
        {
            var db = sp.GetRequiredService<OkrDbContext>();
            var stored = await db.AiSuggestions.SingleAsync(s => s.Id == suggestion.Id);
            var proposal = JsonSerializer.Deserialize<SuggestionProposalDto>(stored.ProposalJson!, JsonSerializerOptions.Web)! with { Title = "Promote Nadia Karim to Staff Engineer" };
            stored.ProposalJson = JsonSerializer.Serialize(proposal, JsonSerializerOptions.Web);
            await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ExplainAndSuggestService>().AcceptAsync(suggestion.Id, default)));
        Assert.Equal("proposal", refused.Field);
        var after = await _h.AsAsync(_h.Org.A.Id, sp => sp.GetRequiredService<ObjectivesService>().GetAsync(goal.Id, default));
        Assert.Equal("Make support better", after.KeyResults[0].Title);
    }
}
