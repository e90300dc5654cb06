using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scorecard.Platform.Ai;

/// <summary>
/// OpenTelemetry names (GenAI semantic conventions). The host subscribes with
/// <c>.AddSource(AiTelemetry.ActivitySourceName)</c> and <c>.AddMeter(AiTelemetry.MeterName)</c>.
/// </summary>
public static class AiTelemetry
{
    public const string ActivitySourceName = "Scorecard.Ai";
    public const string MeterName = "Scorecard.Ai";
    public const string TokenUsageHistogram = "gen_ai.client.token.usage";
    public const string OperationDurationHistogram = "gen_ai.client.operation.duration";

    /// <summary>Scorecard-specific span attribute naming the feature that asked.</summary>
    public const string FeatureAttribute = "scorecard.ai.feature";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}

/// <summary>The two GenAI client histograms, created from the DI meter factory.</summary>
internal sealed class AiMetrics
{
    public AiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(AiTelemetry.MeterName);
        TokenUsage = meter.CreateHistogram<long>(AiTelemetry.TokenUsageHistogram, "{token}",
            "Number of input and output tokens used.",
            tags: null,
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });
        OperationDuration = meter.CreateHistogram<double>(AiTelemetry.OperationDurationHistogram, "s",
            "GenAI operation duration.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });
    }

    public Histogram<long> TokenUsage { get; }

    public Histogram<double> OperationDuration { get; }
}
