using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Scorecard.Platform.Paging;

namespace Scorecard.Platform.Web;

/// <summary>
/// Paging for lists that answer a bare JSON array (kept for existing clients): one page of at most
/// <see cref="PageRequest.Limit"/> items, the total in <c>X-Total-Count</c> and the neighbouring pages in an RFC 8288
/// <c>Link</c> header (<c>rel="next"</c>, <c>rel="prev"</c>). Lists answering <see cref="Page{T}"/> get the same headers.
/// </summary>
public static class PagingLinks
{
    public const string TotalHeader = "X-Total-Count";

    /// <summary>The page of an already-read list, with the paging headers written.</summary>
    public static IReadOnlyList<T> PageOf<T>(HttpContext http, IReadOnlyList<T> all, PageRequest page)
    {
        Write(http, page, all.Count);
        return all.Skip(page.Offset).Take(page.Limit).ToList();
    }

    /// <summary>Writes <c>X-Total-Count</c> and the <c>Link</c> header to the next and previous pages.</summary>
    public static void Write(HttpContext http, PageRequest page, int total)
    {
        http.Response.Headers[TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (page.Offset + page.Limit < total)
        {
            links.Add($"<{Url(http.Request, page.Limit, page.Offset + page.Limit)}>; rel=\"next\"");
        }

        if (page.Offset > 0)
        {
            links.Add($"<{Url(http.Request, page.Limit, Math.Max(0, page.Offset - page.Limit))}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", links);
        }
    }

    private static string Url(HttpRequest request, int limit, int offset)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.Equals("limit", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("offset", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("limit", limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new("offset", offset.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
