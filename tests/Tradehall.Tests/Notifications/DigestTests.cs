using Tradehall.Core.Notifications;
using static Tradehall.Tests.Notifications.NotificationSteps;

namespace Tradehall.Tests.Notifications;

/// <summary>NTF-03: unread chat messages reach the member as one digest email after the delay, never one email each.</summary>
public sealed class DigestTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private static readonly Guid TimberChat = Guid.Parse("0195b1c2-0000-7000-8000-00000000000a");
    private static readonly Guid BoardsChat = Guid.Parse("0195b1c2-0000-7000-8000-00000000000b");

    [Fact]
    public async Task NTF03_messages_in_two_chats_make_one_digest_after_the_delay_grouped_by_chat()
    {
        var member = await Members.RegisterAsync(app);
        await MessageAsync(app, member.Id, TimberChat, "Ivan Petrov", "Do you have 40 m³ of pine?");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await MessageAsync(app, member.Id, TimberChat, "Ivan Petrov", "Delivery to Arkhangelsk, please.");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await MessageAsync(app, member.Id, BoardsChat, "Olga Smirnova", "Boards are ready.");

        await RunDigestAsync(app);
        Assert.Empty(await NotificationEmailsAsync(app, member.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(12).Add(TimeSpan.FromSeconds(59)));
        await RunDigestAsync(app);
        Assert.Empty(await NotificationEmailsAsync(app, member.Id));

        // t0 + 15 min: the first message is due, and the digest takes all three.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunDigestAsync(app);
        var digest = Assert.Single(await NotificationEmailsAsync(app, member.Id));
        Assert.Equal("You have unread messages", digest.Subject);
        var body = digest.Body;
        Assert.Contains("2 new messages from Ivan Petrov", body, StringComparison.Ordinal);
        Assert.Contains("1 new message from Olga Smirnova", body, StringComparison.Ordinal);
        Assert.Contains("“Do you have 40 m³ of pine?”", body, StringComparison.Ordinal);
        Assert.Contains("“Boards are ready.”", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("Ivan Petrov", StringComparison.Ordinal) < body.IndexOf("Delivery to Arkhangelsk", StringComparison.Ordinal)
            && body.IndexOf("Delivery to Arkhangelsk", StringComparison.Ordinal) < body.IndexOf("Olga Smirnova", StringComparison.Ordinal));
        Assert.Contains($"http://localhost:5080/chats/{TimberChat:N}", body, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/chats/{BoardsChat:N}", body, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDb(db => db.Set<Notification>().CountAsync(n => n.MemberId == member.Id && n.DigestedAt != null && n.ReadAt == null)));
        await app.Mail.NextAsync(member.Email, "You have unread messages");

        // Nothing is sent twice; a later message waits for its own delay.
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await RunDigestAsync(app);
        Assert.Single(await NotificationEmailsAsync(app, member.Id));
        await MessageAsync(app, member.Id, TimberChat, "Ivan Petrov", "Any news?");
        await RunDigestAsync(app);
        Assert.Single(await NotificationEmailsAsync(app, member.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunDigestAsync(app);
        var second = await NotificationEmailsAsync(app, member.Id);
        Assert.Equal(2, second.Count);
        Assert.Equal("Ivan Petrov wrote to you", second[1].Subject);
        Assert.Contains("1 new message from Ivan Petrov", second[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Boards are ready.", second[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NTF03_a_chat_read_before_the_delay_is_not_emailed()
    {
        var member = await Members.RegisterAsync(app);
        await MessageAsync(app, member.Id, TimberChat, "Ivan Petrov", "Pine or spruce?");
        await MessageAsync(app, member.Id, BoardsChat, "Olga Smirnova", "Invoice attached.");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().MarkGroupReadAsync(member.Id, $"chat:{TimberChat:N}", CancellationToken.None);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await RunDigestAsync(app);
        var digest = Assert.Single(await NotificationEmailsAsync(app, member.Id));
        Assert.Contains("Invoice attached.", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Pine or spruce?", digest.Body, StringComparison.Ordinal);

        // Everything read in time: no digest at all.
        var reader = await Members.RegisterAsync(app);
        await MessageAsync(app, reader.Id, TimberChat, "Ivan Petrov", "Pine or spruce?");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().MarkGroupReadAsync(reader.Id, $"chat:{TimberChat:N}", CancellationToken.None);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await RunDigestAsync(app);
        Assert.Empty(await NotificationEmailsAsync(app, reader.Id));
    }

    [Fact]
    public async Task NTF03_no_digest_when_the_member_switched_message_emails_off()
    {
        var member = await Members.RegisterAsync(app);
        using var api = app.Api(member.Token);
        var off = await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = new object[] { new { type = "message", email = false } } });
        Assert.True(off.IsSuccessStatusCode);
        await MessageAsync(app, member.Id, TimberChat, "Ivan Petrov", "Pine or spruce?");
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await RunDigestAsync(app);
        Assert.Empty(await NotificationEmailsAsync(app, member.Id));
        // Still unread in the centre, and not picked up again later.
        var entry = await app.WithDb(db => db.Set<Notification>().SingleAsync(n => n.MemberId == member.Id));
        Assert.Null(entry.ReadAt);
        Assert.NotNull(entry.DigestedAt);
    }

    [Fact]
    public async Task NTF03_a_russian_member_gets_the_digest_in_russian()
    {
        var member = await Members.RegisterAsync(app);
        await SetCultureAsync(app, member.Id, "ru");
        await MessageAsync(app, member.Id, TimberChat, "Иван Петров", "Есть сосна 40 м³?");
        await MessageAsync(app, member.Id, TimberChat, "Иван Петров", "Доставка в Архангельск.");
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunDigestAsync(app);
        Assert.Equal("У вас есть непрочитанные сообщения", Assert.Single(await NotificationEmailsAsync(app, member.Id)).Subject);
        var body = (await app.Mail.NextAsync(member.Email, "У вас есть непрочитанные сообщения")).Body;
        Assert.Contains("Здравствуйте, Elena!", body, StringComparison.Ordinal);
        Assert.Contains("Эти сообщения ждут вашего ответа:", body, StringComparison.Ordinal);
        Assert.Contains("Иван Петров: новых сообщений — 2", body, StringComparison.Ordinal);
        Assert.Contains("“Доставка в Архангельск.”", body, StringComparison.Ordinal);
    }
}
