namespace Tradehall.Core.Marketplace.Currencies;

/// <summary>
/// ANL-03: what one unit of <see cref="Currency"/> is worth in the base currency from <see cref="ValidFrom"/> on,
/// as the operator set it. Rates are kept as history, so a past month is normalised with the rates of its day.
/// </summary>
public sealed class ExchangeRate
{
    public required string Currency { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>Base-currency units per one unit of <see cref="Currency"/>; a ratio, not an amount of money.</summary>
    public decimal Rate { get; set; }

    public Guid SetBy { get; set; }
    public DateTime SetAt { get; set; }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.ToTable("marketplace_exchange_rates");
        b.HasKey(r => new { r.Currency, r.ValidFrom });
        b.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(r => r.Rate).HasPrecision(20, 10);
    }
}
