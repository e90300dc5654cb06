using System.Net;
using Microsoft.AspNetCore.Html;

namespace Scorecard.Strategy.Web.Pages.Forms;

/// <summary>The message shown beside the field a refused form names.</summary>
internal static class FieldErrors
{
    public static IHtmlContent Beside(string? message) =>
        message is null ? HtmlString.Empty
            : new HtmlString($"<span class=\"errors field-error\" role=\"alert\">{WebUtility.HtmlEncode(message)}</span>");
}
