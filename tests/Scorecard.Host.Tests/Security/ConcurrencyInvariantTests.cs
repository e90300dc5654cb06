using System.Net;
using System.Net.Http.Json;
using Scorecard.Host.Tests.Reviews;

namespace Scorecard.Host.Tests.Security;

/// <summary>Rules that span rows hold under simultaneous requests because the database serializes them.</summary>
public sealed class ConcurrencyInvariantTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Twelve_simultaneous_nominations_store_exactly_the_maximum_of_eight()
    {
        var (cycleId, _, _) = await factory.LaunchCycleAsync("Platform");
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var tomasId = await factory.PersonAsync("tomas.novak");
        var reviewId = await hr.ReviewOfAsync(cycleId, tomasId);
        var people = await hr.GetJsonAsync("/api/v1/people?limit=40");
        var peers = people["items"]!.AsArray().Select(p => Guid.Parse(p!["id"].Str())).Where(id => id != tomasId).Take(12).ToList();
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);

        var answers = await Task.WhenAll(peers.Select(peer =>
            tomas.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/peer-nominations", new { personIds = new[] { peer } })));

        Assert.Equal(8, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(8, factory.Database.Count($"SELECT count(*) FROM reviews_peer_nominations WHERE \"ReviewId\" = '{Id(reviewId)}'"));
    }

    [Fact]
    public async Task After_simultaneous_check_ins_a_key_results_current_value_is_its_latest_check_in()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var tomasId = await factory.PersonAsync("tomas.novak");
        var objectives = await tomas.GetJsonAsync($"/api/v1/okr/objectives?period=2026-Q4&ownerPersonId={tomasId}");
        var keyResult = objectives["items"]!.AsArray().SelectMany(o => o!["keyResults"]!.AsArray())
            .First(k => k!["kind"].Str() == "metric" && k["start"] is not null && k["target"] is not null)!;
        var (start, target) = (keyResult["start"]!.GetValue<double>(), keyResult["target"]!.GetValue<double>());

        for (var round = 0; round < 3; round++)
        {
            var values = Enumerable.Range(1, 8).Select(i => Math.Round(start + (target - start) * (i + round) / 20.0, 3)).ToList();
            var answers = await Task.WhenAll(values.Select(v =>
                tomas.PostAsJsonAsync($"/api/v1/okr/key-results/{keyResult["id"].Str()}/check-ins", new { value = v, confidence = 7 })));
            Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, a.StatusCode.ToString()));

            var id = Id(keyResult["id"].Str());
            var latest = Convert.ToDouble(factory.Database.Scalar(
                $"SELECT \"Value\" FROM okr_check_ins WHERE \"KeyResultId\" = '{id}' ORDER BY \"Date\" DESC, \"RecordedAt\" DESC LIMIT 1"));
            var current = Convert.ToDouble(factory.Database.Scalar($"SELECT \"Current\" FROM okr_key_results WHERE \"Id\" = '{id}'"));
            Assert.Equal(latest, current);
        }
    }

    /// <summary>Guids as each database stores them (SQLite: upper-case text).</summary>
    private string Id(string id) => factory.Database.Provider == Scorecard.Platform.Persistence.DatabaseProvider.Sqlite ? id.ToUpperInvariant() : id;
}
