using Microsoft.AspNetCore.TestHost;
using Tradehall.Core.Accounts;
using Tradehall.Core.Data;
using Tradehall.Core.Notifications;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Notifications;

/// <summary>A test host recording live events, whose digests are due 15 minutes after a message (the job runs when a test runs it).</summary>
public sealed class NotificationsApp : TradehallApp
{
    public NotificationsApp() => Settings["Notifications:DigestDelay"] = "00:15:00";

    public RecordingLiveEvents Live { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(Live.AddTo);
    }
}

public static class NotificationSteps
{
    /// <summary>What another module does: adds a notification in its unit of work and saves.</summary>
    public static async Task NotifyAsync(TradehallApp app, NotificationRequest request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Notifier>().Add(request);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    public static Task MessageAsync(TradehallApp app, Guid to, Guid chat, string from, string text) =>
        NotifyAsync(app, new NotificationRequest(to, NotificationType.Message, $"/chats/{chat:N}", Guid.NewGuid(), from, text, $"chat:{chat:N}"));

    public static async Task<int> RunDigestAsync(TradehallApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Core.Notifications.Digests.Digest>().RunDueAsync(CancellationToken.None);
    }

    /// <summary>The notification emails queued for a member (every one links to the preferences).</summary>
    public static Task<List<OutboxMessage>> NotificationEmailsAsync(TradehallApp app, Guid member) =>
        app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MemberId == member && m.Channel == Channel.Email && m.Body.Contains("/settings/notifications"))
            .OrderBy(m => m.CreatedAt).ToListAsync());

    public static Task SetCultureAsync(TradehallApp app, Guid member, string culture) =>
        app.WithDb(db => db.Set<Member>().Where(m => m.Id == member).ExecuteUpdateAsync(s => s.SetProperty(m => m.Culture, culture)));
}
