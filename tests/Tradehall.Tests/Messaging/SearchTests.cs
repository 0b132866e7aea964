using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Messaging;

/// <summary>MSG-03: full-text search finds words (Latin and Cyrillic, by prefix) only in the member's own chats.</summary>
public sealed class SearchTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task MSG03_search_finds_words_only_in_the_members_own_chats()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var c = await TrustedAsync(app);
        var d = await TrustedAsync(app);
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var (ours, _) = await StartAsync(app, a, b, $"Нужна обрезная доска {marker}, сорт А");
        await SendAsync(app, b, ours, "Pine boards in stock");
        var (theirs, _) = await StartAsync(app, c, d, $"Обрезная доска {marker} тоже есть");

        using var client = app.Api(a.Token);
        var hits = await (await client.GetAsync($"/api/v1/chats/search?q={Uri.EscapeDataString("ДОСКА " + marker)}")).JsonAsync();
        var hit = Assert.Single(hits.EnumerateArray());
        Assert.Equal(ours, hit.GetProperty("chatId").GetGuid());
        Assert.Equal(b.Id, hit.GetProperty("with").GetProperty("id").GetGuid());

        // By prefix, in either alphabet.
        Assert.Single((await (await client.GetAsync($"/api/v1/chats/search?q={Uri.EscapeDataString("обрез")}")).JsonAsync()).EnumerateArray(),
            h => h.GetProperty("chatId").GetGuid() == ours);
        Assert.Single((await (await client.GetAsync("/api/v1/chats/search?q=boards")).JsonAsync()).EnumerateArray());

        using var outsider = app.Api(c.Token);
        var theirHits = await (await outsider.GetAsync($"/api/v1/chats/search?q={marker}")).JsonAsync();
        Assert.Equal(theirs, Assert.Single(theirHits.EnumerateArray()).GetProperty("chatId").GetGuid());
        Assert.Equal(0, (await (await outsider.GetAsync("/api/v1/chats/search?q=boards")).JsonAsync()).GetArrayLength());

        // Query syntax of the engines is inert: operators are just words.
        var odd = await client.GetAsync($"/api/v1/chats/search?q={Uri.EscapeDataString("\"доска\" OR * NEAR( ) & | !")}");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }
}
