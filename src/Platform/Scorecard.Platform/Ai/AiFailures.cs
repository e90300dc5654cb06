using System.ClientModel;
using System.Net.Sockets;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Scorecard.Platform.Ai;

/// <summary>How a failed model call is told to people, spans and the audit log.</summary>
internal static class AiFailures
{
    private const string KeepWorking = " You can keep working; the offline draft is still available.";

    public static AiGatewayException Translate(Exception ex, string feature, AiOptions o)
    {
        var retries = o.MaxRetries > 0 ? $", after {o.MaxRetries} {(o.MaxRetries == 1 ? "retry" : "retries")}" : "";
        return ex switch
        {
            TimeoutRejectedException => new AiGatewayException(AiFailureKind.TimedOut, feature,
                $"The AI model timed out: no answer within {o.TimeoutSeconds:0.##} second{(o.TimeoutSeconds == 1 ? "" : "s")}.{KeepWorking}"),
            BrokenCircuitException broken => new AiGatewayException(AiFailureKind.CircuitOpen, feature,
                "AI temporarily unavailable: recent calls to the model failed, so AI calls are paused"
                + (broken.RetryAfter is { } after ? $" for about {Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))} seconds." : ".") + KeepWorking),
            ClientResultException { Status: 0 } => new AiGatewayException(AiFailureKind.Unavailable, feature,
                $"The AI model is unavailable: the model server could not be reached{retries}.{KeepWorking}", [ex.GetType().Name]),
            ClientResultException cre => new AiGatewayException(AiFailureKind.Unavailable, feature, cre.Status switch
            {
                401 or 403 => $"The AI model is unavailable: the model server refused the credentials (HTTP {cre.Status}); check Ai:ApiKey.{KeepWorking}",
                404 => $"The AI model is unavailable: the model server does not know model '{o.Model}' or the endpoint is wrong (HTTP 404); check Ai:Endpoint and Ai:Model.{KeepWorking}",
                429 => $"The AI model is unavailable: the model server is limiting requests (HTTP 429{retries}).{KeepWorking}",
                >= 500 => $"The AI model is unavailable: the model server failed (HTTP {cre.Status}{retries}).{KeepWorking}",
                _ => $"The AI model is unavailable: the model server rejected the request (HTTP {cre.Status}).{KeepWorking}",
            }, [$"HTTP {cre.Status}"]),
            HttpRequestException or IOException or SocketException => new AiGatewayException(AiFailureKind.Unavailable, feature,
                $"The AI model is unavailable: the model server could not be reached{retries}.{KeepWorking}", [ex.GetType().Name]),
            JsonException or FormatException or ArgumentException or InvalidOperationException => new AiGatewayException(AiFailureKind.MalformedOutput, feature,
                $"The AI model returned malformed output: the server's reply is not a chat completion.{KeepWorking}", [ex.GetType().Name]),
            OperationCanceledException => new AiGatewayException(AiFailureKind.TimedOut, feature,
                $"The AI model timed out: the connection to the model server was cancelled.{KeepWorking}", [ex.GetType().Name]),
            _ => new AiGatewayException(AiFailureKind.Unavailable, feature,
                $"The AI model is unavailable: the call failed ({ex.GetType().Name}).{KeepWorking}", [ex.GetType().Name]),
        };
    }

    public static AiGatewayException Malformed(string feature, string why, AiCallRecord call, string errorType, params string[] reasons)
    {
        call.ErrorType = errorType;
        return new AiGatewayException(AiFailureKind.MalformedOutput, feature,
            $"The AI model returned malformed output: {why}. Try again, or use the offline draft.", reasons.Length == 0 ? [why] : reasons);
    }

    public static AiGatewayException Rejected(string feature, IReadOnlyList<string> errors, AiCallRecord call)
    {
        call.ErrorType = "rejected";
        return new AiGatewayException(AiFailureKind.Rejected, feature,
            $"The AI draft was rejected by validation: {string.Join("; ", errors.Take(3))}. Nothing was changed; write the text yourself or use the offline draft.",
            errors);
    }

    public static string OutcomeOf(AiFailureKind kind) => kind switch
    {
        AiFailureKind.Rejected => "rejected",
        AiFailureKind.TimedOut => "timeout",
        AiFailureKind.CircuitOpen => "circuit-open",
        _ => "error",
    };

    public static string ErrorTypeOf(Exception ex) => ex switch
    {
        TimeoutRejectedException => "timeout",
        BrokenCircuitException => "circuit_open",
        ClientResultException { Status: > 0 } cre => cre.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => ex.GetType().FullName ?? "_OTHER",
    };

    public static string ErrorTypeOf(AiFailureKind kind) => kind switch
    {
        AiFailureKind.TimedOut => "timeout",
        AiFailureKind.CircuitOpen => "circuit_open",
        AiFailureKind.MalformedOutput => "malformed_output",
        AiFailureKind.Rejected => "rejected",
        AiFailureKind.NotConfigured => "not_configured",
        _ => "_OTHER",
    };

    public static string FailureName(AiFailureKind kind) => kind switch
    {
        AiFailureKind.NotConfigured => "not-configured",
        AiFailureKind.Unavailable => "unavailable",
        AiFailureKind.TimedOut => "timed-out",
        AiFailureKind.MalformedOutput => "malformed-output",
        AiFailureKind.Rejected => "rejected",
        AiFailureKind.CircuitOpen => "circuit-open",
        _ => kind.ToString(),
    };
}
