using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Scorecard.Host.Tests;

/// <summary>The real host on a real SQLite file of its own, seeded with the demo organization.</summary>
public class ScorecardFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Scorecard-Demo-2026";
    public const string Admin = "maya.lindqvist@brightline.example";
    public const string Hr = "sara.nilsson@brightline.example";
    public const string Manager = "priya.raman@brightline.example";
    public const string Employee = "tomas.novak@brightline.example";

    private readonly string _dir;
    private readonly bool _ownsDirectory;
    private readonly Dictionary<string, string> _tokens = new();

    public ScorecardFactory()
    {
        _dir = Directory.CreateTempSubdirectory("scorecard-host-").FullName;
        _ownsDirectory = true;
    }

    /// <summary>A host on an existing database folder (e.g. to restart on the same data).</summary>
    protected ScorecardFactory(string databaseDirectory) => _dir = databaseDirectory;

    public string DatabaseDirectory => _dir;

    public string DatabasePath => Path.Combine(_dir, "scorecard.db");

    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Scorecard", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (!_tokens.TryGetValue(email, out var token))
        {
            var response = await CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoPassword });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
            _tokens[email] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsDirectory) return;
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
}
