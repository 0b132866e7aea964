using Tradehall.Core.Notifications;

namespace Tradehall.Web.Pages.Notifications;

/// <summary>NTF-01: the member's notification centre; opening an entry marks it read and follows its link.</summary>
[Authorize]
public sealed class IndexModel(NotificationCentre centre) : TradehallPageModel
{
    /// <summary>The page of the list ("page" itself is the route value of Razor Pages).</summary>
    [FromQuery(Name = "p")] public int? PageNumber { get; set; }

    [FromQuery(Name = "unread")] public bool UnreadOnly { get; set; }

    public NotificationPage List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // SEC-08: names and excerpts of other members' messages are not kept in caches.
        Response.Headers.CacheControl = "no-store";
        List = await centre.ListAsync(User.MemberId(), UnreadOnly, PageRequest.Of(Math.Max(1, PageNumber ?? 1)), cancellationToken);
        if (List.Page > List.Pages)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>The unread count for a tab whose live connection (re)started, so nothing missed meanwhile stays shown.</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new UnreadCountResponse(await centre.UnreadAsync(User.MemberId(), cancellationToken)));
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var link = await centre.ReadAsync(User.MemberId(), id, cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(link) ? link : "/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await centre.ReadAllAsync(User.MemberId(), cancellationToken);
        Notice(L["All notifications are marked as read."]);
        return LocalRedirect("/notifications");
    }

    /// <summary>The address of another page of the same view.</summary>
    public string PageUrl(int number) =>
        "/notifications?" + (UnreadOnly ? "unread=true&" : "") + "p=" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
