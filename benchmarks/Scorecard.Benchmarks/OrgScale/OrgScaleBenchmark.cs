using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>
/// The figures of issue 15 on a generated organization: org-wide alignment (HR), one individual and one company
/// objective, a scorecard of 500 KPIs, and the throughput of <c>/api/v1/me</c> and <c>/health</c> on one connection
/// against a bare minimal API measured in the same run.
/// </summary>
internal abstract class OrgScaleBenchmark(int people) : IBenchmark
{
    private const string Hr = "sara.nilsson@brightline.example";
    private const string Password = "Scorecard-Demo-2026";

    public abstract string Name { get; }

    public string Description => $"HTTP figures on a generated organization of {people:N0} people (issue 15)";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var dir = Directory.CreateTempSubdirectory("scorecard-bench-org-").FullName;
        var db = Path.Combine(dir, "scorecard.db");
        try
        {
            // 1. The host migrates and seeds the demo company; 2. the generator adds the organization; 3. the host starts again.
            await using (var first = new ScorecardHost(db)) first.Start();
            SqliteConnection.ClearAllPools();
            var org = await OrganizationGenerator.WriteAsync($"Data Source={db}", people, cancellationToken);
            output.WriteLine(string.Create(inv,
                $"Generated (seed {OrganizationGenerator.Seed}) in {org.Took.TotalSeconds:0.0} s: {org.People:N0} people in {org.Units:N0} units (8 levels), {org.Objectives:N0} objectives ({org.IndividualObjectives:N0} individual), {org.KeyResults:N0} key results, {org.CheckIns:N0} check-ins, {org.Kpis} KPIs × 36 months = {org.Measurements:N0} measurements, {org.Reviews:N0} reviews in one cycle."));
            var restart = System.Diagnostics.Stopwatch.StartNew();
            await using var host = new ScorecardHost(db);
            var baseAddress = host.Start();
            output.WriteLine(string.Create(inv, $"Host start on the generated database (migrations, stored-progress backfill): {restart.Elapsed.TotalSeconds:0.0} s."));
            await using var bare = await BareApi.StartAsync();

            using var anonymous = HttpMeasure.Client(baseAddress);
            using var hr = HttpMeasure.Client(baseAddress, await TokenAsync(anonymous, cancellationToken));

            // The figures are those of a steady state: the background computation of the generated goals' alignment
            // (every goal is new) would otherwise share the 2 cores with the requests measured.
            var settle = System.Diagnostics.Stopwatch.StartNew();
            while (await hr.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>($"/api/v1/okr/alignment?period={OrganizationGenerator.Period}&limit=1", cancellationToken)
                   is not { } report || report["computedAt"] is null || report["pending"]!.GetValue<int>() > 0)
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            output.WriteLine(string.Create(inv, $"Waited {settle.Elapsed.TotalSeconds:0} s for the alignment of the generated goals to be computed (the figures below are of a steady state)."));

            var individual = await HttpMeasure.LatencyAsync(hr, [.. org.IndividualObjectiveSample.Select(id => $"/api/v1/okr/objectives/{id}")], 20);
            Row(output, "one individual OKR objective, GET /api/v1/okr/objectives/{id}", individual.Ms, $"{individual.Ms.Count} different objectives");
            var company = await HttpMeasure.LatencyAsync(hr, [.. Enumerable.Range(0, 50).Select(i => $"/api/v1/okr/objectives/{org.CompanyObjectiveIds[i % org.CompanyObjectiveIds.Count]}")], 5);
            Row(output, "one company objective, GET /api/v1/okr/objectives/{id}", company.Ms, $"{company.Bytes / 1024.0:0.0} KB answer");
            var scorecard = await HttpMeasure.LatencyAsync(hr, Enumerable.Repeat($"/api/v1/scorecards/{org.ScorecardId}", 50).ToList(), 5);
            Row(output, "scorecard with 500 KPIs, GET /api/v1/scorecards/{id}", scorecard.Ms, $"{scorecard.Bytes / 1024.0:0.0} KB answer; unchanged since the last read (tree kept per Strategy revision)");
            var rebuilt = await ScorecardAfterChangesAsync(anonymous, hr, org.ScorecardId, 20, cancellationToken);
            Row(output, "  the same, right after a measurement is recorded (the tree is built again)", rebuilt, "admin records one measurement before each read");

            using var bareClient = HttpMeasure.Client(bare.BaseAddress);
            output.WriteLine(ThroughputComparison.Row("GET /api/v1/me", await ThroughputComparison.RunAsync(hr, bareClient, "/api/v1/me")));
            output.WriteLine(ThroughputComparison.Row("GET /health", await ThroughputComparison.RunAsync(anonymous, bareClient, "/health")));
            // Last, being the slowest: the figures above are printed even if the run is stopped here.
            var (alignment, alignmentBytes) = await HttpMeasure.LatencyAsync(hr, Enumerable.Repeat($"/api/v1/okr/alignment?period={OrganizationGenerator.Period}", 3).ToList(), 1);
            Row(output, "org-wide alignment, GET /api/v1/okr/alignment?period=2026-Q4 (HR)", alignment, $"{alignmentBytes / 1024.0:0.0} KB answer");
            var firstPage = await HttpMeasure.LatencyAsync(hr, Enumerable.Repeat($"/api/v1/okr/alignment?period={OrganizationGenerator.Period}&code=UNALIGNED&orgUnitId={org.DepartmentIds[0]}", 3).ToList(), 1);
            Row(output, "  the same, one department and one code", firstPage.Ms, $"{firstPage.Bytes / 1024.0:0.0} KB answer");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static void Row(TextWriter output, string figure, List<double> ms, string note) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {figure} | median {HttpMeasure.Median(ms):0.0} ms (min {ms.Min():0.0}, max {ms.Max():0.0}, n={ms.Count}) | {note} |"));

    /// <summary>Reads of the scorecard, each right after an administrator records a measurement of one of its KPIs.</summary>
    private static async Task<List<double>> ScorecardAfterChangesAsync(HttpClient anonymous, HttpClient reader, Guid scorecardId, int reads, CancellationToken ct)
    {
        using var admin = HttpMeasure.Client(anonymous.BaseAddress!, await TokenAsync(anonymous, ct, "maya.lindqvist@brightline.example"));
        var tree = await reader.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>($"/api/v1/scorecards/{scorecardId}", ct);
        var kpis = tree!["perspectives"]!.AsArray().SelectMany(p => p!["objectives"]!.AsArray()).SelectMany(o => o!["kpis"]!.AsArray())
            .Select(k => k!["id"]!.GetValue<string>()).ToList();
        var times = new List<double>();
        for (var i = 0; i < reads + 2; i++)
        {
            (await admin.PostAsJsonAsync($"/api/v1/kpis/{kpis[i % kpis.Count]}/measurements", new { date = "2026-11-29", value = 40 + i }, ct)).EnsureSuccessStatusCode();
            var (ms, _) = await HttpMeasure.LatencyAsync(reader, [$"/api/v1/scorecards/{scorecardId}"], 0);
            if (i >= 2) times.AddRange(ms);
        }
        return times;
    }

    /// <summary>HR's bearer token.</summary>
    public static async Task<string> TokenAsync(HttpClient anonymous, CancellationToken cancellationToken, string email = Hr) =>
        (await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, cancellationToken))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenResponse>(cancellationToken))!.AccessToken;

    private sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
}

internal sealed class OrgScale1kBenchmark() : OrgScaleBenchmark(1_000)
{
    public override string Name => "org-1k";
}

internal sealed class OrgScale10kBenchmark() : OrgScaleBenchmark(10_000)
{
    public override string Name => "org-10k";
}
