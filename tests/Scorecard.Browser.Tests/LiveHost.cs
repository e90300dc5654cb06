using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>
/// The real host on Kestrel on a loopback port with its own SQLite file and the demo organization,
/// plus headless Debian Chromium driven by Playwright.
/// </summary>
public class LiveHost : IAsyncLifetime
{
    /// <summary>Extra host settings (an empty install overrides the demo and names a bootstrap administrator).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public const string DemoPassword = "Scorecard-Demo-2026";

    private readonly string _dir = Directory.CreateTempSubdirectory("scorecard-browser-").FullName;
    private HostFactory? _factory;
    private readonly HostLog _log = new();
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The host's SQLite file (tests may add generated data to it while the host runs).</summary>
    public string DatabasePath => Path.Combine(_dir, "scorecard.db");
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new HostFactory(DatabasePath, Settings, _log);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForUrlExplainedAsync(BaseUrl + "/");   // the home page: My work
        return page;
    }

    /// <summary>
    /// A page on the live host. CI machines are shared and small (2 cores), so actions and navigations
    /// get a generous ceiling; Playwright still proceeds the moment the condition holds.
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = BaseUrl });
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        Navigation.Register(page, _log);
        return page;
    }

    /// <summary>Screenshots are kept under artifacts/browser at the repository root.</summary>
    public static string ArtifactPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scorecard.sln"))) dir = dir.Parent;
        var artifacts = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "browser");
        Directory.CreateDirectory(artifacts);
        return Path.Combine(artifacts, name);
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("SCORECARD_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new InvalidOperationException($"Chromium was not found at {path}: run ./test.sh (it installs Debian's chromium) or set SCORECARD_CHROMIUM.");
        return path;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private sealed class HostFactory(string databasePath, IReadOnlyDictionary<string, string> settings, HostLog log) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Scorecard", $"Data Source={databasePath}");
            builder.UseSetting("Scorecard:SignIn:AttemptsPerMinute", "100000");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.AddProvider(log));
        }
    }
}
