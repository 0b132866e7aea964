using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tradehall.Core.Notifications.Live;

namespace Tradehall.Core.Notifications;

public static class NotificationsModule
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSaveInterceptor>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<Notifier>();
        builder.AddLive();
        builder.Services.AddScoped<MailSender>();
        builder.Services.AddScoped<SmsSender>();
        builder.Services.AddHttpClient(nameof(SmsSender));
        builder.Services.AddSingleton<OutboxWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
    }

    public static void MapNotifications(this IEndpointRouteBuilder app) => app.MapHub<LiveHub>(LiveHub.Path);
}
