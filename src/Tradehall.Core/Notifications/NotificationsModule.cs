using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Notifications.Digests;
using Tradehall.Core.Notifications.Live;
using Tradehall.Core.Notifications.Preferences;

namespace Tradehall.Core.Notifications;

public static class NotificationsModule
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<NotificationsOptions>(NotificationsOptions.SectionName);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSaveInterceptor>();
        builder.Services.AddScoped<IOutbox, Outbox>();
        builder.Services.AddScoped<Notifier>();
        builder.AddLive();
        builder.Services.AddScoped<MailSender>();
        builder.Services.AddScoped<SmsSender>();
        builder.Services.AddHttpClient(nameof(SmsSender));
        builder.Services.AddSingleton<OutboxWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        builder.Services.AddSingleton<NotificationTexts>();
        builder.Services.AddSingleton<NotificationMail>();
        builder.Services.AddSingleton<UnreadCounts>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnreadCounts>());
        builder.Services.AddSingleton<IInterceptor, NotificationSaveInterceptor>();
        builder.Services.AddScoped<NotificationCentre>();
        builder.Services.AddScoped<NotificationPreferences>();
        builder.Services.AddScoped<IPersonalDataSource, NotificationPersonalData>();
        builder.Services.AddScoped<Digest>();
        builder.Services.AddHostedService<DigestWorker>();
    }

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);

        // NTF-01: the centre and the preferences; every call sees only the caller's own entries.
        var centre = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireScope(ApiScopes.Account);
        centre.MapGet("", (HttpContext http, NotificationCentre notifications, bool? unreadOnly, [AsParameters] PageRequest page, CancellationToken ct) =>
            notifications.ListAsync(http.User.MemberId(), unreadOnly ?? false, page, ct));
        centre.MapGet("/unread-count", async (HttpContext http, NotificationCentre notifications, CancellationToken ct) =>
            new UnreadCountResponse(await notifications.UnreadAsync(http.User.MemberId(), ct)));
        centre.MapPost("/{id:guid}/read", (Guid id, HttpContext http, NotificationCentre notifications, CancellationToken ct) =>
            notifications.ReadAsync(http.User.MemberId(), id, ct).ThenNoContent());
        centre.MapPost("/read-all", (HttpContext http, NotificationCentre notifications, CancellationToken ct) =>
            notifications.ReadAllAsync(http.User.MemberId(), ct).ThenNoContent());

        var me = app.MapGroup("/api/v1/me").WithTags("Notifications").RequireScope(ApiScopes.Account);
        me.MapGet("/notification-preferences", (HttpContext http, NotificationPreferences preferences, CancellationToken ct) =>
            preferences.GetAsync(http.User.MemberId(), ct));
        me.MapPut("/notification-preferences", (PreferencesRequest request, HttpContext http, NotificationPreferences preferences, CancellationToken ct) =>
            preferences.UpdateAsync(http.User.MemberId(), request, ct));
    }
}
