using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;
using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Messaging;

/// <summary>MSG-01..05 through the pages, without JavaScript: forms post and redirect.</summary>
public sealed class ChatPagesTests(ChatApp app) : IClassFixture<ChatApp>
{
    private async Task<Browser> SignedInAsync(TestMember member)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        return browser;
    }

    [Fact]
    public async Task MSG01_a_member_writes_from_the_write_form_and_replies_with_the_send_form()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var handle = await HandleAsync(app, b.Id);
        using var browserA = await SignedInAsync(a);

        var refused = await browserA.SubmitAsync($"/chats/new?to={handle}", "Send", new() { ["Text"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refusedPage.QuerySelector("#Text-error"));

        var sent = await browserA.SubmitAsync($"/chats/new?to={handle}", "Send", new() { ["Text"] = "Do you have oak?" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var chatUrl = sent.Headers.Location!.ToString().Split('#')[0];
        Assert.StartsWith("/chats/", chatUrl, StringComparison.Ordinal);

        using var browserB = await SignedInAsync(b);
        var (_, list) = await browserB.GetAsync("/chats");
        var row = list.QuerySelector($"a[href='{chatUrl}']")!;
        Assert.Equal("1", row.QuerySelector(".chat-unread")!.GetAttribute("data-unread-count"));

        var replied = await browserB.SubmitAsync(chatUrl, "Send", new() { ["Text"] = "Yes, 40 m³" }, f => f.Id == "chat-send-form");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var (_, chat) = await browserB.GetAsync(chatUrl);
        Assert.Equal(["Do you have oak?", "Yes, 40 m³"], chat.QuerySelectorAll(".chat-text").Select(t => t.TextContent).ToArray());
        Assert.Equal("polite", chat.QuerySelector("#chat-messages")!.GetAttribute("aria-live"));
        // The report form chats.js adds under live messages carries its antiforgery token.
        var template = (AngleSharp.Html.Dom.IHtmlTemplateElement)chat.QuerySelector("#chat-report-template")!;
        Assert.NotNull(template.Content.QuerySelector("form input[name=__RequestVerificationToken]"));
        // Replying read the chat: no badge any more.
        var (_, after) = await browserB.GetAsync("/chats");
        Assert.Equal("0", after.QuerySelector($"a[href='{chatUrl}'] .chat-unread")!.GetAttribute("data-unread-count"));
        // The writer sees the read tick.
        var (_, writerView) = await browserA.GetAsync(chatUrl);
        Assert.Equal("true", writerView.QuerySelector(".chat-message-mine .chat-tick")!.GetAttribute("data-read"));
    }

    [Fact]
    public async Task MSG01_SEC07_message_text_is_rendered_inert_with_line_breaks_and_safe_links()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        const string text = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) <img src=x onerror=alert(1)>\nSee https://example.com/a?b=1&c=2.";
        var (chatId, _) = await StartAsync(app, a, b, text);
        using var browser = await SignedInAsync(b);
        var (response, page) = await browser.GetAsync($"/chats/{chatId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = page.QuerySelector(".chat-text")!;
        Assert.Equal(text, body.TextContent);
        Assert.Empty(body.QuerySelectorAll("script, img, strong, em"));
        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal("https://example.com/a?b=1&c=2", link.GetAttribute("href"));
        Assert.Contains("noopener", link.GetAttribute("rel")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MSG01_only_participants_open_a_chat_page_or_its_files_and_visitors_are_sent_to_sign_in()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var outsider = await TrustedAsync(app);
        var (chatId, messageId) = await StartAsync(app, a, b, "Private offer");
        using var browserA = await SignedInAsync(a);
        var uploaded = await browserA.SubmitFileAsync($"/chats/{chatId}", "Send", "File", "offer.pdf", AttachmentTests.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var (_, page) = await browserA.GetAsync($"/chats/{chatId}");
        var fileUrl = page.QuerySelector(".chat-file a")!.GetAttribute("href")!;

        using var browserB = await SignedInAsync(b);
        var download = await browserB.GetAsync(fileUrl);
        Assert.Equal(HttpStatusCode.OK, download.Response.StatusCode);
        Assert.Equal("application/pdf", download.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Response.Headers.GetValues("X-Content-Type-Options").First());

        using var stranger = await SignedInAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/chats/{chatId}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(fileUrl)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/chats/{chatId}?handler=Message&messageId={messageId}")).Response.StatusCode);
        var (_, search) = await stranger.GetAsync("/chats?q=private");
        Assert.Empty(search.QuerySelectorAll(".chat-excerpt"));
        var (_, own) = await browserA.GetAsync("/chats?q=private");
        Assert.Single(own.QuerySelectorAll("section[aria-labelledby=hits-title] .chat-item"));

        using var anonymous = new Browser(app);
        foreach (var url in new[] { "/chats", $"/chats/{chatId}", fileUrl, "/chats/new?to=x", "/chats/settings" })
        {
            var response = (await anonymous.GetAsync(url)).Response;
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        // Posting into someone else's chat through the page changes nothing.
        var before = await app.WithDb(db => db.Set<Core.Messaging.Chats.Message>().CountAsync(m => m.ChatId == chatId));
        var (_, ownList) = await stranger.GetAsync("/chats/new");
        var token = ownList.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await stranger.PostRawAsync($"/chats/{chatId}?handler=Send", new() { ["Text"] = "Hi", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(before, await app.WithDb(db => db.Set<Core.Messaging.Chats.Message>().CountAsync(m => m.ChatId == chatId)));
    }

    [Fact]
    public async Task MSG03_the_chat_page_shows_the_newest_messages_and_links_to_older_ones()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b, "m0");
        for (var i = 1; i < 35; i++)
        {
            await SendAsync(app, i % 2 == 0 ? a : b, chatId, $"m{i}");
        }
        using var browser = await SignedInAsync(a);
        var (_, newest) = await browser.GetAsync($"/chats/{chatId}");
        var texts = newest.QuerySelectorAll(".chat-text").Select(t => t.TextContent).ToList();
        Assert.Equal(30, texts.Count);
        Assert.Equal("m34", texts[^1]);
        var older = newest.QuerySelector("a.chat-older")!.GetAttribute("href")!;
        var (_, page) = await browser.GetAsync(older);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], page.QuerySelectorAll(".chat-text").Select(t => t.TextContent).ToArray());
        Assert.Null(page.QuerySelector("a.chat-older"));
        Assert.NotNull(page.QuerySelector($"a[href='/chats/{chatId}']"));
    }

    [Fact]
    public async Task MSG02_read_receipts_are_switched_off_on_the_settings_page()
    {
        var a = await TrustedAsync(app);
        using var browser = await SignedInAsync(a);
        var (_, page) = await browser.GetAsync("/chats/settings");
        Assert.NotNull(page.QuerySelector("input[name=ReadReceipts][checked]"));
        var saved = await browser.SubmitAsync("/chats/settings", "Save", new() { ["ReadReceipts"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var client = app.Api(a.Token);
        Assert.False((await (await client.GetAsync("/api/v1/me/chat-settings")).JsonAsync()).GetProperty("readReceipts").GetBoolean());
    }

    [Fact]
    public async Task MSG05_OPS02_a_reported_message_appears_on_the_operator_complaints_page()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var marker = "Spam offer " + Guid.NewGuid().ToString("N")[..8];
        var (chatId, messageId) = await StartAsync(app, a, b, marker);
        using var browserB = await SignedInAsync(b);
        var reported = await browserB.SubmitAsync($"/chats/{chatId}", "Send the report", new() { ["reason"] = "Unsolicited advertising" });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Contains($"#m-{messageId}", reported.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var member = await SignedInAsync(a);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/operator/complaints")).Response.StatusCode);

        using var operatorBrowser = await Operators.ConsoleBrowserAsync(app);
        var (response, console) = await operatorBrowser.GetAsync("/operator/complaints");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = console.QuerySelectorAll("tr.complaint").Single(r => r.TextContent.Contains(marker, StringComparison.Ordinal));
        Assert.Contains("Unsolicited advertising", row.TextContent, StringComparison.Ordinal);
    }

}
