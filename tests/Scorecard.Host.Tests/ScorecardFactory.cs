using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Scorecard.Testing;

namespace Scorecard.Host.Tests;

/// <summary>
/// The real host on a real database of its own — SQLite, or PostgreSQL when the run selects it
/// (<c>SCORECARD_TEST_PROVIDER=postgres</c>) — seeded with the demo organization.
/// </summary>
public class ScorecardFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Scorecard-Demo-2026";
    public const string Admin = "maya.lindqvist@brightline.example";
    public const string Hr = "sara.nilsson@brightline.example";
    public const string Manager = "priya.raman@brightline.example";
    public const string Employee = "tomas.novak@brightline.example";

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string> _tokens = new();

    public ScorecardFactory()
    {
        _database = TestDatabase.Create();
        _ownsDatabase = true;
    }

    /// <summary>A host on an existing database (e.g. to restart on the same data).</summary>
    protected ScorecardFactory(TestDatabase database) => _database = database;

    public TestDatabase Database => _database;

    /// <summary>The SQLite file, when the run is on SQLite.</summary>
    public string DatabasePath => Path.Combine(_database.Directory, "scorecard.db");

    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Scorecard", _database.ConnectionString);
        // Tests sign in far more often than a person; the limit itself is tested with its own setting.
        builder.UseSetting("Scorecard:SignIn:AttemptsPerMinute", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public async Task<HttpClient> ClientForAsync(string email, string password = DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (!_tokens.TryGetValue(email, out var token))
        {
            var response = await CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
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
        if (_ownsDatabase) _database.Dispose();
    }

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
}
