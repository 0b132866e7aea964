using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Marketplace.Search.Index;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Demo;

/// <summary>What a market seed added.</summary>
internal sealed record MarketSeeded(int Members, int Organizations, int Listings, int Active, TimeSpan Elapsed);

/// <summary>
/// <c>tradehall demo seed --listings N</c> and the first start in Development: a <see cref="DemoMarket"/> written in
/// bulk — traders (confirmed members with a page, one per <see cref="ListingsPerMember"/> listings, every
/// <see cref="MembersPerOrganization"/>th with a company), monthly demo exchange rates when the operator has set none,
/// then the listings, each active one with its search entry in the same transaction (MKT-02).
/// </summary>
internal static class DemoMarketSeed
{
    public const int ListingsPerMember = 20;
    private const int MembersPerOrganization = 8;
    private const int MembersPerTransaction = 5_000;
    private const int ListingsPerTransaction = 10_000;

    /// <param name="featured">Existing members who get every <c>featuredEvery</c>th listing, so their pages show some.</param>
    public static async Task<MarketSeeded> RunAsync(IServiceProvider services, int listingCount, int seed, IProgress<JobProgress>? progress,
        CancellationToken cancellationToken, IReadOnlyList<MarketOwner>? featured = null, int featuredEvery = 30)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().UtcNow();
        var options = services.GetRequiredService<IOptions<MarketplaceOptions>>().Value;
        var market = new DemoMarket(seed, now, options.ListingValidity);
        // One connection for the whole load; on SQLite with a page cache that holds the indexes being filled, which
        // are written in random order (owner, time, price) and would otherwise be read back from disk for every batch.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var _ = new Closing(db);
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", cancellationToken);
        }
        var owners = await AddTradersAsync(services, market, (listingCount + ListingsPerMember - 1) / ListingsPerMember, now, progress, cancellationToken);

        await AddRatesAsync(db, market, options, now, cancellationToken);
        var rates = await services.GetRequiredService<ExchangeRates>().OnAsync(DateOnly.FromDateTime(now), cancellationToken);

        var active = 0;
        progress?.Report(new JobProgress("listings", 0, listingCount));
        for (var start = 0; start < listingCount; start += ListingsPerTransaction)
        {
            var listings = new List<Listing>(ListingsPerTransaction);
            var entries = new List<ListingSearchEntry>(ListingsPerTransaction);
            for (var i = start; i < Math.Min(listingCount, start + ListingsPerTransaction); i++)
            {
                var owner = featured is { Count: > 0 } && i % featuredEvery == 0
                    ? featured[i / featuredEvery % featured.Count]
                    : owners[market.PickOwner(owners.Count)];
                var listing = market.Listing(owner);
                listings.Add(listing);
                if (listing.Status == ListingStatus.Active)
                {
                    var entry = new ListingSearchEntry { Country = listing.Country, Currency = listing.Currency, Title = listing.Title, Description = "" };
                    SearchIndex.Fill(entry, listing, highlighted: false, rates);
                    entries.Add(entry);
                }
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LoadEntitiesAsync(listings, cancellationToken);
            if (entries.Count > 0)
            {
                await db.LoadEntitiesAsync(entries, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            active += entries.Count;
            progress?.Report(new JobProgress("listings", start + listings.Count, listingCount));
        }
        // A bulk copy passes no command the search feed's interceptor sees: a running site reads the feed now.
        await services.GetRequiredService<ListingIndexFeed>().CatchUpAsync(cancellationToken);
        return new MarketSeeded(owners.Count, owners.Count(o => o.OrganizationId is not null), listingCount, active, clock.Elapsed);
    }

    /// <summary>Gives the pooled connection back with SQLite's default page cache.</summary>
    private sealed class Closing(AppDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000");
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Confirmed members with a page each (as registration leaves them), every eighth the admin of a company.</summary>
    private static async Task<List<MarketOwner>> AddTradersAsync(IServiceProvider services, DemoMarket market, int count, DateTime now,
        IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var hasher = services.GetRequiredService<IPasswordHasher<Member>>();
        var first = await db.Set<Member>().CountAsync(cancellationToken);
        var registeredAt = market.FirstMonth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-30);
        var owners = new List<MarketOwner>(count);
        string? passwordHash = null;
        progress?.Report(new JobProgress("traders", 0, count));
        for (var start = 0; start < count; start += MembersPerTransaction)
        {
            var members = new List<Member>();
            var profiles = new List<Profile>();
            var organizations = new List<Organization>();
            var staff = new List<OrganizationMember>();
            for (var i = start; i < Math.Min(count, start + MembersPerTransaction); i++)
            {
                var n = first + i;
                var person = market.Person();
                var email = $"trader{n}@market.tradehall.local";
                var member = DemoSeed.LoadMember(email, $"+7993{n:D7}", person.FirstName, n, registeredAt);
                member.LastName = person.LastName;
                member.Gender = person.Gender;
                member.City = person.Place.CityIn(person.Russian);
                member.Culture = person.Russian ? "ru" : "en";
                // Every trader signs in with the demo password; one hash serves them all.
                passwordHash ??= hasher.HashPassword(member, DemoData.Password);
                member.PasswordHash = passwordHash;
                members.Add(member);
                var profile = new Profile
                {
                    MemberId = member.Id, Handle = $"{Handles.Stem(person.FirstName, person.LastName)}-{n}", CreatedAt = registeredAt, City = person.Place.CityIn(person.Russian),
                };
                profile.Index(member.FullName);
                profiles.Add(profile);
                Guid? organizationId = null;
                if (i % MembersPerOrganization == 0)
                {
                    var (name, legalForm) = market.Organization(person);
                    var organization = new Organization
                    {
                        Slug = $"{Handles.Stem(name)}-{n}", Name = name, LegalForm = legalForm,
                        Industry = person.Russian ? "Лесная промышленность" : "Timber and wood products",
                        Country = person.Place.Country, City = person.Place.CityIn(person.Russian), CreatedBy = member.Id, CreatedAt = registeredAt,
                        Description = person.Russian
                            ? $"{legalForm} «{name}»: заготовка, переработка и торговля лесоматериалами, {person.Place.RegionRu}."
                            : $"{name} {legalForm}: harvesting, processing and trading of wood products, {person.Place.Region}.",
                    };
                    organization.Index();
                    organizations.Add(organization);
                    staff.Add(new OrganizationMember { OrganizationId = organization.Id, MemberId = member.Id, Role = OrganizationRole.Admin, AddedAt = registeredAt });
                    organizationId = organization.Id;
                }
                owners.Add(new MarketOwner(member.Id, organizationId, person.Place, person.Russian));
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LoadEntitiesAsync(members, cancellationToken);
            await db.LoadEntitiesAsync(profiles, cancellationToken);
            if (organizations.Count > 0)
            {
                await db.LoadEntitiesAsync(organizations, cancellationToken);
                await db.LoadEntitiesAsync(staff, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new JobProgress("traders", start + members.Count, count));
        }
        return owners;
    }

    /// <summary>
    /// ANL-03: monthly rates over the market's months for every currency it quotes, only when the operator has entered no
    /// rates at all — a site with real rates keeps them.
    /// </summary>
    private static async Task AddRatesAsync(AppDbContext db, DemoMarket market, MarketplaceOptions options, DateTime now, CancellationToken cancellationToken)
    {
        // The demo rates are roubles per unit; a site with another base currency enters its own.
        if (options.BaseCurrency != "RUB" || await db.Set<ExchangeRate>().AnyAsync(cancellationToken))
        {
            return;
        }
        var rates = new List<ExchangeRate>();
        for (var month = market.FirstMonth; month <= DateOnly.FromDateTime(now); month = month.AddMonths(1))
        {
            foreach (var currency in options.Currencies.Where(c => c != options.BaseCurrency && DemoMarketCatalog.RateLevels.ContainsKey(c)))
            {
                rates.Add(new ExchangeRate { Currency = currency, ValidFrom = month, Rate = DemoMarket.Rate(currency, month), SetAt = now });
            }
        }
        await db.LoadEntitiesAsync(rates, cancellationToken);
    }
}
