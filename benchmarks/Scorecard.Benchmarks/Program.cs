using System.Reflection;

namespace Scorecard.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/Scorecard.Benchmarks -- [name ...|all]
internal static class BenchmarkCommand
{
    public static async Task<int> Main(string[] args)
    {
        var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

        if (args.Length == 0 || args.Contains("--help"))
        {
            Console.WriteLine("Benchmarks (pass one or more names, or 'all'):");
            foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-24} {b.Description}");
            return 0;
        }

        var selected = args.Contains("all") ? benchmarks : benchmarks.Where(b => args.Contains(b.Name)).ToList();
        var unknown = args.Where(a => a != "all" && benchmarks.All(b => b.Name != a)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Run without arguments for the list.");
            return 2;
        }

        Console.WriteLine($"Scorecard benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var benchmark in selected)
        {
            Console.WriteLine();
            Console.WriteLine($"## {benchmark.Name}: {benchmark.Description}");
            await benchmark.RunAsync(Console.Out, CancellationToken.None);
        }
        return 0;
    }
}
