using Microsoft.AspNetCore.Authorization;
using Tradehall.Core.Accounts;
using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Messaging.Search;
using Tradehall.Core.Shared;

namespace Tradehall.Web.Pages.Chats;

/// <summary>MSG-01..03: the member's chats with unread badges, and search in them.</summary>
[Authorize]
public sealed class IndexModel(ChatList list, SearchChats search) : ChatPageModel
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

    public Guid Me => User.MemberId();
}
