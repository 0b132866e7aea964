using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Messaging;

/// <summary>MSG-01, SEC-05: every chat route, for a participant, the other participant, an outsider and an anonymous visitor.</summary>
public sealed class ChatAccessTests(ChatApp app) : IClassFixture<ChatApp>
{
    private sealed record Route(string Name, Func<HttpClient, Task<HttpResponseMessage>> Call, HttpStatusCode ForParticipant);

    private static List<Route> Routes(Guid chatId, long messageId, long ownMessageId, Guid attachmentId) =>
    [
        new("history", c => c.GetAsync($"/api/v1/chats/{chatId}/messages"), HttpStatusCode.OK),
        new("one message", c => c.GetAsync($"/api/v1/chats/{chatId}/messages/{messageId}"), HttpStatusCode.OK),
        new("send", c => c.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages", new { text = "Hi" }), HttpStatusCode.Created),
        new("read", c => c.PostAsync($"/api/v1/chats/{chatId}/read", null), HttpStatusCode.OK),
        new("attach", c => c.PostAsync($"/api/v1/chats/{chatId}/attachments",
            new MultipartFormDataContent { { new ByteArrayContent(AttachmentTests.Pdf), "file", "a.pdf" } }), HttpStatusCode.Created),
        new("download", c => c.GetAsync($"/api/v1/chats/{chatId}/attachments/{attachmentId}"), HttpStatusCode.OK),
        new("report", c => c.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{ownMessageId}/report", new { reason = "Spam" }), HttpStatusCode.Created),
    ];

    [Fact]
    public async Task MSG01_only_participants_reach_a_chat_and_outsiders_get_404_everywhere()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var outsider = await TrustedAsync(app);
        var (chatId, fromA) = await StartAsync(app, a, b, "Secret price 1234 nonce" + chatId4());
        var fromB = await SendAsync(app, b, chatId, "Agreed");
        using (var client = app.Api(a.Token))
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(AttachmentTests.Pdf), "file", "terms.pdf" } };
            var attached = await client.PostAsync($"/api/v1/chats/{chatId}/attachments", form);
            var attachmentId = (await attached.JsonAsync()).GetProperty("attachmentId").GetGuid();

            foreach (var (member, reported) in new[] { (a, fromB), (b, fromA) })
            {
                using var participant = app.Api(member.Token);
                foreach (var route in Routes(chatId, fromA, reported, attachmentId))
                {
                    var response = await route.Call(participant);
                    Assert.True(route.ForParticipant == response.StatusCode, $"participant, {route.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            using var stranger = app.Api(outsider.Token);
            foreach (var route in Routes(chatId, fromA, fromA, attachmentId))
            {
                var response = await route.Call(stranger);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"outsider, {route.Name}: {(int)response.StatusCode}");
            }
            using var anonymous = app.Api();
            foreach (var route in Routes(chatId, fromA, fromA, attachmentId))
            {
                var response = await route.Call(anonymous);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"anonymous, {route.Name}: {(int)response.StatusCode}");
            }
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/chats")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/chats/search?q=secret")).StatusCode);

            // The outsider's list and search know nothing of the chat; an attachment of another chat is not reachable through the outsider's own chat.
            Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/chats")).JsonAsync()).GetArrayLength());
            Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/chats/search?q=secret")).JsonAsync()).GetArrayLength());
            var (ownChat, _) = await StartAsync(app, outsider, a, "Hello");
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/chats/{ownChat}/attachments/{attachmentId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/chats/{ownChat}/messages/{fromA}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await stranger.PostAsJsonAsync($"/api/v1/chats/{ownChat}/messages/{fromB}/report", new { reason = "x" })).StatusCode);
        }

        static string chatId4() => Guid.NewGuid().ToString("N")[..4];
    }
}
