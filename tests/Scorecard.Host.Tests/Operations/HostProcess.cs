using System.Collections.Concurrent;
using System.Diagnostics;

namespace Scorecard.Host.Tests.Operations;

/// <summary>
/// The host as operators start it: its own process from its own build output (so it loads exactly its own
/// dependencies), in the Production environment, on a free loopback port, with the given settings.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<string> Output => _output;

    public int Id => _process.Id;

    public static async Task<HostProcess> StartAsync(IDictionary<string, string> environment, string? workingDirectory = null,
        params string[] args)
    {
        var process = Launch(environment, workingDirectory, ["--urls", "http://127.0.0.1:0", .. args]);
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Line(e.Data);
        process.ErrorDataReceived += (_, e) => host.Line(e.Data);
        process.Exited += (_, _) => host._url.TrySetException(new InvalidOperationException(
            "The host exited before it was running: " + string.Join(Environment.NewLine, host._output.TakeLast(40))));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        host.Url = new Uri(await host._url.Task.WaitAsync(TimeSpan.FromSeconds(120)));
        return host;
    }

    /// <summary>Runs a command of the host (e.g. <c>migrate</c>) to its end; returns the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        using var process = Launch(environment, null, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(180));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process Launch(IDictionary<string, string> environment, string? workingDirectory, string[] args)
    {
        var hostDirectory = OutputDirectory();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(hostDirectory, "Scorecard.Host.dll"), .. args])
        {
            WorkingDirectory = workingDirectory ?? hostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start)!;
    }

    private void Line(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        const string running = "Scorecard is running at ";
        if (line.StartsWith(running, StringComparison.Ordinal)) _url.TrySetResult(line[running.Length..].Trim());
    }

    public HttpClient Client(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Url };

    /// <summary>SIGKILL: no shutdown, no flush — what a crash or an OOM kill does.</summary>
    public async Task KillHardAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillHardAsync();
        _process.Dispose();
    }

    /// <summary>
    /// The host's own build output (src/Host/bin/&lt;configuration&gt;/&lt;tfm&gt;), built with this test project.
    /// </summary>
    public static string OutputDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scorecard.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var testProject = Path.Combine(dir.FullName, "tests", "Scorecard.Host.Tests");
        var outputSuffix = Path.GetRelativePath(testProject, AppContext.BaseDirectory);   // bin/<configuration>/<tfm>
        var hostDirectory = Path.Combine(dir.FullName, "src", "Host", outputSuffix);
        Assert.True(File.Exists(Path.Combine(hostDirectory, "Scorecard.Host.dll")), $"The host is not built at {hostDirectory}.");
        return hostDirectory;
    }
}
