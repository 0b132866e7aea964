using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Npgsql;
using Tradehall.Core.Notifications.Live;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Notifications;

/// <summary>MSG-02, RUN-03: live events reach every open tab of the member they are for, on whichever node it is connected.</summary>
public sealed class LiveFanoutTests : IDisposable
{
    private readonly TradehallApp app = new() { Settings = { ["Notifications:Live:ReconnectFirstDelay"] = "00:00:00.100" } };

    public void Dispose() => app.Dispose();

    private static object Message(Guid chatId, string text) => new { ChatId = chatId, Message = new { Id = Guid.NewGuid(), Text = text } };

    private static Task PublishAsync(TradehallApp node, Guid memberId, object payload) =>
        node.Services.GetRequiredService<ILiveEvents>().PublishAsync([memberId], "message", payload, CancellationToken.None);

    [Fact]
    public async Task MSG02_an_event_reaches_every_tab_of_its_member_and_no_one_else()
    {
        var alice = await Members.RegisterAsync(app);
        var boris = await Members.RegisterAsync(app);
        await app.ListeningAsync();
        await using var aliceTab1 = await LiveClient.ConnectAsync(app, alice.Token, events: "message");
        await using var aliceTab2 = await LiveClient.ConnectAsync(app, alice.Token, events: "message");
        await using var borisTab = await LiveClient.ConnectAsync(app, boris.Token, events: "message");
        var chatId = Guid.NewGuid();

        await PublishAsync(app, alice.Id, Message(chatId, "Пиломатериалы, 40 м³"));

        // A sentinel published after the event comes next on every tab: the event came once, and never to Boris.
        var sentinel = await LiveClient.PublishSentinelAsync(app, alice.Id, boris.Id);
        foreach (var tab in new[] { aliceTab1, aliceTab2 })
        {
            var (name, payload) = await tab.NextAsync();
            Assert.Equal("message", name);
            Assert.Equal(chatId, payload.GetProperty("chatId").GetGuid());
            Assert.Equal("Пиломатериалы, 40 м³", payload.GetProperty("message").GetProperty("text").GetString());
            await tab.SentinelNextAsync(sentinel);
        }
        await borisTab.SentinelNextAsync(sentinel);
    }

    [Fact]
    public async Task MSG02_the_site_session_cookie_opens_the_hub()
    {
        var member = await Members.RegisterAsync(app);
        var cookie = await SessionCookieAsync(member);
        await app.ListeningAsync();
        await using var tab = await LiveClient.ConnectAsync(app, cookie: cookie, events: "message");

        await PublishAsync(app, member.Id, Message(Guid.NewGuid(), "hello"));

        Assert.Equal("hello", (await tab.NextAsync()).Payload.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task MSG02_an_anonymous_or_badly_signed_connection_is_refused()
    {
        var anonymous = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(app));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var forged = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(app, "th_not_a_token"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task MSG02_a_token_in_the_query_string_is_believed_on_the_hub_path_only()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api();

        var hub = await client.PostAsync($"{LiveHub.Path}/negotiate?negotiateVersion=1&access_token={member.Token}", null);
        var api = await client.GetAsync($"/api/v1/me?access_token={member.Token}");

        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task MSG02_the_browser_client_is_served_and_the_policy_lets_it_connect_back()
    {
        using var client = app.Api();

        var script = await client.GetAsync("/lib/signalr/signalr.min.js");
        var license = await client.GetAsync("/lib/signalr/signalr.LICENSE.txt");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("HubConnectionBuilder", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, license.StatusCode);
        // CSP 3: 'self' also matches ws: and wss: on the page's own host and port, so nothing wider is needed.
        var policy = script.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void RUN03_a_notification_stays_under_the_PostgreSQL_limit_whatever_the_event()
    {
        var members = Enumerable.Range(0, 400).Select(_ => Guid.NewGuid()).ToList();
        var chatId = Guid.NewGuid();
        var big = JsonSerializer.SerializeToElement(new { chatId, message = new { id = Guid.NewGuid(), text = new string('я', 6000) } },
            JsonSerializerOptions.Web);

        var small = LiveNotice.Encode(members.Take(3).ToList(), "message", JsonSerializer.SerializeToElement(new { chatId }, JsonSerializerOptions.Web));
        var one = LiveNotice.Encode(members.Take(1).ToList(), "message", big);
        var many = LiveNotice.Encode(members, "message", big);

        Assert.Equal(chatId, LiveNotice.Decode(Assert.Single(small)).Payload.GetProperty("chatId").GetGuid());
        var compact = LiveNotice.Decode(Assert.Single(one)).Payload;
        Assert.True(compact.GetProperty("truncated").GetBoolean());
        Assert.Equal(chatId, compact.GetProperty("chatId").GetGuid());
        Assert.False(compact.TryGetProperty("message", out _));
        Assert.True(many.Count > 1);
        Assert.All(many, text => Assert.True(Encoding.UTF8.GetByteCount(text) <= LiveNotice.MaxBytes));
        Assert.Equal(members.Order(), many.SelectMany(t => LiveNotice.Decode(t).MemberIds).Order());
    }

    [PostgresFact("several nodes share PostgreSQL; SQLite is one node")]
    public async Task RUN03_a_tab_on_one_node_gets_an_event_published_on_another_exactly_once()
    {
        var member = await Members.RegisterAsync(app);
        using var nodeB = Nodes.SecondNodeOf(app);
        await app.ListeningAsync();
        await nodeB.ListeningAsync();
        await using var tabOnA = await LiveClient.ConnectAsync(app, member.Token, events: "message");
        await using var tabOnB = await LiveClient.ConnectAsync(nodeB, member.Token, events: "message");
        var chatId = Guid.NewGuid();

        await PublishAsync(app, member.Id, Message(chatId, "from node A"));
        var sentinel = await LiveClient.PublishSentinelAsync(app, member.Id);

        foreach (var tab in new[] { tabOnA, tabOnB })
        {
            Assert.Equal(chatId, (await tab.NextAsync()).Payload.GetProperty("chatId").GetGuid());
            await tab.SentinelNextAsync(sentinel);
        }
    }

    [PostgresFact("only a NOTIFY has a size limit; SQLite delivers in process")]
    public async Task RUN03_an_event_too_big_for_a_notification_arrives_compact_for_the_client_to_refetch()
    {
        var member = await Members.RegisterAsync(app);
        await app.ListeningAsync();
        await using var tab = await LiveClient.ConnectAsync(app, member.Token, events: "message");
        var chatId = Guid.NewGuid();

        await PublishAsync(app, member.Id, Message(chatId, new string('x', 9000)));

        var payload = (await tab.NextAsync()).Payload;
        Assert.True(payload.GetProperty("truncated").GetBoolean());
        Assert.Equal(chatId, payload.GetProperty("chatId").GetGuid());
    }

    [PostgresFact("the listener connection exists on PostgreSQL only")]
    public async Task RUN03_a_node_listens_again_after_its_database_connection_drops()
    {
        static bool Listening(LogEntry e) => e.Message.StartsWith("Listening for live events", StringComparison.Ordinal);
        var member = await Members.RegisterAsync(app);
        await app.ListeningAsync();
        await app.Logs.NextAsync(Listening, "about listening");
        await using var tab = await LiveClient.ConnectAsync(app, member.Token, events: "message");
        var before = await ListenerPidsAsync();
        Assert.Single(before);

        await using (var admin = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
            kill.Parameters.AddWithValue("pid", before[0]);
            await kill.ExecuteScalarAsync();
        }
        // The node says when it listens again; only then can an event published on the channel reach it.
        await app.Logs.NextAsync(e => e.Message.StartsWith("The live events connection dropped", StringComparison.Ordinal), "about the dropped listener");
        await app.Logs.NextAsync(Listening, "about listening again");
        var after = await ListenerPidsAsync();
        Assert.NotEqual(before, after);
        Assert.Single(after);
        await PublishAsync(app, member.Id, Message(Guid.NewGuid(), "after the drop"));

        Assert.Equal("after the drop", (await tab.NextAsync()).Payload.GetProperty("message").GetProperty("text").GetString());
    }

    /// <summary>The backends of this database that are listening for live events.</summary>
    private async Task<List<int>> ListenerPidsAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tradehall-live-listener'", connection);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    /// <summary>Signs in through the sign-in page, as a browser does, and returns the Cookie header of the session.</summary>
    private async Task<string> SessionCookieAsync(TestMember member)
    {
        var cookies = new CookieContainerHandler();
        var site = new Uri("https://localhost");
        using var client = app.CreateDefaultClient(site, cookies);
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/sign-in"));
        var form = page.Forms.First(f => f.QuerySelector("input[name=Password]") is not null);
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Name is { Length: > 0 } && i.Type is not ("checkbox" or "radio"))
            .ToDictionary(i => i.Name!, i => i.Value);
        fields["Email"] = member.Email;
        fields["Password"] = member.Password;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? "/account/sign-in" : form.GetAttribute("action")!;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies.Container.GetCookieHeader(site);
    }
}
