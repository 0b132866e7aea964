using Tradehall.Core.Accounts;
using System.Text;
using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Notifications;
using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Messaging;

/// <summary>MSG-01..03: writing, listing, history, read receipts and the live events, through the JSON API.</summary>
public sealed class ChatsApiTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task MSG01_writing_to_a_handle_creates_one_chat_per_pair_and_a_listing_inquiry_is_a_chat_of_its_own()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        using var client = app.Api(a.Token);
        var first = await (await client.PostAsJsonAsync("/api/v1/chats", new { to = await HandleAsync(app, b.Id), text = "First" })).JsonAsync();
        var again = await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), text = "Second" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var chatId = first.GetProperty("chatId").GetGuid();
        Assert.Equal(chatId, (await again.JsonAsync()).GetProperty("chatId").GetGuid());
        // The addressee writing back by the API's "start" reaches the same chat.
        Assert.Equal(chatId, (await StartAsync(app, b, a, "Reply")).ChatId);

        var listing = await Marketplace.ListingSteps.PostedAsync(app, b);
        var inquiry = await (await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), listingId = listing, text = "About your listing" })).JsonAsync();
        var inquiryId = inquiry.GetProperty("chatId").GetGuid();
        Assert.NotEqual(chatId, inquiryId);
        var again2 = await (await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), listingId = listing, text = "More" })).JsonAsync();
        Assert.Equal(inquiryId, again2.GetProperty("chatId").GetGuid());

        var history = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        Assert.Equal(["First", "Second", "Reply"], Texts(history));
    }

    [Fact]
    public async Task MSG01_two_members_writing_first_at_once_end_up_in_one_chat()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var both = await Task.WhenAll(StartAsync(app, a, b, "From a"), StartAsync(app, b, a, "From b"));
        Assert.Equal(both[0].ChatId, both[1].ChatId);
        using var client = app.Api(a.Token);
        Assert.Equal(2, (await (await client.GetAsync($"/api/v1/chats/{both[0].ChatId}/messages")).JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task MSG01_the_list_shows_the_other_participant_the_last_message_and_the_unread_count()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b, "One");
        await SendAsync(app, a, chatId, "Two");
        using var client = app.Api(b.Token);
        var list = await (await client.GetAsync("/api/v1/chats")).JsonAsync();
        var chat = Assert.Single(list.EnumerateArray());
        Assert.Equal(chatId, chat.GetProperty("id").GetGuid());
        Assert.Equal(a.Id, chat.GetProperty("with").GetProperty("id").GetGuid());
        Assert.Equal(await HandleAsync(app, a.Id), chat.GetProperty("with").GetProperty("handle").GetString());
        Assert.Equal("Two", chat.GetProperty("lastMessage").GetProperty("text").GetString());
        Assert.Equal(2, chat.GetProperty("unread").GetInt32());
        // The writer has nothing unread.
        using var writer = app.Api(a.Token);
        Assert.Equal(0, (await (await writer.GetAsync("/api/v1/chats")).JsonAsync())[0].GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task MSG02_a_message_is_announced_to_both_participants_with_the_recipient_counters_and_a_notification()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, messageId) = await StartAsync(app, a, b, "Live <b>hello</b>");
        var message = Assert.Single(app.Live.InChat(chatId, "message"));
        Assert.Equal([a.Id, b.Id], message.To.Order());
        var payload = message.Payload.GetProperty("message");
        Assert.Equal(messageId, payload.GetProperty("id").GetInt64());
        Assert.Equal(a.Id, payload.GetProperty("senderId").GetGuid());
        Assert.Equal("Live <b>hello</b>", payload.GetProperty("text").GetString());
        Assert.False(payload.GetProperty("truncated").GetBoolean());
        Assert.Equal(0, payload.GetProperty("attachments").GetArrayLength());
        var unread = Assert.Single(app.Live.InChat(chatId, "unread"));
        Assert.Equal([b.Id], unread.To);
        Assert.Equal(1, unread.Payload.GetProperty("count").GetInt32());
        Assert.Equal(1, unread.Payload.GetProperty("total").GetInt32());
        Assert.Equal(1, unread.Payload.GetProperty("chats").GetInt32());

        var notification = await app.WithDb(db => db.Set<Notification>().SingleAsync(n => n.MemberId == b.Id && n.Group == $"chat:{chatId:N}"));
        Assert.Equal(NotificationType.Message, notification.Type);
        Assert.Equal($"/chats/{chatId}", notification.Link);
        Assert.Equal(a.Id, notification.ActorId);
        Assert.Null(notification.ReadAt);
    }

    [Fact]
    public async Task MSG02_a_text_too_large_for_an_event_is_announced_without_it_and_fetched_by_id()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var text = string.Concat(Enumerable.Repeat("Доска ", 600)).Trim();
        Assert.True(Encoding.UTF8.GetByteCount(text) > 6 * 1024);
        var (chatId, messageId) = await StartAsync(app, a, b, text);
        var payload = Assert.Single(app.Live.InChat(chatId, "message")).Payload.GetProperty("message");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("text").ValueKind);
        Assert.True(payload.GetProperty("truncated").GetBoolean());
        using var client = app.Api(b.Token);
        var fetched = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages/{messageId}")).JsonAsync();
        Assert.Equal(text, fetched.GetProperty("text").GetString());
    }

    [Fact]
    public async Task MSG02_reading_clears_counters_and_notifications_and_tells_the_writer()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, first) = await StartAsync(app, a, b, "One");
        var second = await SendAsync(app, a, chatId, "Two");
        using var client = app.Api(b.Token);

        var partly = await (await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/read", new { upTo = first })).JsonAsync();
        Assert.Equal(first, partly.GetProperty("upTo").GetInt64());
        Assert.Equal(1, partly.GetProperty("count").GetInt32());
        var all = await client.PostAsync($"/api/v1/chats/{chatId}/read", null);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var body = await all.JsonAsync();
        Assert.Equal(second, body.GetProperty("upTo").GetInt64());
        Assert.Equal(0, body.GetProperty("total").GetInt32());

        var reads = app.Live.InChat(chatId, "read");
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal([a.Id], r.To));
        Assert.Equal(b.Id, reads[^1].Payload.GetProperty("readerId").GetGuid());
        Assert.Equal(second, reads[^1].Payload.GetProperty("upTo").GetInt64());
        var unread = app.Live.InChat(chatId, "unread").Last(e => e.To.Contains(b.Id));
        Assert.Equal(0, unread.Payload.GetProperty("count").GetInt32());
        Assert.False(await app.WithDb(db => db.Set<Notification>().AnyAsync(n => n.MemberId == b.Id && n.ReadAt == null)));

        using var writer = app.Api(a.Token);
        var history = await (await writer.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        Assert.Equal(second, history.GetProperty("otherReadUpTo").GetInt64());
    }

    [Fact]
    public async Task MSG02_a_member_with_receipts_off_neither_sends_nor_sees_read_receipts()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b, "One");
        using var reader = app.Api(b.Token);
        var put = await reader.PutAsJsonAsync("/api/v1/me/chat-settings", new { readReceipts = false });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False((await (await reader.GetAsync("/api/v1/me/chat-settings")).JsonAsync()).GetProperty("readReceipts").GetBoolean());

        await reader.PostAsync($"/api/v1/chats/{chatId}/read", null);
        Assert.Empty(app.Live.InChat(chatId, "read"));
        using var writer = app.Api(a.Token);
        var history = await (await writer.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, history.GetProperty("otherReadUpTo").ValueKind);

        // Reciprocal: b does not see a's reads either.
        var reply = await SendAsync(app, b, chatId, "Reply");
        await writer.PostAsync($"/api/v1/chats/{chatId}/read", null);
        Assert.Empty(app.Live.InChat(chatId, "read"));
        var own = await (await reader.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, own.GetProperty("otherReadUpTo").ValueKind);
        Assert.True(reply > 0);
    }

    [Fact]
    public async Task MSG03_history_is_paged_by_message_id_or_instant_and_the_limit_is_capped()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b, "m0");
        for (var i = 1; i < 6; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await SendAsync(app, i % 2 == 0 ? a : b, chatId, $"m{i}");
        }
        using var client = app.Api(a.Token);
        var page = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages?limit=2")).JsonAsync();
        Assert.Equal(["m4", "m5"], Texts(page));
        var before = page.GetProperty("before").GetInt64();
        var older = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages?limit=3&before={before}")).JsonAsync();
        Assert.Equal(["m1", "m2", "m3"], Texts(older));
        var oldest = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages?limit=3&before={older.GetProperty("before").GetInt64()}")).JsonAsync();
        Assert.Equal(["m0"], Texts(oldest));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, oldest.GetProperty("before").ValueKind);

        var third = older.GetProperty("items")[2].GetProperty("sentAt").GetString();
        var byTime = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages?before={Uri.EscapeDataString(third!)}")).JsonAsync();
        Assert.Equal(["m0", "m1", "m2"], Texts(byTime));

        var capped = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages?limit=100000")).JsonAsync();
        Assert.Equal(6, capped.GetProperty("items").GetArrayLength());
        await AssertProblemAsync(await client.GetAsync($"/api/v1/chats/{chatId}/messages?limit=0"), HttpStatusCode.BadRequest, "limit");
        await AssertProblemAsync(await client.GetAsync($"/api/v1/chats/{chatId}/messages?before=yesterday"), HttpStatusCode.BadRequest, "before");
    }

    private static string[] Texts(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()!).ToArray();

    [Fact]
    public async Task MSG01_bad_input_is_refused_with_the_field_named_and_changes_nothing()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        using var client = app.Api(a.Token);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = a.Id.ToString(), text = "Me" }), HttpStatusCode.BadRequest, "to");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = "nobody-here-" + Guid.NewGuid().ToString("N")[..6], text = "Hi" }),
            HttpStatusCode.NotFound, code: "messaging.member_not_found");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = Guid.NewGuid().ToString(), text = "Hi" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), text = "  \n " }), HttpStatusCode.BadRequest, "text");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString() }), HttpStatusCode.BadRequest, "text");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), text = new string('x', 4001) }), HttpStatusCode.BadRequest, "text");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = "", text = "Hi" }), HttpStatusCode.BadRequest, "to");
        // A 100 KB body is refused whole.
        var huge = await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), text = new string('x', 100 * 1024) });
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());

        var disabled = await TrustedAsync(app);
        var at = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DisabledAt, at)));
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = disabled.Id.ToString(), text = "Hi" }), HttpStatusCode.NotFound);

        Assert.Equal(0, (await (await client.GetAsync("/api/v1/chats")).JsonAsync()).GetArrayLength());

        var (chatId, _) = await StartAsync(app, a, b);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages", new { text = "" }), HttpStatusCode.BadRequest, "text");
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages", new { text = "x", role = "operator" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.GetAsync("/api/v1/chats/search?q=%20%21"), HttpStatusCode.BadRequest, "q");
        await AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/me/chat-settings", new { }), HttpStatusCode.BadRequest, "readReceipts");
        Assert.True((await (await client.GetAsync("/api/v1/me/chat-settings")).JsonAsync()).GetProperty("readReceipts").GetBoolean());
        Assert.Single((await (await client.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task MSG01_NET07_a_member_blocked_by_the_addressee_cannot_start_or_continue_a_chat()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b);
        var at = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDb(db =>
        {
            db.Set<Block>().Add(new Block { BlockerId = b.Id, BlockedId = a.Id, At = at });
            return db.SaveChangesAsync();
        });
        using var client = app.Api(a.Token);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = b.Id.ToString(), text = "Again" }), HttpStatusCode.Forbidden, code: "messaging.blocked");
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages", new { text = "Again" }), HttpStatusCode.Forbidden, code: "messaging.blocked");
        // The blocker may still write (and read) their chat.
        await SendAsync(app, b, chatId, "Please stop");
    }

    [Fact]
    public async Task MSG05_a_recipient_reports_a_message_and_a_complaint_is_recorded_once()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, messageId) = await StartAsync(app, a, b, "Buy cheap pills");
        using var client = app.Api(b.Token);
        var report = await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{messageId}/report", new { reason = "Spam" });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var id = (await report.JsonAsync()).GetProperty("id").GetGuid();
        var twice = await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{messageId}/report", new { reason = "Spam" });
        Assert.Equal(id, (await twice.JsonAsync()).GetProperty("id").GetGuid());
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{messageId}/report", new { reason = "" }), HttpStatusCode.BadRequest, "reason");

        using var writer = app.Api(a.Token);
        await AssertProblemAsync(await writer.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{messageId}/report", new { reason = "Mine" }), HttpStatusCode.BadRequest, "messageId");
        var complaint = await app.WithDb(db => db.Set<Core.Messaging.Complaints.Complaint>().SingleAsync(c => c.Id == id));
        Assert.Equal(a.Id, complaint.AccusedId);
        Assert.Equal("Buy cheap pills", complaint.MessageText);
    }

    [Fact]
    public async Task MSG05_two_reports_of_one_message_sent_at_once_record_one_complaint_and_both_answer_it()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, messageId) = await StartAsync(app, a, b, "Wire the money first");
        using var client = app.Api(b.Token);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{messageId}/report", new { reason = "Fraud" })));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async r => (await r.JsonAsync()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.WithDb(db => db.Set<Core.Messaging.Complaints.Complaint>().CountAsync(c => c.MessageId == messageId)));
    }
}
