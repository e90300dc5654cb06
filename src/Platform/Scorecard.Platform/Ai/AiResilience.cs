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
                MaxDelay = maxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, maxDelay)),
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

    /// <summary>Honours a server's Retry-After (seconds) up to the configured cap; otherwise the exponential default.</summary>
    private static TimeSpan? RetryAfter(Exception? exception, TimeSpan max)
    {
        if (exception is not ClientResultException cre) return null;
        var response = cre.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value)) return null;
        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            return null;
        var delay = TimeSpan.FromSeconds(seconds);
        return delay > max ? max : delay;
    }
}
