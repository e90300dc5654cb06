using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests;

/// <summary>
/// Waiting for a page to arrive somewhere, and saying why when it does not: where the browser is, what it shows,
/// and the host's recent warnings and errors — a bare Playwright timeout on a shared CI machine says none of that.
/// </summary>
public static class Navigation
{
    private static readonly ConditionalWeakTable<IPage, HostLog> Logs = new();

    internal static void Register(IPage page, HostLog log) => Logs.AddOrUpdate(page, log);

    public static Task WaitForUrlExplainedAsync(this IPage page, string glob) => Explain(page, glob, () => page.WaitForURLAsync(glob));

    public static Task WaitForUrlExplainedAsync(this IPage page, Regex pattern) => Explain(page, pattern.ToString(), () => page.WaitForURLAsync(pattern));

    public static Task WaitForUrlExplainedAsync(this IPage page, Func<string, bool> predicate) =>
        Explain(page, "a URL the test accepts", () => page.WaitForURLAsync(predicate));

    private static async Task Explain(IPage page, string expected, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException e)
        {
            string shown;
            try { shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }); }
            catch (PlaywrightException) { shown = "(the page could not be read)"; }
            catch (TimeoutException) { shown = "(the page could not be read in 5 s)"; }
            var log = Logs.TryGetValue(page, out var hostLog) ? hostLog.Recent() : "(no host log for this page)";
            throw new TimeoutException(
                $"Waited for {expected}; the browser is at {page.Url} showing:\n{Trim(shown)}\nThe host's recent warnings and errors:\n{log}", e);
        }
    }

    private static string Trim(string text) => text.Length <= 2_000 ? text : text[..2_000] + "…";
}

/// <summary>The live host's warnings and errors (and slow-request hints), the last 40 kept for failure messages.</summary>
public sealed class HostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Recent() => _lines.IsEmpty ? "(none)" : string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > 40) _lines.TryDequeue(out _);
    }

    private sealed class Logger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }
}
