using System.Text.RegularExpressions;

namespace Scorecard.Host.Tests;

/// <summary>What a browser reads off a page before posting its form.</summary>
public static partial class PageForms
{
    /// <summary>The antiforgery token of the page's (first) form.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
