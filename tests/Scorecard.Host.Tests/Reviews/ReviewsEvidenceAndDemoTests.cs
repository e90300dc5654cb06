using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Inbox;

namespace Scorecard.Host.Tests.Reviews;

public sealed class ReviewsEvidenceAndDemoTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private async Task<string> DemoCycleAsync() =>
        (await (await factory.ClientForAsync(ScorecardFactory.Hr)).GetJsonAsync("/api/v1/review-cycles")).AsArray()
        .Single(c => c!["name"].Str() == "H2 2026 review")!["id"].Str();

    [Fact]
    public async Task The_evidence_panel_dates_every_item_across_the_whole_period()
    {
        var cycle = await DemoCycleAsync();
        var priya = await factory.As("priya.raman");
        var review = await priya.ReviewOfAsync(cycle, await factory.PersonAsync("tomas.novak"));
        var evidence = await priya.GetJsonAsync($"/api/v1/reviews/{review}/evidence");
        Assert.Equal("2026-07-01", evidence["periodStart"].Str());
        Assert.Equal("2026-12-31", evidence["periodEnd"].Str());
        var items = evidence["items"]!.AsArray().Select(i => (Id: i!["id"].Str(), Kind: i["kind"].Str(), Date: DateOnly.Parse(i["date"].Str()), Text: i["text"].Str())).ToList();

        // Feedback in the period (private, shared and public alike, for the manager); none from before it.
        Assert.Contains(items, i => i.Kind == "feedback" && i.Date == new DateOnly(2026, 8, 21) && i.Text.Contains("Always works so hard"));
        Assert.Contains(items, i => i.Kind == "feedback" && i.Date == new DateOnly(2026, 10, 8) && i.Text.Contains("40 of my pull requests"));
        Assert.DoesNotContain(items, i => i.Text.Contains("14 to 6 minutes by caching"));    // December 2025, outside the period
        // The self-review and the anonymous peer feedback (three responses).
        Assert.Equal(2, items.Count(i => i.Kind == "self_review"));
        Assert.Equal(3, items.Count(i => i.Kind == "peer_feedback"));
        // Every item dated inside the period (self-reviews and peer feedback are written inside it), ordered by date, with stable ids.
        Assert.All(items, i => Assert.InRange(i.Date, new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(items.Select(i => i.Date).Order().ToList(), items.Select(i => i.Date).ToList());
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        var again = await priya.GetJsonAsync($"/api/v1/reviews/{review}/evidence");
        Assert.Equal(items.Select(i => i.Id), again["items"]!.AsArray().Select(i => i!["id"].Str()));
        // OKR and KPI items come from the other modules through their contracts, when they have data.
        Assert.All(items.Where(i => i.Kind.StartsWith("okr_", StringComparison.Ordinal) || i.Kind.StartsWith("kpi", StringComparison.Ordinal)),
            i => Assert.False(string.IsNullOrWhiteSpace(i.Text)));
    }

    [Fact]
    public async Task The_demo_cycle_is_in_the_manager_phase_with_material_for_the_bias_checks()
    {
        var cycleId = await DemoCycleAsync();
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var cycle = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}");
        Assert.Equal("manager", cycle["phase"].Str());
        Assert.Equal("2026-07-01", cycle["periodStart"].Str());
        Assert.True(cycle["stats"]!["selfDone"]!.GetValue<int>() >= 35);
        Assert.True(cycle["stats"]!["peerFeedbackReceived"]!.GetValue<int>() >= 9);
        Assert.Contains(cycle["withoutManager"]!.AsArray(), p => p!["name"].Str() == "Maya Lindqvist");

        var calibration = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}/calibration");
        var rows = calibration["byManager"]!.AsArray();
        var priya = rows.Single(r => r!["group"].Str() == "Priya Raman")!;
        var ben = rows.Single(r => r!["group"].Str() == "Ben Harris")!;
        Assert.True(priya["mean"]!.GetValue<double>() >= 4.5);
        Assert.Equal([0, 0, 6, 0, 0], ben["counts"]!.AsArray().Select(c => c!.GetValue<int>()));

        var tomas = await factory.PersonAsync("tomas.novak");
        var feedback = (await hr.GetJsonAsync($"/api/v1/people/{tomas}/feedback"))["items"]!.AsArray()
            .Select(f => DateTimeOffset.Parse(f!["createdAt"].Str())).ToList();
        Assert.True((feedback.Max() - feedback.Min()).TotalDays > 300);
        var nadia = await factory.PersonAsync("nadia.karim");
        var texts = (await hr.GetJsonAsync($"/api/v1/people/{nadia}/feedback"))["items"]!.AsArray().Select(f => f!["text"].Str()).ToList();
        Assert.Contains("She can be abrasive and emotional in meetings.", texts);
    }

    [Fact]
    public async Task Overdue_reminders_go_out_once_per_person_per_deadline_and_the_dashboard_counts_overdue_items_per_manager()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Enterprise Sales",
            deadlines: new { self = "2026-03-10", peer = "2026-03-20", manager = "2026-04-01", calibration = "2026-04-10", signoff = "2026-04-20" });
        var hugo = await factory.PersonAsync("hugo.lambert");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        // Today is past the self deadline: one overdue reminder each for Olivia and her three reports, then nothing more.
        Assert.Equal(4, (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/reminders"))["sent"]!.GetValue<int>());
        Assert.Equal(0, (await hr.PostOkAsync($"/api/v1/review-cycles/{cycleId}/reminders"))["sent"]!.GetValue<int>());
        await using var scope = factory.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<IInbox>();
        Assert.Single(await inbox.ForPersonAsync(hugo), n => n.Text.StartsWith("Overdue: your self-review", StringComparison.Ordinal));
        var forbidden = await (await factory.As("olivia.brennan")).PostAsync($"/api/v1/review-cycles/{cycleId}/reminders", null);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);

        var dashboard = await hr.GetJsonAsync($"/api/v1/review-cycles/{cycleId}/dashboard");
        var self = dashboard["completion"]!.AsArray().Single(c => c!["phase"].Str() == "self")!;
        Assert.Equal((0, 4), (self["done"]!.GetValue<int>(), self["total"]!.GetValue<int>()));
        var olivia = dashboard["overdueByManager"]!.AsArray().Single(m => m!["managerName"].Str() == "Olivia Brennan")!;
        Assert.Equal(3, olivia["open"]!.GetValue<int>());
        Assert.Equal(3, olivia["overdue"]!.GetValue<int>());   // today (after 10 March 2026) is past the self deadline
    }
}
