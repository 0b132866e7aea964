using Microsoft.AspNetCore.Mvc.Filters;
using Tradehall.Core.Legal.Documents;

namespace Tradehall.Web.Hosting;

/// <summary>
/// OPS-06: a signed-in member who has not accepted a version in force is sent to <c>/legal/accept</c> from any page — at
/// their next sign-in and on every page after — and comes back where they were going once they accept. Pages only: the API
/// is not blocked (its clients read the history at <c>GET /api/v1/me/consents</c>). The legal pages, the account's own
/// pages (sign-out) and the language switch stay open, and staff, who are not party to the members' contract, pass.
/// </summary>
internal sealed class DocumentAcceptanceFilter(DocumentAcceptances acceptances) : IAsyncPageFilter
{
    private static readonly string[] OpenFolders = ["/Legal/", "/Account/"];
    private static readonly string[] OpenPages = ["/Culture", "/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated != true || Roles.Staff.Any(user.IsInRole)
            || OpenFolders.Any(f => page.StartsWith(f, StringComparison.Ordinal)) || OpenPages.Contains(page, StringComparer.Ordinal)
            || (await acceptances.PendingIdsAsync(user.MemberId(), context.HttpContext.RequestAborted)).Count == 0)
        {
            await next();
            return;
        }
        var request = context.HttpContext.Request;
        // A form sent before acceptance is not replayed: the member comes back to the page it was on.
        var back = (request.PathBase + request.Path).ToString() + (HttpMethods.IsGet(request.Method) ? request.QueryString.ToString() : "");
        context.Result = new LocalRedirectResult("/legal/accept?returnUrl=" + Uri.EscapeDataString(back));
    }
}
