using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Tradehall.Core.Accounts;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Network.Organizations;
using Tradehall.Demo;

namespace Tradehall.Tests.Hosting;

/// <summary>The demo market: its generator (deterministic, moving prices, fitting units) and how it is loaded.</summary>
public sealed class DemoMarketTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Validity = new MarketplaceOptions().ListingValidity;

    private static readonly int[] TimberRoots = [1, 10, 23, 27, 37, 47, 54];

    private static readonly string[] OtherTrades = ["metals", "building-materials", "chemicals", "agriculture-food", "fuel-energy", "packaging", "textiles"];

    private static List<Listing> Generate(int seed, int count)
    {
        var market = new DemoMarket(seed, Now, Validity);
        var owners = Enumerable.Range(0, Math.Max(1, count / DemoMarketSeed.ListingsPerMember)).Select(i =>
        {
            var person = market.Person();
            return new MarketOwner(Guid.NewGuid(), i % 8 == 0 ? Guid.NewGuid() : null, person.Place, person.Russian);
        }).ToList();
        return [.. Enumerable.Range(0, count).Select(_ => market.Listing(owners[market.PickOwner(owners.Count)]))];
    }

    private static object Content(Listing l) =>
        (l.Type, l.Status, l.Title, l.Description, l.CategoryId, l.Price, l.Currency, l.Unit, l.Quantity, l.Country, l.Region, l.PostedAt, l.ExpiresAt, l.Views);

    [Fact]
    public void MKT01_the_same_seed_gives_the_same_market_and_another_seed_another()
    {
        var first = Generate(7, 500).Select(Content).ToList();
        Assert.Equal(first, Generate(7, 500).Select(Content).ToList());
        Assert.NotEqual(first, Generate(8, 500).Select(Content).ToList());

        var names = new DemoMarket(7, Now, Validity);
        var again = new DemoMarket(7, Now, Validity);
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => names.Person()).ToList(), Enumerable.Range(0, 50).Select(_ => again.Person()).ToList());
    }

    [Fact]
    public void MKT01_prices_move_month_to_month_with_each_sectors_trend_and_seasons()
    {
        var market = new DemoMarket(2026, Now, Validity);
        var months = Enumerable.Range(0, DemoMarket.Months).Select(m => market.FirstMonth.AddMonths(m)).ToList();
        foreach (var product in DemoMarketCatalog.Products)
        {
            var prices = months.Select(m => market.ReferencePrice(product.CategoryId, m)).ToList();
            Assert.All(prices.Zip(prices.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        }
        // Pellets are dearer in the heating season, sawn timber in the building season.
        Assert.True(market.ReferencePrice(50, new DateOnly(2026, 1, 1)) > market.ReferencePrice(50, new DateOnly(2026, 7, 1)) * 1.1m);
        Assert.True(market.ReferencePrice(12, new DateOnly(2026, 5, 1)) > market.ReferencePrice(12, new DateOnly(2026, 11, 1)));
        // Demo exchange rates move too.
        Assert.NotEqual(DemoMarket.Rate("EUR", new DateOnly(2026, 1, 1)), DemoMarket.Rate("EUR", new DateOnly(2026, 2, 1)));

        // Offers in roubles sit around the month's reference price.
        foreach (var listing in Generate(3, 3_000).Where(l => l.Currency == "RUB" && l.Type == ListingType.Offer))
        {
            var reference = market.ReferencePrice(listing.CategoryId, new DateOnly(listing.PostedAt.Year, listing.PostedAt.Month, 1));
            Assert.InRange(listing.Price / 100m, reference * 0.8m, reference * 1.2m);
        }
    }

    [Fact]
    public void MKT01_units_currencies_and_lengths_fit_the_category_and_the_options()
    {
        var options = new MarketplaceOptions();
        var listings = Generate(11, 5_000);
        Assert.All(listings, l =>
        {
            Assert.Contains(l.Unit, options.Units);
            Assert.Contains(l.Currency, options.Currencies);
            Assert.InRange(l.Title.Length, 5, options.TitleMaxLength);
            Assert.InRange(l.Description.Length, 100, options.DescriptionMaxLength);
            Assert.InRange(l.Price, 1, options.MaxPrice * 100);
            Assert.InRange(l.Quantity, 1, options.MaxQuantity);
            Assert.Equal(2, l.Country.Length);
        });
        string Unit(int category) => listings.Where(l => l.CategoryId == category).Select(l => l.Unit).Distinct().Single();
        Assert.Equal("m3", Unit(3));   // pine logs
        Assert.Equal("m3", Unit(12));  // boards
        Assert.Equal("t", Unit(50));   // premium pellets
        Assert.Equal("t", Unit(39));   // bleached kraft pulp
        Assert.Equal("pcs", Unit(59)); // harvesters
        Assert.Equal("truck", Unit(67));
        Assert.Contains(listings, l => l.Title.Any(c => c is >= 'а' and <= 'я'));
        Assert.Contains(listings, l => l.Title.StartsWith("Kiln-dried pine boards", StringComparison.Ordinal));
    }

    [Fact]
    public void MKT01_a_large_market_uses_every_category_and_is_about_seventy_percent_offers()
    {
        var listings = Generate(5, 20_000);
        var taxonomy = IndustrialTaxonomy.Categories().Select(c => c.Id).Order().ToList();
        Assert.Equal(taxonomy, listings.Select(l => l.CategoryId).Distinct().Order().ToList());
        Assert.InRange(listings.Count(l => l.Type == ListingType.Offer) / 20_000.0, 0.67, 0.73);
        Assert.All(listings, l => Assert.InRange(l.PostedAt, Now.AddMonths(-DemoMarket.Months), Now));
        Assert.All(listings.Where(l => l.Status == ListingStatus.Active), l => Assert.True(l.ExpiresAt > Now));
        Assert.All(listings.Where(l => l.Status == ListingStatus.Active && l.PostedAt == l.UpdatedAt), l => Assert.Equal(l.PostedAt + Validity, l.ExpiresAt));
        Assert.All(listings.Where(l => l.Status == ListingStatus.Expired), l => Assert.True(l.ExpiresAt <= Now));
        Assert.True(listings.Count(l => l.Status == ListingStatus.Expired) > 5_000);
        Assert.True(listings.Count(l => l.Status == ListingStatus.Active) > 5_000);
        Assert.True(listings.Select(l => l.Country).Distinct().Count() >= 8);
        // The market grows: the last six months carry more listings than the six before them.
        Assert.True(listings.Count(l => l.PostedAt > Now.AddMonths(-6)) > listings.Count(l => l.PostedAt <= Now.AddMonths(-6) && l.PostedAt > Now.AddMonths(-12)));
    }

    [Fact]
    public void MKT01_the_market_trades_metals_building_materials_chemicals_food_and_fuel_in_their_own_categories_with_timber_the_largest()
    {
        var listings = Generate(5, 20_000);
        var taxonomy = IndustrialTaxonomy.Categories().ToDictionary(c => c.Id);
        int Root(int id)
        {
            while (taxonomy[id].ParentId is { } parent)
            {
                id = parent;
            }
            return id;
        }
        var byRoot = listings.GroupBy(l => Root(l.CategoryId)).ToDictionary(g => g.Key, g => g.Count());
        var timber = TimberRoots.Sum(byRoot.GetValueOrDefault);
        foreach (var trade in OtherTrades)
        {
            var count = byRoot.GetValueOrDefault(taxonomy.Values.Single(c => c.Code == trade).Id);
            Assert.InRange(count, 1, timber - 1);
        }
        Assert.True(timber > listings.Count * 0.4, $"Timber has {timber} of {listings.Count}.");
        Assert.Contains(listings, l => l.CategoryId == 102 && l.Title.StartsWith("Арматура А500С 12 мм", StringComparison.Ordinal));
        Assert.Contains(listings, l => l.CategoryId == 103 && l.Title.Contains("Лист г/к 10 мм", StringComparison.Ordinal));
        Assert.Contains(listings, l => l.CategoryId == 162 && l.Title.StartsWith("Milling wheat", StringComparison.Ordinal));
        Assert.Contains(listings, l => l.CategoryId == 182 && l.Description.Contains("паспорт качества", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MKT01_demo_seed_listings_loads_a_market_with_one_search_entry_per_active_listing()
    {
        using var app = new TradehallApp();
        using var _ = app.Api();
        var (exit, output, error) = await TradehallProcess.RunAsync(app.Database, "Production", null, "demo", "seed", "--listings", "500");
        Assert.True(exit == 0, output + error);
        Assert.StartsWith("seeded market listings=500 ", output, StringComparison.Ordinal);

        await app.WithDb(async db =>
        {
            var listings = await db.Set<Listing>().AsNoTracking().ToListAsync();
            var entries = await db.Set<ListingSearchEntry>().AsNoTracking().ToListAsync();
            Assert.Equal(500, listings.Count);
            var active = listings.Where(l => l.Status == ListingStatus.Active).ToList();
            Assert.NotEmpty(active);
            Assert.Contains($"active={active.Count} ", output, StringComparison.Ordinal);
            Assert.Equal(active.Select(l => l.Id).Order(), entries.Select(e => e.ListingId).Order());
            Assert.All(entries, e =>
            {
                var listing = active.Single(l => l.Id == e.ListingId);
                Assert.Equal((listing.Title, listing.Price, listing.Currency, listing.OwnerId), (e.Title, e.Price, e.Currency, e.OwnerId));
                Assert.NotNull(e.PriceBase); // demo exchange rates came with the market
                Assert.InRange(e.PriceBase!.Value, 1, new MarketplaceOptions().MaxPrice * 100);
            });
            var owners = listings.Select(l => l.OwnerId).Distinct().ToList();
            Assert.Equal(owners.Count, await db.Set<Member>().CountAsync(m => owners.Contains(m.Id) && m.EmailConfirmed));
            var organizations = listings.Where(l => l.OrganizationId is not null).Select(l => l.OrganizationId!.Value).Distinct().ToList();
            Assert.NotEmpty(organizations);
            Assert.Equal(organizations.Count, await db.Set<OrganizationMember>().CountAsync(m => organizations.Contains(m.OrganizationId) && m.Role == OrganizationRole.Admin));
            Assert.Equal(25, await db.Set<Member>().CountAsync(m => m.Email!.EndsWith("@market.tradehall.local")));
        });
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10000001")]
    public async Task MKT01_demo_seed_refuses_a_listing_count_out_of_range(string count)
    {
        using var database = new TestDatabase();
        var (exit, _, error) = await TradehallProcess.RunAsync(database, "Production", null, "demo", "seed", "--listings", count);
        Assert.Equal(2, exit);
        Assert.Contains("--listings must be between 1 and 10000000", error, StringComparison.Ordinal);
    }

    /// <summary>The application as a developer runs it.</summary>
    private sealed class DevelopmentApp : TradehallApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task RUN01_only_a_development_site_registers_and_adds_the_demo_data()
    {
        static bool FromDemo(IHostedService service) => service.GetType().Assembly == typeof(DemoData).Assembly;
        static Task<bool> HasDemoOperator(TradehallApp app) => app.WithDb(db => db.Set<Member>().AnyAsync(m => m.Email == DemoData.OperatorEmail));

        using (var other = new TradehallApp())
        {
            using var _ = other.Api();
            Assert.DoesNotContain(other.Services.GetServices<IHostedService>(), FromDemo);
            Assert.False(await HasDemoOperator(other));
        }
        using var development = new DevelopmentApp();
        using var __ = development.Api();
        Assert.Contains(development.Services.GetServices<IHostedService>(), FromDemo);
        Assert.True(await HasDemoOperator(development));
    }

    [Fact]
    public async Task RUN01_a_production_server_never_loads_the_demo_assembly_or_Bogus()
    {
        using var app = new TradehallApp();
        using var _ = app.Api();
        var sinks = new Dictionary<string, string> { ["Notifications:MailDelivery"] = "pickup", ["Notifications:SmsDelivery"] = "file" };
        using var server = TradehallProcess.Start(app.Database, "Production", sinks, "serve", "--urls", "http://127.0.0.1:0");
        try
        {
            var drain = server.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            Match address;
            do
            {
                var line = await server.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The server stopped: " + await drain);
                address = Regex.Match(line, @"Now listening on: (http://127\.0\.0\.1:\d+)");
            }
            while (!address.Success);
            using var client = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            // Linux lists the files a process has mapped, each assembly it loaded among them.
            var mapped = await File.ReadAllTextAsync($"/proc/{server.Id}/maps");
            Assert.Contains("Tradehall.Core.dll", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("Tradehall.Demo.dll", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("Bogus.dll", mapped, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task RUN01_first_start_adds_a_small_market_once_with_listings_of_the_demo_members()
    {
        using var app = new TradehallApp();
        using var _ = app.Api();
        for (var start = 0; start < 2; start++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoData.EnsureAsync(scope.ServiceProvider, CancellationToken.None);
        }
        await app.WithDb(async db =>
        {
            Assert.Equal(300, await db.Set<Listing>().CountAsync());
            var anna = await db.Set<Member>().SingleAsync(m => m.Email == "anna.petrova@demo.tradehall.local");
            var company = await db.Set<Organization>().SingleAsync(o => o.Name == "Northern Timber");
            Assert.True(await db.Set<Listing>().CountAsync(l => l.OwnerId == anna.Id) >= 3);
            Assert.True(await db.Set<Listing>().CountAsync(l => l.OrganizationId == company.Id) >= 2);
            // NET-05: Ivan accepted Anna's invitation, so he works at Northern Timber and no invitation is left waiting.
            var ivan = await db.Set<Member>().SingleAsync(m => m.Email == "ivan.sokolov@demo.tradehall.local");
            Assert.True(await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == company.Id && m.MemberId == ivan.Id && m.Role == OrganizationRole.Employee));
            Assert.False(await db.Set<OrganizationInvitation>().AnyAsync(i => i.Status == InvitationStatus.Pending));
            Assert.Equal(await db.Set<Listing>().CountAsync(l => l.Status == ListingStatus.Active), await db.Set<ListingSearchEntry>().CountAsync());
        });
    }
}
