using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Tradehall.Core.Notifications.Live;

/// <summary>
/// MSG-02: one connection per open tab. The hub only puts a connection into its own member's group;
/// what reaches the group is decided by the handler that published it, after its access checks.
/// A browser signs in with the site cookie; other clients send a bearer token.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application," + BearerAuthentication.SchemeName)]
public sealed class LiveHub : Hub
{
    public const string Path = "/hubs/live";

    public static string GroupOf(Guid memberId) => "member:" + memberId.ToString("N");

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(Context.User!.MemberId()));
        await base.OnConnectedAsync();
    }
}
