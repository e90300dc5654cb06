using System.Net;
using System.Text.RegularExpressions;

namespace Scorecard.Host.Tests;

/// <summary>What a browser reads off a page before posting its form.</summary>
public static partial class PageForms
{
    /// <summary>The antiforgery token of the page's (first) form.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    /// <summary>A client signed in through the sign-in form, holding the cookie as a browser does.</summary>
    /// <summary>How many times <paramref name="part"/> occurs in a page (rows, forms, options drawn).</summary>
    public static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    /// <summary>The id of the unit named <paramref name="name"/>, found the way a page's unit field finds it: by the unit search.</summary>
    public static async Task<string> UnitIdAsync(this HttpClient client, string name)
    {
        var page = await client.GetJsonAsync($"/api/v1/org-units?search={Uri.EscapeDataString(name)}&limit=10");
        return page["items"]!.AsArray().First(u => string.Equals(u!["name"]!.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))!["id"]!
            .GetValue<string>();
    }

    public static async Task<HttpClient> SignedInPagesAsync(this ScorecardFactory factory, string email, string password = ScorecardFactory.DemoPassword)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var token = AntiforgeryToken(await client.GetStringAsync("/account/sign-in"));
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
