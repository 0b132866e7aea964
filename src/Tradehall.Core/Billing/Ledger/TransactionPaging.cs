using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Tradehall.Core.Billing.Ledger;

/// <summary>
/// BIL-21: paging of <c>GET /api/v1/billing/transactions</c> in headers, since §15 fixes its body as a bare array:
/// <c>X-Total-Count</c> and an RFC 8288 <c>Link</c> to the next and previous pages (same period, same page size).
/// </summary>
public static class TransactionPaging
{
    public static void Describe(HttpContext http, StatementLinesPage lines)
    {
        var headers = http.Response.Headers;
        headers["X-Total-Count"] = lines.Total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if ((long)lines.Page * lines.PageSize < lines.Total)
        {
            links.Add($"<{PageUrl(http.Request, lines.Page + 1, lines.PageSize)}>; rel=\"next\"");
        }
        if (lines.Page > 1)
        {
            links.Add($"<{PageUrl(http.Request, lines.Page - 1, lines.PageSize)}>; rel=\"prev\"");
        }
        if (links.Count > 0)
        {
            headers.Link = new StringValues(string.Join(", ", links));
        }
    }

    private static string PageUrl(HttpRequest request, int page, int pageSize)
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key is not ("page" or "pageSize")))
        {
            { "page", page.ToString(CultureInfo.InvariantCulture) },
            { "pageSize", pageSize.ToString(CultureInfo.InvariantCulture) },
        };
        return request.PathBase + request.Path + query.ToQueryString();
    }
}
