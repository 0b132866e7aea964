using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Network.Images;

namespace Tradehall.Core.Marketplace.Listings;

public sealed record ListingCreated(Guid Id);

public sealed record PhotoAdded(Guid Id, string Url);

/// <summary>
/// MKT-01, MKT-05: posting, editing, renewing and withdrawing listings and their photos. Only the owner changes a
/// listing (anyone else gets 404), and each change stages the search entry in the same save.
/// </summary>
public sealed class ListingEditor(AppDbContext db, ListingInput input, SearchIndex index, Entitlements entitlements, ImagePipeline images,
    IFileStore files, Moderation.MemberRestrictions restrictions, IOptions<MarketplaceOptions> options, TimeProvider time)
{
    public const string PhotoArea = "listing-photos";

    public static string PhotoUrl(Guid listingId, Guid photoId) => $"/listings/{listingId}/photos/{photoId}";

    private MarketplaceOptions Limits => options.Value;

    public Task<ListingCreated> CreateAsync(Guid memberId, ListingRequest request, CancellationToken cancellationToken) =>
        CreateAsync(memberId, request, new FieldErrors(), cancellationToken);

    /// <summary>The form's door: <paramref name="unreadable"/> names what the form could not read (a typed number), refused with the rest.</summary>
    public async Task<ListingCreated> CreateAsync(Guid memberId, ListingRequest request, FieldErrors unreadable, CancellationToken cancellationToken)
    {
        // OPS-02: a member restricted from posting (or suspended) cannot post, edit or republish listings.
        await restrictions.EnsureAllowedAsync(memberId, Moderation.Restrictions.Posting, cancellationToken);
        var values = await input.CheckAsync(memberId, request, unreadable, cancellationToken);
        var now = time.UtcNow();
        var listing = new Listing
        {
            OwnerId = memberId,
            Status = ListingStatus.Active,
            Title = values.Title,
            Description = values.Description,
            Currency = values.Currency,
            Unit = values.Unit,
            Country = values.Country,
            Region = values.Region,
            PostedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + Limits.ListingValidity,
        };
        values.ApplyTo(listing);
        await ActivateAsync(listing, isNew: true, cancellationToken);
        return new ListingCreated(listing.Id);
    }

    public Task UpdateAsync(Guid memberId, Guid id, ListingRequest request, CancellationToken cancellationToken) =>
        UpdateAsync(memberId, id, request, new FieldErrors(), cancellationToken);

    /// <summary>The form's door, as <see cref="CreateAsync(Guid, ListingRequest, FieldErrors, CancellationToken)"/>.</summary>
    public async Task UpdateAsync(Guid memberId, Guid id, ListingRequest request, FieldErrors unreadable, CancellationToken cancellationToken)
    {
        var listing = await OwnAsync(memberId, id, cancellationToken);
        await restrictions.EnsureAllowedAsync(memberId, Moderation.Restrictions.Posting, cancellationToken);
        var values = await input.CheckAsync(memberId, request, unreadable, cancellationToken);
        values.ApplyTo(listing);
        listing.UpdatedAt = time.UtcNow();
        await index.StageAsync(listing, await IsSubscriberAsync(memberId, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// MKT-01: a new validity from now. An expired listing becomes active again when the plan allows one more;
    /// a withdrawn or blocked one stays closed.
    /// </summary>
    public async Task RenewAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var listing = await OwnAsync(memberId, id, cancellationToken);
        if (listing.Status is ListingStatus.Withdrawn or ListingStatus.Blocked)
        {
            throw DomainException.Conflict("marketplace.listing_closed", "id", "A withdrawn or blocked listing cannot be renewed.");
        }
        await restrictions.EnsureAllowedAsync(memberId, Moderation.Restrictions.Posting, cancellationToken);
        var now = time.UtcNow();
        listing.ExpiresAt = now + Limits.ListingValidity;
        listing.ExpiryWarnedAt = null;
        listing.UpdatedAt = now;
        if (listing.Status == ListingStatus.Active)
        {
            await index.StageAsync(listing, await IsSubscriberAsync(memberId, cancellationToken), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        listing.Status = ListingStatus.Active;
        await ActivateAsync(listing, isNew: false, cancellationToken);
    }

    /// <summary>MKT-01: the owner takes the listing down; it leaves the search and is kept for the chats about it.</summary>
    public async Task WithdrawAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var listing = await OwnAsync(memberId, id, cancellationToken);
        // A blocked listing stays blocked, so moderation's decision is not undone by withdrawing.
        if (listing.Status is ListingStatus.Withdrawn or ListingStatus.Blocked)
        {
            return;
        }
        listing.Status = ListingStatus.Withdrawn;
        listing.UpdatedAt = time.UtcNow();
        await index.StageAsync(listing, highlighted: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>MKT-01: a photo, re-encoded by the network's image pipeline (no metadata, JPEG only), after the others.</summary>
    public async Task<PhotoAdded> AddPhotoAsync(Guid memberId, Guid id, Stream upload, long length, CancellationToken cancellationToken)
    {
        var listing = await OwnAsync(memberId, id, cancellationToken);
        var positions = await db.Set<ListingPhoto>().Where(p => p.ListingId == listing.Id).Select(p => p.Position).ToListAsync(cancellationToken);
        if (positions.Count >= Limits.MaxPhotos)
        {
            throw DomainException.Field("marketplace.too_many_photos", "photo", "The listing already has as many photos as allowed.");
        }
        var key = await images.StoreAsync(PhotoArea, upload, length, "photo", cancellationToken);
        var photo = new ListingPhoto { ListingId = listing.Id, StorageKey = key, Position = positions.Count == 0 ? 0 : positions.Max() + 1 };
        db.Set<ListingPhoto>().Add(photo);
        listing.UpdatedAt = time.UtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        await index.PhotosChangedAsync(listing.Id, cancellationToken);
        return new PhotoAdded(photo.Id, PhotoUrl(listing.Id, photo.Id));
    }

    public async Task RemovePhotoAsync(Guid memberId, Guid id, Guid photoId, CancellationToken cancellationToken)
    {
        var listing = await OwnAsync(memberId, id, cancellationToken);
        var photo = await db.Set<ListingPhoto>().FirstOrDefaultAsync(p => p.Id == photoId && p.ListingId == listing.Id, cancellationToken)
            ?? throw DomainException.NotFound("marketplace.photo_not_found", "There is no such photo.");
        db.Remove(photo);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Its thumbnail was recorded after the read: read the photo again, so that file goes too.
            await db.Entry(photo).ReloadAsync(cancellationToken);
            if (db.Entry(photo).State == EntityState.Detached)
            {
                throw DomainException.NotFound("marketplace.photo_not_found", "There is no such photo.");
            }
            db.Remove(photo);
            await db.SaveChangesAsync(cancellationToken);
        }
        await index.PhotosChangedAsync(listing.Id, cancellationToken);
        await files.DeleteAsync(photo.StorageKey, cancellationToken);
        if (photo.ThumbnailKey is { } thumbnail)
        {
            await files.DeleteAsync(thumbnail, cancellationToken);
        }
    }

    /// <summary>
    /// MKT-05: a listing becomes active only within the plan. A free member's count and insert are serialized
    /// (an advisory lock on PostgreSQL, SQLite's single writer), so two posts at once never pass the limit.
    /// </summary>
    private async Task ActivateAsync(Listing listing, bool isNew, CancellationToken cancellationToken)
    {
        var subscriber = await IsSubscriberAsync(listing.OwnerId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!subscriber)
        {
            await db.Database.LockForTransactionAsync(DatabaseLockKeys.ListingLimit, cancellationToken);
            var active = await db.Set<Listing>().CountAsync(l => l.OwnerId == listing.OwnerId && l.Status == ListingStatus.Active && l.Id != listing.Id,
                cancellationToken);
            if (active >= Limits.FreeActiveListings)
            {
                throw new DomainException("marketplace.listing_limit",
                    "Your plan allows no more active listings. Withdraw one or subscribe to the marketplace.", StatusCodes.Status403Forbidden);
            }
        }
        if (isNew)
        {
            db.Set<Listing>().Add(listing);
        }
        await index.StageAsync(listing, subscriber, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<bool> IsSubscriberAsync(Guid memberId, CancellationToken cancellationToken) =>
        entitlements.HasActiveAsync(memberId, ServiceCatalog.Marketplace, cancellationToken);

    private async Task<Listing> OwnAsync(Guid memberId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Listing>().FirstOrDefaultAsync(l => l.Id == id && l.OwnerId == memberId, cancellationToken)
            ?? throw NotFound();

    internal static DomainException NotFound() => DomainException.NotFound("marketplace.listing_not_found", "There is no such listing.");
}
