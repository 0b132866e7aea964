using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

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

    public string Name(string culture) => culture.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? NameRu : NameEn;
}

/// <summary>A price per period of a service kind.</summary>
public sealed class Tariff
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid KindId { get; set; }
    public required string Name { get; set; }

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
        b.HasIndex(k => k.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Tariff> b)
    {
        b.ToTable("billing_tariffs");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.HasIndex(t => t.KindId);
        b.HasOne<ServiceKind>().WithMany().HasForeignKey(t => t.KindId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record CatalogTariff(Guid Id, string Name, decimal Price, string Period, bool Refundable);

public sealed record CatalogKind(string Kind, string Name, IReadOnlyList<CatalogTariff> Tariffs);

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
            .Select(t => new CatalogTariff(t.Id, t.Name, Money.ToAmount(t.Price), $"P{t.PeriodMonths}M", t.Refundable)).ToList())).ToList();
    }

    /// <summary>
    /// BIL-14: the price of one period of <paramref name="tariff"/> charged on <paramref name="date"/> —
    /// an announced change counts from its effective day, so renewals never pay a price before it is due.
    /// </summary>
    public static long PriceOn(Tariff tariff, DateOnly date) =>
        tariff is { PendingPrice: { } pending, PendingPriceFrom: { } from } && date >= from ? pending : tariff.Price;

    /// <summary>
    /// BIL-14: makes announced prices that are due the tariffs' prices, so new orders pay them too. The daily
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
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Seeds the built-in kinds (BIL-06) with their grace periods (BIL-11) and first tariffs.</summary>
    public async Task EnsureBuiltInAsync(CancellationToken cancellationToken)
    {
        (string Code, string En, string Ru, (string Name, long Price)[] Tariffs)[] builtIn =
        [
            (Marketplace, "Marketplace subscription", "Подписка на торговую площадку", [("Marketplace Pro", 1_490_00), ("Marketplace Business", 3_990_00)]),
            (Analytics, "Market analytics", "Рыночная аналитика", [("Analytics", 2_490_00)]),
            (PriceReview, "Monthly price reviews", "Ежемесячные обзоры цен", [("Price review", 990_00)]),
        ];
        foreach (var (code, en, ru, tariffs) in builtIn)
        {
            if (await db.Set<ServiceKind>().AnyAsync(k => k.Code == code, cancellationToken))
            {
                continue;
            }
            var kind = new ServiceKind { Code = code, NameEn = en, NameRu = ru, BuiltIn = true, GraceDays = options.Value.BuiltInGraceDays, ReserveDays = options.Value.BuiltInReserveDays };
            db.Set<ServiceKind>().Add(kind);
            foreach (var (name, price) in tariffs)
            {
                db.Set<Tariff>().Add(new Tariff { KindId = kind.Id, Name = name, Price = price, CreatedAt = time.UtcNow() });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
