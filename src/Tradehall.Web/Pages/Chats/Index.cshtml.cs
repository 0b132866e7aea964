using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Messaging.Search;

namespace Tradehall.Web.Pages.Chats;

/// <summary>What <c>/chats?handler=Count</c> answers: <c>{chats}</c>, the number of chats holding unread messages.</summary>
public sealed record UnreadChatsResponse(int Chats);

/// <summary>MSG-01..03: the member's chats with unread badges, and search in them.</summary>
[Authorize]
public sealed class IndexModel(ChatList list, SearchChats search, ChatUnreadCounts unread) : ChatPageModel
{
    public IReadOnlyList<ChatSummary> Chats { get; private set; } = [];

    public IReadOnlyList<SearchHit>? Hits { get; private set; }

    public string? Q { get; private set; }

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Q = q;
        if (!string.IsNullOrWhiteSpace(q))
        {
            await TryAsync(async () => Hits = await search.HandleAsync(User.MemberId(), q, cancellationToken), "Q");
        }
        Chats = await list.HandleAsync(User.MemberId(), cancellationToken);
    }

    /// <summary>MSG-02: the header's count of chats with unread messages, for a tab whose live connection (re)started.</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new UnreadChatsResponse(await unread.ChatsWithUnreadAsync(User.MemberId(), cancellationToken)));
    }

    public Guid Me => User.MemberId();
}
