using System.Diagnostics;
using System.Net.Http.Headers;

namespace Scorecard.Benchmarks.OrgScale;

/// <summary>Latency and throughput over loopback with a plain HttpClient (one connection per concurrent loop).</summary>
internal static class HttpMeasure
{
    public static HttpClient Client(Uri baseAddress, string? bearer = null)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>Times each GET (after <paramref name="warmUp"/> untimed ones); returns the times in ms and the last body's length.</summary>
    public static async Task<(List<double> Ms, long Bytes)> LatencyAsync(HttpClient client, IReadOnlyList<string> paths, int warmUp)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < warmUp + paths.Count; i++)
        {
            var path = paths[i % paths.Count];
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            sw.Stop();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            bytes = body.Length;
            if (i >= warmUp) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (times, bytes);
    }

    /// <summary>Requests per second of one connection sending GETs back to back for <paramref name="duration"/>.</summary>
    public static async Task<double> ThroughputAsync(HttpClient client, string path, TimeSpan duration)
    {
        for (var i = 0; i < 200; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode(); // warm-up
        var count = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < duration)
        {
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            count++;
        }
        return count / sw.Elapsed.TotalSeconds;
    }

    public static double Median(IEnumerable<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
