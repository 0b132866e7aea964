using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tradehall.Core.Messaging.Attachments;
using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Complaints;
using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Messaging.Search;
using Tradehall.Core.Messaging.Sending;
using Tradehall.Core.Messaging.Settings;
using Tradehall.Core.Network;

namespace Tradehall.Core.Messaging;

public sealed record MessageCreated(long Id, DateTime SentAt);

public sealed record AttachmentCreated(long Id, DateTime SentAt, Guid AttachmentId);

public static class MessagingModule
{
    public static void AddMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<MessagingOptions>(MessagingOptions.SectionName);
        services.AddScoped<ChatAccess>();
        services.AddScoped<ChatPreferences>();
        services.AddScoped<ChatUnreadCounts>();
        services.AddScoped<LiveChatEvents>();
        services.AddScoped<Sandbox>();
        services.AddScoped<SendMessage>();
        services.AddScoped<IMessaging, MessagingApi>();
        services.AddScoped<IHomeContribution, MessagingHome>();
        services.AddScoped<ChatList>();
        services.AddScoped<IPersonalDataSource, MessagingPersonalData>();
        services.AddScoped<History>();
        services.AddScoped<MarkRead>();
        services.AddScoped<Download>();
        services.AddScoped<ReportMessage>();
        services.AddScoped<Moderation.IComplaintRecords, MessageComplaintRecords>();
        services.AddScoped<SearchChats>();
        services.AddScoped<IFullTextIndex>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? new PostgresFullTextIndex(sp.GetRequiredService<AppDbContext>())
            : new SqliteFullTextIndex(sp.GetRequiredService<AppDbContext>()));
    }

    /// <summary>MSG-01..05: the member's chats. Every route checks participation; others get 404 (SEC-05).</summary>
    public static void MapMessaging(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var chats = app.MapGroup("/api/v1/chats").WithTags("Chats").RequireScope(ApiScopes.Chats);
        chats.MapPost("", async (StartChatRequest request, HttpContext http, SendMessage send, CancellationToken ct) =>
        {
            var started = await send.StartAsync(http.User.MemberId(), request, ct);
            return TypedResults.Created($"/api/v1/chats/{started.ChatId}/messages", started);
        });
        chats.MapGet("", (HttpContext http, ChatList list, CancellationToken ct) => list.HandleAsync(http.User.MemberId(), ct));
        chats.MapGet("/search", (string? q, HttpContext http, SearchChats search, CancellationToken ct) => search.HandleAsync(http.User.MemberId(), q, ct));
        chats.MapGet("/{id:guid}/messages", (Guid id, string? before, int? limit, HttpContext http, History history, CancellationToken ct) =>
            history.HandleAsync(http.User.MemberId(), id, before, limit, ct));
        chats.MapGet("/{id:guid}/messages/{messageId:long}", (Guid id, long messageId, HttpContext http, History history, CancellationToken ct) =>
            history.MessageAsync(http.User.MemberId(), id, messageId, ct));
        chats.MapPost("/{id:guid}/messages", async (Guid id, SendMessageRequest request, HttpContext http, SendMessage send, CancellationToken ct) =>
        {
            var sent = await send.SendAsync(http.User.MemberId(), id, request, ct);
            return TypedResults.Created($"/api/v1/chats/{id}/messages/{sent.Id}", new MessageCreated(sent.Id, sent.SentAt));
        });
        chats.MapPost("/{id:guid}/read", (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] MarkReadRequest? request, HttpContext http,
            MarkRead read, CancellationToken ct) => read.HandleAsync(http.User.MemberId(), id, request ?? new MarkReadRequest(null), ct));
        chats.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile? file, [FromForm] string? text, HttpContext http, SendMessage send, CancellationToken ct) =>
        {
            if (file is null)
            {
                throw DomainException.Field("messaging.file_required", "file", "Choose a file to send.");
            }
            var sent = await send.SendAsync(http.User.MemberId(), id, text, new Upload(file.FileName, file.Length, file.OpenReadStream), ct);
            return TypedResults.Created($"/api/v1/chats/{id}/attachments/{sent.AttachmentId}", new AttachmentCreated(sent.Id, sent.SentAt, sent.AttachmentId!.Value));
        })
            // Bearer tokens only: no cookie rides along, so there is no cross-site request to forge.
            .DisableAntiforgery()
            .WithUploadLimit(limits.MaxAttachmentBytes);
        chats.MapGet("/{chatId:guid}/attachments/{attachmentId:guid}", async (Guid chatId, Guid attachmentId, HttpContext http, Download download, CancellationToken ct) =>
        {
            var file = await download.HandleAsync(http.User.MemberId(), chatId, attachmentId, ct);
            return Deliver(http, file);
        });
        chats.MapPost("/{id:guid}/messages/{messageId:long}/report", async (Guid id, long messageId, ReportRequest request, HttpContext http,
            ReportMessage report, CancellationToken ct) =>
        {
            var complaint = await report.HandleAsync(http.User.MemberId(), id, messageId, request, ct);
            return TypedResults.Created($"/api/v1/chats/{id}/messages/{messageId}", complaint);
        });

        var me = app.MapGroup("/api/v1/me").WithTags("Chats").RequireScope(ApiScopes.Chats);
        me.MapGet("/chat-settings", (HttpContext http, ChatPreferences preferences, CancellationToken ct) => preferences.GetAsync(http.User.MemberId(), ct));
        me.MapPut("/chat-settings", (ChatSettingsRequest request, HttpContext http, ChatPreferences preferences, CancellationToken ct) =>
            preferences.SaveAsync(http.User.MemberId(), request, ct));
    }

    /// <summary>SEC-07: a stored file always downloads (never renders in the site's origin), with the sniffed type.</summary>
    public static IResult Deliver(HttpContext http, AttachmentFile file)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
