using System.Text;
using Microsoft.AspNetCore.Http;

namespace Scorecard.Platform.Web;

public static class RequestBody
{
    public const long DefaultLimitBytes = 10L * 1024 * 1024;

    /// <summary>
    /// Reads the body as UTF-8 text, refusing (413) a body over the limit before it is all read,
    /// whatever server runs the app.
    /// </summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, long limitBytes = DefaultLimitBytes,
        CancellationToken cancellationToken = default)
    {
        if (request.ContentLength > limitBytes) throw new PayloadTooLargeException(limitBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limitBytes) throw new PayloadTooLargeException(limitBytes);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new BadInputException("body", "The body is not valid UTF-8 text.");
        }
    }
}
