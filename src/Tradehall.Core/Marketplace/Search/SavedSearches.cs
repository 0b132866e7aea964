using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-04: a marketplace subscriber's search kept under a name. With alerts on, listings indexed after
/// <see cref="SeenUpTo"/> (an index entry id) that match it are announced once, and the mark moves past them.
/// </summary>
public sealed class SavedSearch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public required string Name { get; set; }

    /// <summary>The <see cref="SearchCriteria"/> as JSON, so a saved search is the same search the page and the API run.</summary>
    public required string Query { get; set; }

    public bool Alerts { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The highest search-entry id already looked at; a listing that comes back after expiry is indexed anew and counts as new.</summary>
    public long SeenUpTo { get; set; }

    public DateTime? LastAlertAt { get; set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public SearchCriteria Criteria() => JsonSerializer.Deserialize<SearchCriteria>(Query, Json) ?? new SearchCriteria();
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("marketplace_saved_searches");
        b.Property(s => s.Name).HasMaxLength(SavedSearches.NameLength);
        b.Property(s => s.Query).HasMaxLength(2000);
        b.HasIndex(s => new { s.MemberId, s.CreatedAt });
        b.HasIndex(s => new { s.Alerts, s.SeenUpTo });
    }
}

public sealed record SaveSearchRequest([property: Required] string? Name, SearchCriteria? Query, bool? Alerts = true);

public sealed record SavedSearchView(Guid Id, string Name, SearchCriteria Query, bool Alerts, DateTime CreatedAt, DateTime? LastAlertAt);

public sealed record SavedSearchAlertsRequest(bool Alerts);

/// <summary>MKT-04: saving, listing, switching and deleting saved searches; a marketplace subscription is required to keep them.</summary>
public sealed class SavedSearches(AppDbContext db, SearchCriteriaRules rules, Entitlements entitlements, TimeProvider time, IOptions<MarketplaceOptions> options)
{
    public const int NameLength = 100;
    public const string SubscriptionRequired = "marketplace.subscription_required";

    public Task<bool> MayUseAsync(Guid memberId, CancellationToken cancellationToken) =>
        entitlements.HasActiveAsync(memberId, ServiceCatalog.Marketplace, cancellationToken);

    public async Task<SavedSearchView> SaveAsync(Guid memberId, SaveSearchRequest request, CancellationToken cancellationToken)
    {
        await RequireSubscriptionAsync(memberId, cancellationToken);
        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", "Name the search.");
        }
        else if (name.Length > NameLength)
        {
            errors.Add("name", $"Use at most {NameLength} characters.");
        }
        else if (!PlainText.IsAcceptable(name))
        {
            errors.Add("name", PlainText.Message);
        }
        var query = request.Query ?? new SearchCriteria();
        await rules.ResolveAsync(query, errors, cancellationToken, prefix: "query.");
        var kept = await db.Set<SavedSearch>().CountAsync(s => s.MemberId == memberId, cancellationToken);
        if (kept >= options.Value.SavedSearchesPerMember)
        {
            errors.Add("name", $"You can keep at most {options.Value.SavedSearchesPerMember} saved searches; delete one first.");
        }
        errors.ThrowIfAny();
        var seen = await db.Set<ListingSearchEntry>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var saved = new SavedSearch
        {
            MemberId = memberId, Name = name, Query = JsonSerializer.Serialize(query, SavedSearch.Json), Alerts = request.Alerts ?? true,
            CreatedAt = time.UtcNow(), SeenUpTo = seen,
        };
        db.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return View(saved);
    }

    public async Task<IReadOnlyList<SavedSearchView>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SavedSearch>().AsNoTracking().Where(s => s.MemberId == memberId)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    /// <summary>Switches alerts; a search that is not the member's is not found (SEC-05).</summary>
    public async Task SetAlertsAsync(Guid memberId, Guid id, bool alerts, CancellationToken cancellationToken)
    {
        var saved = await FindAsync(memberId, id, cancellationToken);
        if (alerts && !saved.Alerts)
        {
            // Alerts start from now: what was posted while they were off is not announced later.
            saved.SeenUpTo = await db.Set<ListingSearchEntry>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        }
        saved.Alerts = alerts;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        db.Remove(await FindAsync(memberId, id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<SavedSearch> FindAsync(Guid memberId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<SavedSearch>().FirstOrDefaultAsync(s => s.Id == id && s.MemberId == memberId, cancellationToken)
        ?? throw DomainException.NotFound("marketplace.saved_search_not_found", "There is no such saved search.");

    private async Task RequireSubscriptionAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (!await MayUseAsync(memberId, cancellationToken))
        {
            throw DomainException.Forbidden(SubscriptionRequired, "Saved searches and alerts come with the marketplace subscription.");
        }
    }

    private static SavedSearchView View(SavedSearch s) => new(s.Id, s.Name, s.Criteria(), s.Alerts, s.CreatedAt, s.LastAlertAt);
}
