using System.ClientModel;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Scorecard.Platform.Ai;

/// <summary>
/// One pipeline per process, so the circuit breaker sees every call: an overall timeout
/// (Ai:TimeoutSeconds, retries included) around bounded exponential retries around a circuit breaker.
/// Only transient failures (HTTP 408/429/5xx, network errors) are retried and counted by the breaker;
/// 4xx and unusable answers are not.
/// </summary>
internal sealed class AiResilience
{
    public AiResilience(IOptions<AiOptions> options, TimeProvider timeProvider)
    {
        var o = options.Value;
        clock = timeProvider;
        var builder = new ResiliencePipelineBuilder { Name = "Scorecard.Ai", TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds) });
        if (o.MaxRetries > 0)
        {
            var maxDelay = TimeSpan.FromMilliseconds(o.RetryMaxDelayMilliseconds);
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(o.TimeoutSeconds), // a server's Retry-After may ask for more than Ai:RetryMaxDelayMilliseconds
                DelayGenerator = args =>
                {
                    var started = args.Context.Properties.GetValue(StartedAt, timeProvider.GetTimestamp());
                    var left = TimeSpan.FromSeconds(o.TimeoutSeconds) - timeProvider.GetElapsedTime(started) - TimeSpan.FromMilliseconds(50);
                    var backoff = TimeSpan.FromMilliseconds(Math.Min(o.RetryBaseDelayMilliseconds * Math.Pow(2, args.AttemptNumber) * (0.75 + Random.Shared.NextDouble() / 2), maxDelay.TotalMilliseconds));
                    return ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Exception, left, timeProvider.GetUtcNow()) ?? backoff);
                },
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            FailureRatio = o.CircuitBreakerFailureRatio,
            MinimumThroughput = o.CircuitBreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(o.CircuitBreakerSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(o.CircuitBreakerBreakSeconds),
        });
        Pipeline = builder.Build();
    }

    public ResiliencePipeline Pipeline { get; }

    private static readonly ResiliencePropertyKey<long> StartedAt = new("scorecard.ai.started");

    private readonly TimeProvider clock;

    /// <summary>Runs one call through the pipeline, remembering when it started so a Retry-After wait stays inside the budget.</summary>
    public async ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(StartedAt, clock.GetTimestamp());
            return await Pipeline.ExecuteAsync(static (ctx, state) => state(ctx.CancellationToken), context, call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        BrokenCircuitException or TimeoutRejectedException => false,
        ClientResultException { Status: 408 or 429 or >= 500 } => true,
        ClientResultException { Status: 0 } e => e.InnerException is not OperationCanceledException,
        ClientResultException => false,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Honours a server's <c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as an HTTP date, as long as the wait fits in
    /// the call's budget (Ai:TimeoutSeconds, retries included); a longer wait is cut to what is left of the budget. Without such
    /// a header: the exponential default.
    /// </summary>
    internal static TimeSpan? RetryAfter(Exception? exception, TimeSpan budgetLeft, DateTimeOffset now)
    {
        if (exception is not ClientResultException cre || cre.GetRawResponse() is not { } response) return null;
        TimeSpan? wanted = null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            wanted = TimeSpan.FromMilliseconds(millis);
        else if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                wanted = TimeSpan.FromSeconds(seconds);
            else if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
                         System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
                wanted = at > now ? at - now : TimeSpan.Zero;
        }
        if (wanted is not { } delay) return null;
        var left = budgetLeft > TimeSpan.Zero ? budgetLeft : TimeSpan.Zero;
        return delay > left ? left : delay;
    }
}
