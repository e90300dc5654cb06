using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Okr;

/// <summary>
/// The alignment catch-up after a goal write (what the first alignment read after it, or the job, runs) costs what it
/// recomputes: the same SQL commands and the same rows read with one extra department of people and goals and with four.
/// </summary>
public sealed class AlignmentCatchUpCostTests(AlignmentCatchUpCostTests.Factory factory) : IClassFixture<AlignmentCatchUpCostTests.Factory>
{
    [Fact]
    public async Task The_catch_up_after_one_goal_write_runs_the_same_SQL_commands_and_reads_the_same_rows_at_two_organization_sizes()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee);
        var tomasId = await tomas.PersonIdAsync();
        var root = await hr.UnitIdAsync("Brightline");
        var customer = (await admin.CompanyScorecardAsync()).Objectives("Customer").First()["id"].Str();

        // The goal written: under another goal of its owner and a scorecard objective, with a key result.
        var parent = await admin.CreateObjectiveAsync(new { title = "Keep customers' releases on time", level = "individual", period = "2026-Q4", ownerPersonId = tomasId });
        var goal = (await tomas.CreateObjectiveAsync(new
        {
            title = "Ship release notes", level = "individual", period = "2026-Q4",
            parents = new object[] { new { okrObjectiveId = parent["id"].Str(), weight = 1.0 }, new { strategyObjectiveId = customer, weight = 1.0 } },
        }))["id"].Str();
        await tomas.AddKeyResultAsync(goal, new { title = "Release notes published", kind = "metric", start = 0, target = 12 });

        await AddDepartmentAsync(admin, hr, root, 0);
        var small = await CatchUpAfterWriteAsync(tomas, tomasId, goal);

        for (var d = 1; d < 4; d++) await AddDepartmentAsync(admin, hr, root, d);
        var large = await CatchUpAfterWriteAsync(tomas, tomasId, goal);

        Assert.True(small.Commands > 10, $"the catch-up ran {small.Commands} commands: did the read catch up?");
        Assert.Equal(small.Commands, large.Commands);
        Assert.Equal(small.Rows, large.Rows); // nothing of the other departments is read
    }

    /// <summary>
    /// The first alignment read after a goal write (it catches up: recomputes what the write marked) less the same read
    /// again (nothing to catch up), counted; before it, an uncounted read takes up whatever was written before.
    /// </summary>
    private async Task<(int Commands, int Rows)> CatchUpAfterWriteAsync(HttpClient owner, Guid ownerId, string goal)
    {
        var path = "/api/v1/okr/alignment";
        var url = $"{path}?period=2026-Q4&personId={ownerId}";
        await RenameAsync(owner, goal, "Ship release notes for every customer release");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);
        await RenameAsync(owner, goal, "Publish release notes");
        var first = await CountAsync(owner, path, url);
        Assert.True(first.Body.Contains("\"pending\":0", StringComparison.Ordinal), first.Body);
        var again = await CountAsync(owner, path, url);
        Assert.Equal(first.Body, again.Body);
        return (first.Commands - again.Commands, first.Rows - again.Rows);
    }

    private async Task<(int Commands, int Rows, string Body)> CountAsync(HttpClient client, string path, string url)
    {
        factory.Counter.Start(path);
        var response = await client.GetAsync(url);
        var commands = factory.Counter.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (commands, factory.Counter.Rows, await response.Content.ReadAsStringAsync());
    }

    private static async Task RenameAsync(HttpClient owner, string goal, string title)
    {
        var response = await owner.PatchAsJsonAsync($"/api/v1/okr/objectives/{goal}", new { title });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A department below the root with four people, each with three goals (one with a key result).</summary>
    private static async Task AddDepartmentAsync(HttpClient admin, HttpClient hr, Guid root, int d)
    {
        var unit = await Json.ReadAsync(await hr.PostAsJsonAsync("/api/v1/org-units", new { name = $"Catch-up department {d}", parentId = root }));
        for (var p = 0; p < 4; p++)
        {
            var created = await hr.PostAsJsonAsync("/api/v1/people", new
            {
                email = $"catchup.{d}.{p}@brightline.example", name = $"Catch Up {d}-{p}", jobTitle = "Analyst", orgUnitId = unit["id"].Str(), hireDate = "2024-01-02",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var person = (await Json.ReadAsync(created))["id"].Str();
            for (var g = 0; g < 3; g++)
            {
                var objective = await admin.CreateObjectiveAsync(new { title = $"Grow department {d} sales {g}", level = "individual", period = "2026-Q4", ownerPersonId = person });
                if (g == 0) await admin.AddKeyResultAsync(objective["id"].Str(), new { title = "Deals closed", kind = "metric", start = 0, target = 10 });
            }
        }
    }

    public sealed class Factory : ScorecardFactory
    {
        public OkrReadCostTests.CommandCounter Counter => Services.GetRequiredService<OkrReadCostTests.CommandCounter>();

        // The job refreshes at start, then not within the test: the refreshes counted are the test's own.
        protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Scorecard:Okr:AlignmentRefreshSeconds"] = "86400" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddHttpContextAccessor();
                services.TryAddSingleton<OkrReadCostTests.CommandCounter>();
                services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OkrReadCostTests.CommandCounter>());
            });
        }
    }
}
