using Tradehall.Core.Network.Images;

namespace Tradehall.Core.Marketplace.Listings;

/// <summary>
/// MKT-01, MKT-02: a listing's photos as files, full size or as the small square thumbnail search results show. Anyone
/// sees the photos of an active listing; only the owner those of one that is not.
/// </summary>
public sealed class ListingPhotoFiles(AppDbContext db, ImagePipeline images, IFileStore files)
{
    public const string ThumbnailArea = "listing-thumbnails";

    /// <summary>The one size a photo comes in besides its own (<c>?size=thumb</c>).</summary>
    public const string ThumbnailSize = "thumb";

    public static string ThumbnailUrl(string photoUrl) => photoUrl + "?size=" + ThumbnailSize;

    /// <summary>The photo or its thumbnail, or null (answered as 404) when the viewer may not see it.</summary>
    public async Task<Stream?> OpenAsync(Guid listingId, Guid photoId, Guid? viewerId, bool thumbnail, CancellationToken cancellationToken)
    {
        var photo = await db.Set<ListingPhoto>().AsNoTracking().Where(p => p.Id == photoId && p.ListingId == listingId)
            .Join(db.Set<Listing>().Where(l => l.Status == ListingStatus.Active || l.OwnerId == viewerId), p => p.ListingId, l => l.Id,
                (p, l) => new { p.StorageKey, p.ThumbnailKey })
            .FirstOrDefaultAsync(cancellationToken);
        if (photo is null)
        {
            return null;
        }
        // A thumbnail that cannot be made now gives way to the full photo, which the page scales down.
        if (thumbnail && (photo.ThumbnailKey ?? await MakeThumbnailAsync(photoId, photo.StorageKey, cancellationToken)) is { } key
            && files.Open(key) is { } small)
        {
            return small;
        }
        return files.Open(photo.StorageKey);
    }

    /// <summary>Makes the thumbnail once: of two first requests at once, the first recorded is kept and the other's file deleted.</summary>
    private async Task<string?> MakeThumbnailAsync(Guid photoId, string storageKey, CancellationToken cancellationToken)
    {
        var made = await images.ThumbnailAsync(storageKey, ThumbnailArea, cancellationToken);
        if (made is null)
        {
            return null;
        }
        var recorded = await db.Set<ListingPhoto>().Where(p => p.Id == photoId && p.ThumbnailKey == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ThumbnailKey, made), cancellationToken);
        if (recorded == 1)
        {
            return made;
        }
        await files.DeleteAsync(made, CancellationToken.None);
        return await db.Set<ListingPhoto>().AsNoTracking().Where(p => p.Id == photoId).Select(p => p.ThumbnailKey).FirstOrDefaultAsync(cancellationToken);
    }
}
