using Microsoft.AspNetCore.Mvc;
using Tradehall.Core.Messaging;
using Tradehall.Core.Messaging.Sending;
using Tradehall.Core.Network;
using Tradehall.Core.Network.Images;

namespace Tradehall.Core.Marketplace.Listings;

/// <summary>MKT-01, MKT-05, MKT-06, ANL-04: the listings' services, background job and routes.</summary>
public static class ListingEndpoints
{
    /// <summary>Complaints the operator's queue shows at once.</summary>
    public const int QueueSize = 200;

    public static void AddListings(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<IMarketplace, MarketplaceDirectory>();
        services.AddScoped<IListingInquiries, MarketplaceDirectory>();
        services.AddScoped<IHomeContribution, MarketplaceHome>();
        services.AddScoped<IDomainEventSubscriber<InquiryStarted>, InquiryCounter>();
        services.AddScoped<ListingInput>();
        services.AddScoped<ListingEditor>();
        services.AddScoped<ListingReader>();
        services.AddScoped<ListingPhotoFiles>();
        services.AddScoped<ListingModeration>();
        services.AddScoped<ListingExpiry>();
        services.AddHostedService<ListingExpiryWorker>();
    }

    /// <summary>Who is looking, for counting views once per viewer: the member, or the visitor's address.</summary>
    public static string ViewerKey(HttpContext http) =>
        http.User.ViewerId()?.ToString() ?? http.Connection.RemoteIpAddress?.ToString() ?? "";

    public static void MapListings(this IEndpointRouteBuilder app)
    {
        // Listings are public, like the search that finds them; a signed-in viewer is still recognised as the owner.
        var read = app.MapGroup("/api/v1").WithTags("Marketplace").Public(NetworkModule.ReadPolicy);
        read.MapGet("/listings/{id:guid}", (Guid id, HttpContext http, ListingReader reader, CancellationToken ct) =>
            reader.ViewAsync(id, http.User.ViewerId(), ViewerKey(http), ct));

        var member = app.MapGroup("/api/v1").WithTags("Marketplace").RequireScope(ApiScopes.Marketplace);
        member.MapPost("/listings", async (ListingRequest request, HttpContext http, ListingEditor editor, CancellationToken ct) =>
        {
            var created = await editor.CreateAsync(http.User.MemberId(), request, ct);
            return TypedResults.Created($"/api/v1/listings/{created.Id}", created);
        });
        member.MapPut("/listings/{id:guid}", async (Guid id, ListingRequest request, HttpContext http, ListingEditor editor, ListingReader reader,
            CancellationToken ct) =>
        {
            await editor.UpdateAsync(http.User.MemberId(), id, request, ct);
            return await reader.ViewAsync(id, http.User.MemberId(), null, ct);
        });
        member.MapPost("/listings/{id:guid}/renew", async (Guid id, HttpContext http, ListingEditor editor, ListingReader reader, CancellationToken ct) =>
        {
            await editor.RenewAsync(http.User.MemberId(), id, ct);
            return await reader.ViewAsync(id, http.User.MemberId(), null, ct);
        });
        member.MapDelete("/listings/{id:guid}", (Guid id, HttpContext http, ListingEditor editor, CancellationToken ct) =>
            editor.WithdrawAsync(http.User.MemberId(), id, ct).ThenNoContent());
        member.MapGet("/me/listings", (HttpContext http, ListingReader reader, CancellationToken ct) => reader.OwnAsync(http.User.MemberId(), ct));

        // Uploads take bearer tokens only, so no cookie rides along and there is no cross-site request to forge.
        var imageMaxBytes = app.ServiceProvider.GetRequiredService<IOptions<NetworkOptions>>().Value.ImageMaxBytes;
        member.MapPost("/listings/{id:guid}/photos", async (Guid id, IFormFile? photo, HttpContext http, ListingEditor editor, CancellationToken ct) =>
        {
            await using var content = photo?.OpenReadStream() ?? Stream.Null;
            var added = await editor.AddPhotoAsync(http.User.MemberId(), id, content, photo?.Length ?? 0, ct);
            return TypedResults.Created(added.Url, added);
        }).DisableAntiforgery().WithUploadLimit(imageMaxBytes);
        member.MapDelete("/listings/{id:guid}/photos/{photoId:guid}", (Guid id, Guid photoId, HttpContext http, ListingEditor editor,
            CancellationToken ct) =>
            editor.RemovePhotoAsync(http.User.MemberId(), id, photoId, ct).ThenNoContent());
        member.MapPost("/listings/{id:guid}/complaints", async (Guid id, ListingComplaintRequest request, HttpContext http, ListingModeration moderation,
            CancellationToken ct) =>
        {
            var created = await moderation.ReportAsync(http.User.MemberId(), id, request, ct);
            return TypedResults.Created($"/api/v1/listings/{id}", created);
        });

        var staff = app.MapGroup("/api/v1/operator").WithTags("Operator").RequireOperator();
        staff.MapGet("/listing-complaints", (ListingModeration moderation, CancellationToken ct) => moderation.ListAsync(QueueSize, ct));
        staff.MapPost("/listings/{id:guid}/block", (Guid id, ListingModeration moderation, CancellationToken ct) =>
            moderation.BlockAsync(id, ct).ThenNoContent());

        // Photos are reached by <img> on pages (session cookie) and by API clients (bearer) alike.
        var media = app.MapGroup("").WithTags("Marketplace").RequireAuthorization(NetworkModule.ReadPolicy);
        media.MapGet("/listings/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, string? size, HttpContext http, ListingPhotoFiles photos,
            CancellationToken ct) =>
        {
            if (size is not null && size != ListingPhotoFiles.ThumbnailSize)
            {
                throw DomainException.Field("marketplace.photo_size_unknown", "size", $"A photo comes in its own size or as size={ListingPhotoFiles.ThumbnailSize}.");
            }
            return ImageResults.Jpeg(http, await photos.OpenAsync(id, photoId, http.User.ViewerId(), size is not null, ct), "photo.jpg");
        });
    }
}
