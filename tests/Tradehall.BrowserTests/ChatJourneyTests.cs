using Tradehall.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Network;

namespace Tradehall.BrowserTests;

/// <summary>
/// MSG-01, MSG-02 in a phone-sized browser: a member writes to another through the pages, the other sees the
/// chat with an unread badge, opens it and replies (sent by chats.js without a reload); axe checks both pages.
/// </summary>
public sealed class ChatJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<(string Email, Guid Id)> RegisterAsync()
    {
        var registered = await RegisterWithTokenAsync();
        return (registered.Email, registered.Id);
    }

    private async Task<(string Email, Guid Id, string Token)> RegisterWithTokenAsync()
    {
        var registration = Members.Registration();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
        return ((string)registration["email"]!, registered.GetProperty("accountId").GetGuid(), registered.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task MSG04_the_server_takes_files_up_to_the_limit_through_the_api_and_refuses_larger_ones()
    {
        var a = await RegisterWithTokenAsync();
        var b = await RegisterWithTokenAsync();
        // Out of the sandbox, so files are allowed in the first messages (MSG-05).
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Tradehall.Core.Data.AppDbContext>();
            var registered = site.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
            await db.Set<Member>().Where(m => m.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.PhoneNumberConfirmed, true).SetProperty(m => m.RegisteredAt, registered));
        }
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", a.Token);
        var started = await (await http.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), text = "Documents follow" })).Content.ReadFromJsonAsync<JsonElement>();
        var chatId = started.GetProperty("chatId").GetGuid();

        async Task<System.Net.HttpStatusCode> UploadAsync(int size)
        {
            var content = new byte[size];
            "%PDF-1.4\n"u8.CopyTo(content);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "scan.pdf" } };
            return (await http.PostAsync($"/api/v1/chats/{chatId}/attachments", form)).StatusCode;
        }

        // Larger than the API's JSON body limit, within the file limit.
        Assert.Equal(System.Net.HttpStatusCode.Created, await UploadAsync(3 * 1024 * 1024));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, await UploadAsync(11 * 1024 * 1024));
    }

    [Fact]
    public async Task MSG01_MSG02_a_member_writes_the_other_sees_the_unread_chat_and_replies_on_a_phone()
    {
        var (emailA, _) = await RegisterAsync();
        var (emailB, idB) = await RegisterAsync();
        string handleB;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            handleB = (await scope.ServiceProvider.GetRequiredService<INetwork>().FindMemberAsync(idB.ToString(), CancellationToken.None))!.Handle;
        }
        var problems = new List<string>();

        var a = await site.PhoneAsync();
        await site.SignInAsync(a, emailA, Members.Password);
        await a.GotoAsync($"{site.BaseUrl}/chats/new?to={handleB}");
        await a.FillAsync("#Text", "Good day! Do you have 40 m³ of pine boards?\nGrade A, delivery to Arkhangelsk.");
        await a.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await a.WaitForURLAsync(new Regex("/chats/[0-9a-f-]{36}"));
        var chatPath = new Uri(a.Url).AbsolutePath;
        Assert.Equal(1, await a.Locator("#chat-messages .chat-message-mine").CountAsync());
        problems.AddRange(await Accessibility.SeriousViolationsAsync(a));
        await a.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "50-chat-phone.png"), FullPage = true });

        var b = await site.PhoneAsync();
        await site.SignInAsync(b, emailB, Members.Password);
        await b.GotoAsync(site.BaseUrl + "/chats");
        var row = b.Locator($"#chat-list a[href='{chatPath}']");
        await Assertions.Expect(row.Locator(".chat-unread")).ToBeVisibleAsync();
        Assert.Equal("1", await row.Locator(".chat-unread").GetAttributeAsync("data-unread-count"));
        problems.AddRange(await Accessibility.SeriousViolationsAsync(b));
        await b.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "51-chats-list-phone.png"), FullPage = true });

        await row.ClickAsync();
        await b.WaitForURLAsync(new Regex(Regex.Escape(chatPath) + "$"));
        Assert.Contains("Grade A, delivery to Arkhangelsk.", await b.Locator("#chat-messages").InnerTextAsync(), StringComparison.Ordinal);
        // Shift+Enter starts a new line; Enter sends (chats.js sends by fetch and appends the reply without leaving the page).
        await b.FillAsync("#Text", "Yes, we have it.");
        await b.Locator("#Text").PressAsync("Shift+Enter");
        await b.Locator("#Text").PressSequentiallyAsync("Price on request.");
        Assert.Equal("Yes, we have it.\nPrice on request.", await b.Locator("#Text").InputValueAsync());
        await b.Locator("#Text").PressAsync("Enter");
        await Assertions.Expect(b.Locator("#chat-messages .chat-message-mine")).ToHaveCountAsync(1);
        await Assertions.Expect(b.Locator("#Text")).ToHaveValueAsync("");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(b));
        await b.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "52-chat-reply-phone.png"), FullPage = true });

        await b.GotoAsync(site.BaseUrl + "/chats");
        await Assertions.Expect(b.Locator($"#chat-list a[href='{chatPath}'] .chat-unread")).ToBeHiddenAsync();

        // The writer's open page got the reply and the read tick live, without a reload.
        await Assertions.Expect(a.Locator("#chat-messages .chat-message-theirs")).ToHaveCountAsync(1);
        await Assertions.Expect(a.Locator(".chat-message-mine .chat-tick[data-read=true]")).ToHaveCountAsync(1);

        // And after a reload, from the server.
        await a.ReloadAsync();
        await Assertions.Expect(a.Locator("#chat-messages .chat-message-theirs")).ToHaveCountAsync(1);
        Assert.Equal("true", await a.Locator(".chat-message-mine .chat-tick").GetAttributeAsync("data-read"));

        Assert.True(problems.Count == 0, "Accessibility problems:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>
    /// MSG-02 in two browsers at once: what one member sends appears in the other's open pages without a reload —
    /// the chat list's unread badge, the header's notification count, the message itself — and the read tick
    /// reaches the writer only while the reader keeps read receipts on.
    /// </summary>
    [Fact]
    public async Task MSG02_messages_badges_and_receipts_arrive_live_and_receipts_stop_when_switched_off()
    {
        var writer = await RegisterWithTokenAsync();
        var reader = await RegisterWithTokenAsync();
        using var api = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", writer.Token);
        var started = await (await api.PostAsJsonAsync("/api/v1/chats", new { to = reader.Id.ToString(), text = "Offer: 20 t of cement" })).Content.ReadFromJsonAsync<JsonElement>();
        var chatPath = "/chats/" + started.GetProperty("chatId").GetGuid();

        var a = await site.PhoneAsync();
        await site.SignInAsync(a, writer.Email, Members.Password);
        await a.GotoAsync(site.BaseUrl + chatPath);
        var b = await site.PhoneAsync();
        await site.SignInAsync(b, reader.Email, Members.Password);
        await b.GotoAsync(site.BaseUrl + "/chats");
        var row = b.Locator($"#chat-list a[href='{chatPath}']");
        Assert.Equal("1", await row.Locator(".chat-unread").GetAttributeAsync("data-unread-count"));
        await Assertions.Expect(b.Locator("#notifications-link .badge")).ToHaveAttributeAsync("data-unread", "1");
        // The header's Chats link counts chats holding unread messages.
        await Assertions.Expect(b.Locator("#chats-link .badge")).ToHaveAttributeAsync("data-unread", "1");

        await a.FillAsync("#Text", "Delivery next week");
        await a.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(row.Locator(".chat-unread")).ToHaveAttributeAsync("data-unread-count", "2");
        await Assertions.Expect(b.Locator("#notifications-link .badge")).ToHaveAttributeAsync("data-unread", "2");

        // Opening the chat reads it; the writer's ticks turn read live.
        await row.ClickAsync();
        await Assertions.Expect(a.Locator(".chat-message-mine .chat-tick[data-read=true]")).ToHaveCountAsync(2);
        await Assertions.Expect(b.Locator("#notifications-link .badge")).ToHaveCountAsync(0);
        await Assertions.Expect(b.Locator("#chats-link .badge")).ToHaveCountAsync(0);

        // With receipts off, the reader still gets the message live and reads it, but the writer sees no tick.
        using var readerApi = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        readerApi.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reader.Token);
        (await readerApi.PutAsJsonAsync("/api/v1/me/chat-settings", new { readReceipts = false })).EnsureSuccessStatusCode();
        // The reader's open page reads the live message itself: its request to mark it read is awaited, not a while.
        var read = b.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("handler=Read", StringComparison.Ordinal));
        await a.FillAsync("#Text", "Price holds until Friday");
        await a.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(b.Locator("#chat-messages .chat-message-theirs")).ToHaveCountAsync(3);
        Assert.True((await read).Ok);
        var list = await (await readerApi.GetAsync("/api/v1/chats")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, list[0].GetProperty("unread").GetInt32());
        Assert.Equal(2, await a.Locator(".chat-message-mine .chat-tick[data-read=true]").CountAsync());
        Assert.Equal("false", await a.Locator(".chat-message-mine .chat-tick").Last.GetAttributeAsync("data-read"));
        // Receipts switched off hide the reader's reads from the writer altogether, earlier ones too.
        await a.ReloadAsync();
        await Assertions.Expect(a.Locator(".chat-message-mine .chat-tick[data-read=false]")).ToHaveCountAsync(3);
    }
}
