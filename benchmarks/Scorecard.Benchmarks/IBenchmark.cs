namespace Scorecard.Benchmarks;

/// <summary>One named benchmark; it prints its own figures (time, sizes, tokens) to the writer.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(TextWriter output, CancellationToken cancellationToken);
}
