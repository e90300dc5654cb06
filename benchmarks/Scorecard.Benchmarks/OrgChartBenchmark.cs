extern alias host;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Scorecard.Benchmarks;

/// <summary>
/// The org chart of a 10,000-person organization: the whole host in memory on SQLite without demo data, the
/// people imported through the HRIS import, then the chart's first page and one department's fragment fetched
/// as the browser fetches them (time and bytes).
/// </summary>
internal sealed class OrgChartBenchmark : IBenchmark
{
    private const int People = 10_000;
    private const int Warmup = 3;
    private const int Runs = 21;
    private const string AdminEmail = "admin@benchmark.example";
    private const string AdminPassword = "Benchmark-Admin-2026";

    public string Name => "org-chart";

    public string Description => "org chart first page and one unit of a 10,000-person organization (in-memory host, SQLite)";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var dir = Directory.CreateTempSubdirectory("scorecard-bench-org-").FullName;
        try
        {
            // The host's content root (views, wwwroot), as the test projects get it from their build.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SCORECARD_HOST", HostContentRoot());
            await using var factory = new HostFactory(Path.Combine(dir, "scorecard.db"));
            var client = factory.CreateClient();
            var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword }, cancellationToken);
            token.EnsureSuccessStatusCode();
            var accessToken = JsonDocument.Parse(await token.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

            var csv = Organization();
            var import = Stopwatch.StartNew();
            var imported = await client.PostAsync("/api/v1/people/import", new StringContent(csv, Encoding.UTF8, "text/csv"), cancellationToken);
            import.Stop();
            var importBody = await imported.Content.ReadAsStringAsync(cancellationToken);
            if (!imported.IsSuccessStatusCode) throw new InvalidOperationException($"Import refused: {importBody[..Math.Min(2000, importBody.Length)]}");
            output.WriteLine(string.Create(inv, $"import of {People:N0} people ({csv.Length / 1024:N0} KiB CSV): {import.Elapsed.TotalSeconds:0.0} s, {importBody}"));

            var (page, pageBytes) = await MeasureAsync(client, "/org-chart", cancellationToken);
            output.WriteLine(string.Create(inv, $"/org-chart (first page): median {page[Runs / 2]:0.0} ms, min {page[0]:0.0} ms, max {page[^1]:0.0} ms; {pageBytes:N0} bytes of HTML"));

            var unitPage = JsonDocument.Parse(await client.GetStringAsync("/api/v1/org-units?limit=1000", cancellationToken)).RootElement;
            var units = unitPage.GetProperty("items");
            var department = units.EnumerateArray().First(u => u.GetProperty("path").GetString() == "Northwind/Division 01/Department 01-01").GetProperty("id").GetString();
            var (unit, unitBytes) = await MeasureAsync(client, $"/org-chart/units/{department}", cancellationToken);
            output.WriteLine(string.Create(inv, $"/org-chart/units/{{department}} (1 head, 10 teams): median {unit[Runs / 2]:0.0} ms, min {unit[0]:0.0} ms, max {unit[^1]:0.0} ms; {unitBytes:N0} bytes"));
            output.WriteLine(string.Create(inv, $"{Runs} runs after {Warmup} warm-ups each; units in the organization: {unitPage.GetProperty("total").GetInt32()}."));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static string HostContentRoot()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Scorecard.sln"))) repo = repo.Parent;
        return Path.Combine(repo?.FullName ?? throw new InvalidOperationException("Run the benchmarks from the repository."), "src", "Host");
    }

    private static async Task<(List<double> Times, long Bytes)> MeasureAsync(HttpClient client, string url, CancellationToken ct)
    {
        long bytes = 0;
        var times = new List<double>();
        for (var i = 0; i < Warmup + Runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var body = await client.GetByteArrayAsync(url, ct);
            sw.Stop();
            bytes = body.Length;
            if (i >= Warmup) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times, bytes);
    }

    /// <summary>
    /// Deterministic: a CEO, 10 divisions of 10 departments of 10 teams, each with a head or lead, and the rest of
    /// the 10,000 people spread over the teams in turn.
    /// </summary>
    private static string Organization()
    {
        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        void Row(string email, string name, string title, string unit, string manager) =>
            csv.Append(CultureInfo.InvariantCulture, $"{email},{name},{title},{unit},{manager},2020-01-06\n");

        var count = 0;
        Row("ceo@northwind.example", "Chief Executive", "CEO", "Northwind", "");
        count++;
        var teams = new List<(string Unit, string Lead)>();
        for (var d = 1; d <= 10; d++)
        {
            var division = $"Northwind/Division {d:00}";
            var divisionHead = $"division{d:00}@northwind.example";
            Row(divisionHead, $"Division Head {d:00}", "Vice President", division, "ceo@northwind.example");
            count++;
            for (var p = 1; p <= 10; p++)
            {
                var department = $"{division}/Department {d:00}-{p:00}";
                var departmentHead = $"department{d:00}{p:00}@northwind.example";
                Row(departmentHead, $"Department Head {d:00}-{p:00}", "Director", department, divisionHead);
                count++;
                for (var t = 1; t <= 10; t++)
                {
                    var team = $"{department}/Team {d:00}-{p:00}-{t:00}";
                    var lead = $"lead{d:00}{p:00}{t:00}@northwind.example";
                    Row(lead, $"Team Lead {d:00}-{p:00}-{t:00}", "Manager", team, departmentHead);
                    count++;
                    teams.Add((team, lead));
                }
            }
        }
        for (var i = 0; count < People; i++, count++)
        {
            var (team, lead) = teams[i % teams.Count];
            Row($"person{i:00000}@northwind.example", $"Person {i:00000}", "Specialist", team, lead);
        }
        return csv.ToString();
    }

    private sealed class HostFactory(string databasePath) : WebApplicationFactory<host::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Scorecard", $"Data Source={databasePath}");
            builder.UseSetting("Scorecard:Demo", "false");
            builder.UseSetting("Scorecard:Bootstrap:AdminEmail", AdminEmail);
            builder.UseSetting("Scorecard:Bootstrap:AdminPassword", AdminPassword);
        }
    }
}
