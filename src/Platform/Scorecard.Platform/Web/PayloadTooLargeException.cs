namespace Scorecard.Platform.Web;

public sealed class PayloadTooLargeException(long limitBytes)
    : ScorecardException($"The request body is larger than the limit of {limitBytes / (1024 * 1024)} MB.")
{
    public override int StatusCode => 413;
    public override string Title => "Payload too large.";
}
