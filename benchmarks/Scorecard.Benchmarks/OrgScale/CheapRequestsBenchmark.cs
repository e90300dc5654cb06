using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>
/// The throughput figures of issue 15 alone, on the demo company (they do not depend on the organization's size; org-1k
/// and org-10k print them too): <c>/api/v1/me</c> with a bearer token and <c>/health</c>, against the bare API.
/// </summary>
internal sealed class CheapRequestsBenchmark : IBenchmark
{
    public string Name => "cheap-requests";

    public string Description => "GET /api/v1/me and /health on one connection against a bare minimal API (demo company)";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("scorecard-bench-cheap-").FullName;
        try
        {
            await using var host = new ScorecardHost(Path.Combine(dir, "scorecard.db"));
            var baseAddress = host.Start();
            await using var bare = await BareApi.StartAsync();
            using var anonymous = HttpMeasure.Client(baseAddress);
            using var hr = HttpMeasure.Client(baseAddress, await OrgScaleBenchmark.TokenAsync(anonymous, cancellationToken));
            using var bareClient = HttpMeasure.Client(bare.BaseAddress);
            output.WriteLine(ThroughputComparison.Row("GET /api/v1/me", await ThroughputComparison.RunAsync(hr, bareClient, "/api/v1/me")));
            output.WriteLine(ThroughputComparison.Row("GET /health", await ThroughputComparison.RunAsync(anonymous, bareClient, "/health")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
