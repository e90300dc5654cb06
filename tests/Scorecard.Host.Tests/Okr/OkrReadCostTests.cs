using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Scorecard.Host.Tests.Okr.OkrHostHelpers;

namespace Scorecard.Host.Tests.Okr;

/// <summary>
/// Reading one objective costs what it shows: the same number of SQL commands in a small organization and after the
/// organization has grown by many objectives, key results, check-ins and links (the objective itself unchanged).
/// </summary>
public sealed class OkrReadCostTests(OkrReadCostTests.CountingFactory factory) : IClassFixture<OkrReadCostTests.CountingFactory>
{
    [Fact]
    public async Task Reading_one_objective_runs_the_same_SQL_commands_and_reads_the_same_rows_at_two_organization_sizes()
    {
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        var tomasId = await admin.PersonIdByEmailAsync("tomas.novak");
        var customer = (await admin.CompanyScorecardAsync()).Objectives("Customer").First()["id"].Str();

        // The objective read: a scorecard parent and an OKR parent, two key results with check-ins, two children.
        var parent = await admin.CreateObjectiveAsync(new { title = "Parent goal", level = "individual", period = "2026-Q4", ownerPersonId = tomasId });
        var goal = await admin.CreateObjectiveAsync(new
        {
            title = "Goal read", level = "individual", period = "2026-Q4", ownerPersonId = tomasId, rollUpShare = 0.5,
            parents = new object[] { new { okrObjectiveId = parent["id"].Str(), weight = 1.0 }, new { strategyObjectiveId = customer, weight = 1.0 } },
        });
        var id = goal["id"].Str();
        await AddKeyResultWithCheckInsAsync(admin, id, 2);
        await AddKeyResultWithCheckInsAsync(admin, id, 2);
        for (var i = 0; i < 2; i++)
            await AddKeyResultWithCheckInsAsync(admin, (await admin.CreateObjectiveAsync(new
            {
                title = $"Child {i}", level = "individual", period = "2026-Q4", ownerPersonId = tomasId,
                parents = new[] { new { okrObjectiveId = id, weight = 1.0 } },
            }))["id"].Str(), 1);

        var small = await CountAsync(admin, id);

        // The organization grows: 40 more objectives, each with a key result and check-ins, linked under the same parent.
        for (var i = 0; i < 40; i++)
            await AddKeyResultWithCheckInsAsync(admin, (await admin.CreateObjectiveAsync(new
            {
                title = $"Other goal {i}", level = "individual", period = "2026-Q4", ownerPersonId = tomasId,
                parents = new[] { new { okrObjectiveId = parent["id"].Str(), weight = 1.0 } },
            }))["id"].Str(), 3);

        var large = await CountAsync(admin, id);
        Assert.Equal(small.Commands, large.Commands);
        Assert.Equal(small.Rows, large.Rows); // and reads the same rows: nothing it does not show
        Assert.Equal(small.Body["progress"]!.GetValue<double>(), large.Body["progress"]!.GetValue<double>());
        Assert.Equal(2, large.Body["rollUp"]!["children"]!.AsArray().Count);
        Assert.Equal(2, large.Body["parents"]!.AsArray().Count);
    }

    private async Task<(int Commands, int Rows, JsonNode Body)> CountAsync(HttpClient client, string id)
    {
        await client.GetAsync($"/api/v1/okr/objectives/{id}"); // warm: the account check and name lookups are the same either way
        factory.Counter.Start($"/api/v1/okr/objectives/{id}");
        var response = await client.GetAsync($"/api/v1/okr/objectives/{id}");
        var commands = factory.Counter.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(commands > 0, "the counter saw no command: is it registered?");
        return (commands, factory.Counter.Rows, await Json.ReadAsync(response));
    }

    private static async Task AddKeyResultWithCheckInsAsync(HttpClient client, string objectiveId, int checkIns)
    {
        var withKr = await client.AddKeyResultAsync(objectiveId, new { title = "Close tickets", kind = "metric", start = 0, target = 10 });
        var kr = withKr["keyResults"]!.AsArray().Last()!["id"].Str();
        for (var i = 1; i <= checkIns; i++)
        {
            var response = await client.PostAsJsonAsync($"/api/v1/okr/key-results/{kr}/check-ins", new { value = i, confidence = 7 });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    /// <summary>Counts the SQL commands run while serving one path (other requests and background jobs are not counted).</summary>
    public sealed class CommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
    {
        private volatile string? _path;
        private int _count;
        private int _rows;

        public int Rows => Volatile.Read(ref _rows);

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (!AccountCheck(command) && _path is { } path && http.HttpContext?.Request.Path.Value == path) Interlocked.Add(ref _rows, eventData.ReadCount);
            return result;
        }

        public void Start(string path)
        {
            Interlocked.Exchange(ref _count, 0);
            Interlocked.Exchange(ref _rows, 0);
            _path = path;
        }

        public int Stop()
        {
            _path = null;
            return Volatile.Read(ref _count);
        }

        /// <summary>The sign-in's account check is left out: it is cached for a few seconds, so whether it runs depends on
        /// the clock, not on the organization's size.</summary>
        private static bool AccountCheck(DbCommand command) => command.CommandText.Contains("org_account", StringComparison.Ordinal);

        private void Count(DbCommand command)
        {
            if (AccountCheck(command)) return;
            if (_path is { } path && http.HttpContext?.Request.Path.Value == path) Interlocked.Increment(ref _count);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>A host whose <see cref="Counter"/> counts the SQL commands of one path.</summary>
    public class CommandCountingFactory : ScorecardFactory
    {
        public CommandCounter Counter => Services.GetRequiredService<CommandCounter>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddHttpContextAccessor();
                services.TryAddSingleton<CommandCounter>();
                services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CommandCounter>());
            });
        }
    }

    public sealed class CountingFactory : CommandCountingFactory
    {
        // The cost tests count what building a scorecard tree reads; ScorecardTreeCacheTests count the cached answer.
        protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Scorecard:Strategy:ScorecardCache"] = "false" };
    }
}
