namespace Tradehall.Core.Billing.Catalog;

/// <summary>BIL-06: a kind of service the operator sells — the three built-in subscriptions or one the operator defines.</summary>
public sealed class ServiceKind
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public bool BuiltIn { get; set; }

    /// <summary>BIL-11: days a suspended service's data is kept, and how many of them are the reserve.</summary>
    public int GraceDays { get; set; }
    public int ReserveDays { get; set; }

    /// <summary>BIL-24: where an operator-defined kind's status changes are posted; null when nobody is told.</summary>
    public string? HookUrl { get; set; }

    /// <summary>BIL-24: the webhook's signing secret, encrypted with Data Protection (<see cref="Hooks.HookSecrets"/>); never shown again after it is made.</summary>
    public string? HookSecret { get; set; }

    public const int HookUrlLength = 500;

    public string Name(string culture) => culture.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? NameRu : NameEn;
}

/// <summary>A price per period of a service kind.</summary>
public sealed class Tariff
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid KindId { get; set; }

    /// <summary>The name in English, and the one shown where no Russian name is given.</summary>
    public required string Name { get; set; }
    public string? NameRu { get; set; }

    /// <summary>What the tariff gives, as members read it beside the price.</summary>
    public string? DescriptionEn { get; set; }
    public string? DescriptionRu { get; set; }

    /// <summary>Minor units of the operator currency, taxes included (default tax mode: no VAT).</summary>
    public long Price { get; set; }

    public int PeriodMonths { get; set; } = 1;
    public bool Refundable { get; set; } = true;
    public bool ConfirmationRequired { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    /// <summary>BIL-06: the VAT rate in percent included in the price; null is the default tax mode (no VAT, prices include taxes).</summary>
    public int? VatRate { get; set; }

    /// <summary>BIL-14: an announced price and the day it takes effect; until then <see cref="Price"/> is what everyone pays.</summary>
    public long? PendingPrice { get; set; }
    public DateOnly? PendingPriceFrom { get; set; }

    /// <summary>BIL-14: a closed tariff names the tariff of the same kind its subscribers move to.</summary>
    public Guid? SuccessorTariffId { get; set; }
    public DateOnly? ClosedOn { get; set; }

    /// <summary>BIL-14: a new tariff announced ahead goes on sale on this day; until then it is not <see cref="Active"/>.</summary>
    public DateOnly? OnSaleFrom { get; set; }

    public const int NameLength = 100;
    public const int DescriptionLength = 500;

    public string NameIn(string culture) => Russian(culture) && !string.IsNullOrWhiteSpace(NameRu) ? NameRu : Name;

    public string? DescriptionIn(string culture) => Russian(culture) && !string.IsNullOrWhiteSpace(DescriptionRu) ? DescriptionRu : DescriptionEn;

    private static bool Russian(string culture) => culture.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
}

internal sealed class CatalogConfiguration : IEntityTypeConfiguration<ServiceKind>, IEntityTypeConfiguration<Tariff>
{
    public void Configure(EntityTypeBuilder<ServiceKind> b)
    {
        b.ToTable("billing_service_kinds");
        b.HasKey(k => k.Id);
        b.Property(k => k.Code).HasMaxLength(40);
        b.Property(k => k.NameEn).HasMaxLength(100);
        b.Property(k => k.NameRu).HasMaxLength(100);
        b.Property(k => k.HookUrl).HasMaxLength(ServiceKind.HookUrlLength);
        b.Property(k => k.HookSecret).HasMaxLength(1000);
        b.HasIndex(k => k.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Tariff> b)
    {
        b.ToTable("billing_tariffs");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(Tariff.NameLength);
        b.Property(t => t.NameRu).HasMaxLength(Tariff.NameLength);
        b.Property(t => t.DescriptionEn).HasMaxLength(Tariff.DescriptionLength);
        b.Property(t => t.DescriptionRu).HasMaxLength(Tariff.DescriptionLength);
        b.HasIndex(t => t.KindId);
        b.HasOne<ServiceKind>().WithMany().HasForeignKey(t => t.KindId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A tariff on sale; <c>name</c> and <c>description</c> are in the reader's language.</summary>
public sealed record CatalogTariff(Guid Id, string Name, decimal Price, string Period, bool Refundable, string? Description);

/// <summary>A kind on sale; <c>exclusive</c> kinds (the built-in subscriptions) are held once at a time.</summary>
public sealed record CatalogKind(string Kind, string Name, IReadOnlyList<CatalogTariff> Tariffs, bool Exclusive);

/// <summary>BIL-06: what can be ordered, and the built-in kinds every site has.</summary>
public sealed class ServiceCatalog(AppDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<BillingOptions> options,
    Microsoft.Extensions.Options.IOptions<TradehallOptions> site)
{
    public const string Marketplace = "marketplace";
    public const string Analytics = "analytics";
    public const string PriceReview = "price-review";

    public async Task<IReadOnlyList<CatalogKind>> ListAsync(string culture, CancellationToken cancellationToken)
    {
        var kinds = await db.Set<ServiceKind>().AsNoTracking().OrderBy(k => k.Code).ToListAsync(cancellationToken);
        var tariffs = await db.Set<Tariff>().AsNoTracking().Where(t => t.Active).ToListAsync(cancellationToken);
        return kinds.Select(k => new CatalogKind(k.Code, k.Name(culture), tariffs.Where(t => t.KindId == k.Id).OrderBy(t => t.Price)
            .Select(t => new CatalogTariff(t.Id, t.NameIn(culture), Money.ToAmount(t.Price), $"P{t.PeriodMonths}M", t.Refundable, t.DescriptionIn(culture))).ToList(),
            k.BuiltIn)).ToList();
    }

    /// <summary>
    /// BIL-14: the price of one period of <paramref name="tariff"/> charged on <paramref name="date"/> —
    /// an announced change counts from its effective day, so renewals never pay a price before it is due.
    /// </summary>
    public static long PriceOn(Tariff tariff, DateOnly date) =>
        tariff is { PendingPrice: { } pending, PendingPriceFrom: { } from } && date >= from ? pending : tariff.Price;

    /// <summary>
    /// BIL-14: makes announced prices that are due the tariffs' prices, so new orders pay them too, and puts new tariffs
    /// on sale on their day. The daily
    /// billing run calls it; so do start-up and every catalogue change. <see cref="PriceOn"/> answers the same before and after.
    /// </summary>
    public async Task<int> ApplyDuePricesAsync(CancellationToken cancellationToken)
    {
        var today = time.Today(site.Value.Zone);
        var due = await db.Set<Tariff>().Where(t => t.PendingPriceFrom != null && t.PendingPriceFrom <= today).ToListAsync(cancellationToken);
        foreach (var tariff in due)
        {
            tariff.Price = PriceOn(tariff, today);
            tariff.PendingPrice = null;
            tariff.PendingPriceFrom = null;
        }
        var opening = await db.Set<Tariff>().Where(t => !t.Active && t.OnSaleFrom != null && t.OnSaleFrom <= today).ToListAsync(cancellationToken);
        foreach (var tariff in opening)
        {
            tariff.Active = true;
            tariff.OnSaleFrom = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Seeds the built-in kinds (BIL-06) with their grace periods (BIL-11) and first tariffs.</summary>
    public async Task EnsureBuiltInAsync(CancellationToken cancellationToken)
    {
        (string Code, string En, string Ru, Tariff[] Tariffs)[] builtIn =
        [
            (Marketplace, "Marketplace subscription", "Подписка на торговую площадку", [BuiltInTariffs.MarketplacePro(), BuiltInTariffs.MarketplaceBusiness()]),
            (Analytics, "Market analytics", "Рыночная аналитика", [BuiltInTariffs.Analytics()]),
            (PriceReview, "Monthly price reviews", "Ежемесячные обзоры цен", [BuiltInTariffs.PriceReview()]),
        ];
        foreach (var (code, en, ru, tariffs) in builtIn)
        {
            if (await db.Set<ServiceKind>().AnyAsync(k => k.Code == code, cancellationToken))
            {
                continue;
            }
            var kind = new ServiceKind { Code = code, NameEn = en, NameRu = ru, BuiltIn = true, GraceDays = options.Value.BuiltInGraceDays, ReserveDays = options.Value.BuiltInReserveDays };
            db.Set<ServiceKind>().Add(kind);
            foreach (var tariff in tariffs)
            {
                tariff.KindId = kind.Id;
                tariff.CreatedAt = time.UtcNow();
                db.Set<Tariff>().Add(tariff);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
