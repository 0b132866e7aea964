using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Messaging;

/// <summary>MSG-02 over the real hub: chat events reach every open tab of both participants, and nobody else's.</summary>
public sealed class LiveHubTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    [Fact]
    public async Task MSG02_a_message_reaches_every_tab_of_both_participants_and_the_read_receipt_the_writer()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var outsider = await TrustedAsync(app);
        await using var tabA1 = await LiveClient.ConnectAsync(app, a.Token, null, "message", "read");
        await using var tabA2 = await LiveClient.ConnectAsync(app, a.Token, null, "message", "read");
        await using var tabB = await LiveClient.ConnectAsync(app, b.Token, null, "message", "unread");
        await using var tabOutsider = await LiveClient.ConnectAsync(app, outsider.Token, null, "message", "unread", "read");

        var (chatId, messageId) = await StartAsync(app, a, b, "Live over the hub");
        foreach (var tab in new[] { tabA1, tabA2, tabB })
        {
            var (name, payload) = await tab.NextAsync();
            Assert.Equal("message", name);
            Assert.Equal(chatId, payload.GetProperty("chatId").GetGuid());
            Assert.Equal(messageId, payload.GetProperty("message").GetProperty("id").GetInt64());
            Assert.Equal("Live over the hub", payload.GetProperty("message").GetProperty("text").GetString());
        }
        var (unreadName, unread) = await tabB.NextAsync();
        Assert.Equal("unread", unreadName);
        Assert.Equal(1, unread.GetProperty("count").GetInt32());

        using var reader = app.Api(b.Token);
        await reader.PostAsJsonAsync($"/api/v1/chats/{chatId}/read", new { upTo = messageId });
        var (readName, read) = await tabA1.NextAsync();
        Assert.Equal("read", readName);
        Assert.Equal(b.Id, read.GetProperty("readerId").GetGuid());
        Assert.Equal(messageId, read.GetProperty("upTo").GetInt64());
        // Nothing of the chat reached the outsider: a sentinel published after it all is the first thing their tab gets.
        await tabOutsider.SentinelNextAsync(await LiveClient.PublishSentinelAsync(app, outsider.Id));
    }
}
