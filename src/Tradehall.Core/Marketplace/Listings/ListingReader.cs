using System.Security.Cryptography;
using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Network;

namespace Tradehall.Core.Marketplace.Listings;

public sealed record ListingPhotoView(Guid Id, string Url);

public sealed record ListingCategory(int Id, string Name);

/// <summary>ANL-04: what only the owner sees of their listing.</summary>
public sealed record ListingStats(long Views, long Inquiries);

/// <summary>MKT-01: a listing's page (<c>GET /api/v1/listings/{id}</c>).</summary>
public sealed record ListingView(
    Guid Id,
    ListingType Type,
    ListingStatus Status,
    string Title,
    string Description,
    ListingCategory Category,
    decimal Price,
    string Currency,
    string Unit,
    decimal Quantity,
    string Country,
    string Region,
    DateTime PostedAt,
    DateTime UpdatedAt,
    DateTime ExpiresAt,
    IReadOnlyList<ListingPhotoView> Photos,
    MemberCard? Owner,
    OrganizationCard? Organization,
    bool Highlighted,
    bool IsOwner,
    ListingStats? Stats);

/// <summary>One row of the owner's list (<c>GET /api/v1/me/listings</c>).</summary>
public sealed record OwnListing(Guid Id, ListingType Type, ListingStatus Status, string Title, decimal Price, string Currency, string Unit,
    DateTime PostedAt, DateTime ExpiresAt, long Views, long Inquiries, bool ExpiresSoon);

/// <summary>MKT-05: the owner's listings with the plan: <see cref="ActiveLimit"/> is null for subscribers (unlimited).</summary>
public sealed record OwnListings(int ActiveCount, int? ActiveLimit, bool Subscriber, IReadOnlyList<OwnListing> Items);

/// <summary>MKT-01, ANL-04: reading listings. Anyone sees an active listing; only the owner sees one that is not.</summary>
public sealed class ListingReader(AppDbContext db, INetwork network, Entitlements entitlements,
    IOptions<MarketplaceOptions> options, TimeProvider time)
{
    /// <summary>
    /// The listing as <paramref name="viewerId"/> may see it. When <paramref name="viewerKey"/> is given (the page and the
    /// API, not the owner's own edits) a view by someone else is counted, once per viewer within the repeat window.
    /// </summary>
    public async Task<ListingView> ViewAsync(Guid id, Guid? viewerId, string? viewerKey, CancellationToken cancellationToken)
    {
        var listing = await db.Set<Listing>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var isOwner = listing is not null && listing.OwnerId == viewerId;
        if (listing is null || (listing.Status != ListingStatus.Active && !isOwner))
        {
            throw ListingEditor.NotFound();
        }
        if (!isOwner && viewerKey is not null)
        {
            await CountViewAsync(listing, viewerKey, cancellationToken);
        }
        var photos = await db.Set<ListingPhoto>().AsNoTracking().Where(p => p.ListingId == id).OrderBy(p => p.Position)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var category = await db.Set<Category>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == listing.CategoryId, cancellationToken);
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";
        var owner = (await network.CardsAsync([listing.OwnerId], cancellationToken)).GetValueOrDefault(listing.OwnerId);
        var organization = listing.OrganizationId is { } organizationId
            ? (await network.OrganizationCardsAsync([organizationId], cancellationToken)).GetValueOrDefault(organizationId)
            : null;
        var highlighted = await entitlements.HasActiveAsync(listing.OwnerId, ServiceCatalog.Marketplace, cancellationToken);
        return new ListingView(listing.Id, listing.Type, listing.Status, listing.Title, listing.Description,
            new ListingCategory(listing.CategoryId, category?.Name(russian) ?? ""), Money.ToAmount(listing.Price), listing.Currency, listing.Unit,
            listing.Quantity, listing.Country, listing.Region, listing.PostedAt, listing.UpdatedAt, listing.ExpiresAt,
            [.. photos.Select(p => new ListingPhotoView(p, ListingEditor.PhotoUrl(listing.Id, p)))], owner, organization, highlighted, isOwner,
            isOwner ? new ListingStats(listing.Views, listing.Inquiries) : null);
    }

    /// <summary>
    /// A viewer's key as stored: the Base64 of its SHA-256 — the member id or address is not kept as such, and the mark
    /// lives only for the repeat window.
    /// </summary>
    public const int ViewerLength = 44;

    /// <summary>
    /// ANL-04: one increment in the database, without loading or locking the row. A repeat within the window is skipped on
    /// every node: the first view, or the first after the window, takes the viewer's mark in one statement, which two
    /// nodes cannot both win.
    /// </summary>
    private async Task CountViewAsync(Listing listing, string viewerKey, CancellationToken cancellationToken)
    {
        var window = options.Value.ViewRepeatWindow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (window > TimeSpan.Zero)
        {
            var now = time.UtcNow();
            var since = now - window;
            var viewer = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(viewerKey)));
            var marked = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO marketplace_listing_views ("ListingId", "Viewer", "CountedAt") VALUES ({listing.Id}, {viewer}, {now})
                ON CONFLICT ("ListingId", "Viewer") DO UPDATE SET "CountedAt" = excluded."CountedAt"
                WHERE marketplace_listing_views."CountedAt" <= {since}
                """, cancellationToken);
            if (marked == 0)
            {
                return;
            }
        }
        await db.Set<Listing>().Where(l => l.Id == listing.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Views, l => l.Views + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<OwnListings> OwnAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Listing>().AsNoTracking().Where(l => l.OwnerId == memberId).ToListAsync(cancellationToken);
        var subscriber = await entitlements.HasActiveAsync(memberId, ServiceCatalog.Marketplace, cancellationToken);
        var soon = time.UtcNow() + options.Value.ExpiryWarning;
        var items = rows.OrderBy(l => l.Status).ThenByDescending(l => l.PostedAt)
            .Select(l => new OwnListing(l.Id, l.Type, l.Status, l.Title, Money.ToAmount(l.Price), l.Currency, l.Unit, l.PostedAt, l.ExpiresAt,
                l.Views, l.Inquiries, l.Status == ListingStatus.Active && l.ExpiresAt <= soon))
            .ToList();
        return new OwnListings(rows.Count(l => l.Status == ListingStatus.Active), subscriber ? null : options.Value.FreeActiveListings, subscriber, items);
    }
}
