using Tradehall.Core.Accounts;
using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Messaging;

/// <summary>MSG-05: new and unconfirmed accounts write under limits; every member has a send rate.</summary>
public sealed class SandboxTests(SandboxTests.App app) : IClassFixture<SandboxTests.App>
{
    public sealed class App : ChatApp
    {
        public App()
        {
            Settings["Messaging:SandboxNewChatsPerDay"] = "2";
            Settings["Messaging:SandboxFirstMessages"] = "2";
            Settings["Messaging:SandboxAccountAgeDays"] = "7";
            Settings["Messaging:MessagesPerMinute"] = "8";
        }
    }

    private async Task<TestMember> NewWithConfirmedPhoneAsync()
    {
        var member = await Members.RegisterAsync(app);
        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.PhoneNumberConfirmed, true)));
        return member;
    }

    [Fact]
    public async Task MSG05_a_young_account_starts_a_few_chats_a_day_and_the_limit_lifts_as_the_account_ages()
    {
        var young = await NewWithConfirmedPhoneAsync();
        var others = new List<TestMember>();
        for (var i = 0; i < 4; i++)
        {
            others.Add(await TrustedAsync(app));
        }
        await StartAsync(app, young, others[0]);
        await StartAsync(app, young, others[1]);
        using var client = app.Api(young.Token);
        var refused = await client.PostAsJsonAsync("/api/v1/chats", new { to = others[2].Id.ToString(), text = "Hello" });
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, code: "messaging.new_chat_limit");
        // Writing again into an existing chat is not a new chat.
        await StartAsync(app, young, others[0], "Still here");

        app.Clock.Advance(TimeSpan.FromDays(8));
        await StartAsync(app, young, others[2]);
        await StartAsync(app, young, others[3]);
    }

    [Fact]
    public async Task MSG05_an_account_without_a_confirmed_phone_sends_no_links_or_files_in_its_first_messages()
    {
        var unconfirmed = await Members.RegisterAsync(app);
        var registered = app.Clock.GetUtcNow().UtcDateTime.AddDays(-60);
        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == unconfirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.RegisteredAt, registered)));
        var other = await TrustedAsync(app);
        using var client = app.Api(unconfirmed.Token);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = other.Id.ToString(), text = "See https://cheap.example.com now" }),
            HttpStatusCode.BadRequest, "text", "messaging.sandbox_link");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chats", new { to = other.Id.ToString(), text = "Visit www.example.org" }),
            HttpStatusCode.BadRequest, "text");
        var (chatId, _) = await StartAsync(app, unconfirmed, other, "Hello, plain text is fine");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(AttachmentTests.Pdf), "file", "offer.pdf" } };
        await AssertProblemAsync(await client.PostAsync($"/api/v1/chats/{chatId}/attachments", form), HttpStatusCode.BadRequest, "file", "messaging.sandbox_file");
        await SendAsync(app, unconfirmed, chatId, "Second plain message");
        // After the first messages, links pass.
        await SendAsync(app, unconfirmed, chatId, "Our catalogue: https://example.com/catalogue");
    }

    [Fact]
    public async Task MSG05_SEC06_every_member_has_a_send_rate_answering_429()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b);
        for (var i = 1; i < 8; i++)
        {
            await SendAsync(app, a, chatId, $"Message {i}");
        }
        using var client = app.Api(a.Token);
        var refused = await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages", new { text = "One too many" });
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, code: "messaging.rate_limited");
        Assert.NotNull(refused.Headers.RetryAfter);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(app, a, chatId, "After a pause");
    }
}
