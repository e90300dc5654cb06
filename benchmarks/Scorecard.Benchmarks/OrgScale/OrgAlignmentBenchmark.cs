using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>
/// Org-wide alignment alone on the generated organization (issue 15, point 2): the first computation of the stored
/// findings after the bulk generation, then reads of stored findings — the API's first page (HR), a later page, one
/// department and one code, the <c>/okr/alignment</c> page's HTML — the read right after a goal write (it catches up
/// the dirty marks itself) and a few seconds after one (the job has), and finally the page in headless Chromium
/// (signed in through the form, next page, code filter), with its load time and any console error.
/// </summary>
internal abstract class OrgAlignmentBenchmark(int people) : IBenchmark
{
    private const string Hr = "sara.nilsson@brightline.example";
    private const string Admin = "maya.lindqvist@brightline.example";
    private const string Password = "Scorecard-Demo-2026";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public abstract string Name { get; }

    public string Description => $"Org-wide alignment (stored findings) on a generated organization of {people:N0} people, API, page and browser";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("scorecard-bench-align-").FullName;
        var db = Path.Combine(dir, "scorecard.db");
        try
        {
            await using (var first = new ScorecardHost(db)) first.Start();
            SqliteConnection.ClearAllPools();
            var org = await OrganizationGenerator.WriteAsync($"Data Source={db}", people, cancellationToken);
            output.WriteLine(string.Create(Inv,
                $"Generated in {org.Took.TotalSeconds:0.0} s: {org.People:N0} people, {org.Units:N0} units, {org.Objectives:N0} objectives ({org.IndividualObjectives:N0} individual), {org.KeyResults:N0} key results."));
            await using var host = new ScorecardHost(db);
            var baseAddress = host.Start();
            using var anonymous = HttpMeasure.Client(baseAddress);
            using var hr = HttpMeasure.Client(baseAddress, await TokenAsync(anonymous, Hr, cancellationToken));
            using var admin = HttpMeasure.Client(baseAddress, await TokenAsync(anonymous, Admin, cancellationToken));
            var period = OrganizationGenerator.Period;

            // Every generated objective was marked dirty by the generator's saves: the job, which starts with the host, or
            // the first read computes them all. Reads show what is stored meanwhile (with the number of goals pending).
            // Meanwhile a goal is written every second: the full computation writes in short batches, so a write waits for
            // one batch at most (before: for the whole write of every finding).
            var sw = Stopwatch.StartNew();
            using var computing = new CancellationTokenSource();
            var writesDuring = new List<double>();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !computing.IsCancellationRequested; i++)
                {
                    var w = Stopwatch.StartNew();
                    await WriteAsync(admin, org.IndividualObjectiveSample[20 + i % 10], $"Goal written during the first computation {i}", cancellationToken);
                    writesDuring.Add(w.Elapsed.TotalMilliseconds);
                    try { await Task.Delay(TimeSpan.FromSeconds(1), computing.Token); } catch (OperationCanceledException) { }
                }
            }, cancellationToken);
            JsonNode? report;
            var reads = 0;
            do
            {
                // The first read a few seconds in: the job (first slot at start) computes, and records the time of each phase.
                await Task.Delay(TimeSpan.FromSeconds(reads++ == 0 ? 5 : 2), cancellationToken);
                report = await hr.GetFromJsonAsync<JsonNode>($"/api/v1/okr/alignment?period={period}&limit=1", cancellationToken);
            }
            while (!FullyComputed(db));
            await computing.CancelAsync();
            await writer;
            while (report!["computedAt"] is null || report["pending"]!.GetValue<int>() > 0) // the goals written meanwhile
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                report = await hr.GetFromJsonAsync<JsonNode>($"/api/v1/okr/alignment?period={period}&limit=1", cancellationToken);
            }
            output.WriteLine(string.Create(Inv,
                $"First computation of every finding after the generation (job or first read; polled every 2 s), with the goals written meanwhile: {sw.Elapsed.TotalSeconds:0.0} s; {report["total"]} findings in {period}."));
            foreach (var run in FullRuns(db)) output.WriteLine($"  the job's full run: {run}");
            Row(output, "  a goal write (PATCH, admin) during the first computation, one a second", (writesDuring, 0));

            var firstPage = await HttpMeasure.LatencyAsync(hr, Enumerable.Repeat($"/api/v1/okr/alignment?period={period}&limit=100", 10).ToList(), 2);
            Row(output, $"org-wide alignment, first page of 100 (HR), GET /api/v1/okr/alignment?period={period}&limit=100", firstPage);
            var laterPage = await HttpMeasure.LatencyAsync(hr, Enumerable.Repeat($"/api/v1/okr/alignment?period={period}&limit=100&offset=2000", 10).ToList(), 2);
            Row(output, "  the same, offset 2,000", laterPage);
            var filtered = await HttpMeasure.LatencyAsync(hr, Enumerable.Repeat($"/api/v1/okr/alignment?period={period}&code=UNALIGNED&orgUnitId={org.DepartmentIds[0]}", 10).ToList(), 2);
            Row(output, "  the same, one department (with sub-units) and code UNALIGNED", filtered);
            var html = await HttpMeasure.LatencyAsync(hr, Enumerable.Repeat($"/okr/alignment?period={period}", 10).ToList(), 2);
            Row(output, $"the page /okr/alignment?period={period} (HR, HTML)", html);

            // After a goal write: the next read recomputes what the write marked (the goal, its parents, its descendants,
            // its owner's other goals); a read 8 s later finds the job (every 5 s) has done it.
            var writes = org.IndividualObjectiveSample;
            var caughtUp = new List<double>();
            var afterJob = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                await WriteAsync(admin, writes[i], $"Reworded goal {i}", cancellationToken);
                caughtUp.Add(await TimeAsync(hr, $"/api/v1/okr/alignment?period={period}&limit=100", cancellationToken));
                await WriteAsync(admin, writes[i + 10], $"Reworded goal {i + 10}", cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
                afterJob.Add(await TimeAsync(hr, $"/api/v1/okr/alignment?period={period}&limit=100", cancellationToken));
            }
            Row(output, "  first page right after a goal write (the read recomputes the marked findings)", (caughtUp, 0));
            Row(output, "  first page 8 s after a goal write (the job recomputed them)", (afterJob, 0));

            await BrowserAsync(output, baseAddress, period);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The page in headless Chromium (skipped with a note when Chromium is missing): sign in, first page, next page, code filter.</summary>
    private static async Task BrowserAsync(TextWriter output, Uri baseAddress, string period)
    {
        var chromium = Environment.GetEnvironmentVariable("SCORECARD_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            output.WriteLine($"Browser: no Chromium at {chromium} (set SCORECARD_CHROMIUM); the page was not loaded in a browser.");
            return;
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(Hr);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(baseAddress.ToString().TrimEnd('/') + "/");

        var sw = Stopwatch.StartNew();
        var response = await page.GotoAsync($"/okr/alignment?period={period}");
        var load = sw.Elapsed.TotalMilliseconds;
        var summary = await page.Locator("#findings-page").InnerTextAsync();
        var rows = await page.Locator("#findings tbody tr").CountAsync();
        var departments = await page.Locator("#department-coverage tbody tr").CountAsync();
        var computed = await page.Locator("#findings-computed").InnerTextAsync();
        sw.Restart();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await page.WaitForURLAsync("**offset=50**");
        var next = sw.Elapsed.TotalMilliseconds;
        var nextSummary = await page.Locator("#findings-page").InnerTextAsync();
        sw.Restart();
        await page.Locator("#finding-codes a", new() { HasTextString = "UNALIGNED" }).ClickAsync();
        await page.WaitForURLAsync("**code=UNALIGNED**");
        var filter = sw.Elapsed.TotalMilliseconds;
        var codes = await page.Locator("#findings .okr-code").AllInnerTextsAsync();
        output.WriteLine(string.Create(Inv,
            $"Browser (headless Chromium): /okr/alignment loaded in {load:0} ms (HTTP {response?.Status}), \"{summary}\", {rows} rows, {departments} departments in the coverage table, \"{computed}\"; "
            + $"Next in {next:0} ms (\"{nextSummary}\"); the UNALIGNED filter in {filter:0} ms ({codes.Count} rows, all UNALIGNED: {codes.All(c => c == "UNALIGNED")}); "
            + $"console errors: {errors.Count}{(errors.Count > 0 ? " — " + string.Join(" | ", errors.Take(3)) : "")}."));
    }

    /// <summary>Whether a full computation has finished (a run cut short leaves the full time at the Unix epoch).</summary>
    private static bool FullyComputed(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM okr_alignment_runs WHERE \"FullComputedAt\" NOT LIKE '1970%'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The outcomes the alignment job recorded for its full runs (with the time of each phase).</summary>
    private static List<string> FullRuns(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Outcome\" FROM platform_job_runs WHERE \"Job\" = 'okr.alignment-refresh' AND \"Outcome\" LIKE 'full%' ORDER BY \"SlotUnixSeconds\"";
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(reader.GetString(0));
        return result;
    }

    private static async Task<string> TokenAsync(HttpClient client, string email, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, ct);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonNode>(ct))!["accessToken"]!.GetValue<string>();
    }

    private static async Task WriteAsync(HttpClient admin, Guid objective, string title, CancellationToken ct) =>
        (await admin.PatchAsJsonAsync($"/api/v1/okr/objectives/{objective}", new { title }, ct)).EnsureSuccessStatusCode();

    private static async Task<double> TimeAsync(HttpClient client, string path, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        response.EnsureSuccessStatusCode();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static void Row(TextWriter output, string figure, (List<double> Ms, long Bytes) m) =>
        output.WriteLine(string.Create(Inv,
            $"| {figure} | median {HttpMeasure.Median(m.Ms):0.0} ms (min {m.Ms.Min():0.0}, max {m.Ms.Max():0.0}, n={m.Ms.Count}) |{(m.Bytes > 0 ? $" {m.Bytes / 1024.0:0.0} KB" : "")} |"));
}

internal sealed class OrgAlignment1kBenchmark() : OrgAlignmentBenchmark(1_000)
{
    public override string Name => "org-1k-alignment";
}

internal sealed class OrgAlignment10kBenchmark() : OrgAlignmentBenchmark(10_000)
{
    public override string Name => "org-10k-alignment";
}
