namespace Tradehall.Core.Marketplace.Currencies;

/// <summary>ANL-03: the operator's rates as a table to normalise prices with.</summary>
public sealed class ExchangeRates(AppDbContext db, IOptions<MarketplaceOptions> options) : Billing.ICurrencyRates
{
    /// <summary>BIL-19: a cross rate of two currencies through the base currency, as the rates stood on <paramref name="day"/>.</summary>
    public async Task<decimal?> RateAsync(string from, string to, DateOnly day, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(day, cancellationToken);
        return history.Rate(from, day) is { } fromRate && history.Rate(to, day) is { } toRate ? fromRate / toRate : null;
    }

    /// <summary>The rate of every currency valid on <paramref name="day"/>; the base currency is always 1.</summary>
    public async Task<RateTable> OnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ExchangeRate>().AsNoTracking().Where(r => r.ValidFrom <= day)
            .Select(r => new { r.Currency, r.ValidFrom, r.Rate }).ToListAsync(cancellationToken);
        var latest = rows.GroupBy(r => r.Currency).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ValidFrom)!.Rate);
        latest[options.Value.BaseCurrency] = 1m;
        return new RateTable(options.Value.BaseCurrency, latest);
    }

    /// <summary>Every rate valid up to <paramref name="until"/>, to normalise prices of many days with one read.</summary>
    public async Task<RateHistory> HistoryAsync(DateOnly until, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ExchangeRate>().AsNoTracking().Where(r => r.ValidFrom <= until)
            .Select(r => new { r.Currency, r.ValidFrom, r.Rate }).ToListAsync(cancellationToken);
        var byCurrency = rows.GroupBy(r => r.Currency)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(DateOnly From, decimal Rate)>)g.OrderBy(r => r.ValidFrom).Select(r => (r.ValidFrom, r.Rate)).ToList());
        return new RateHistory(options.Value.BaseCurrency, byCurrency);
    }
}

/// <summary>ANL-03: the rates of many days; a day uses the newest rate that started on or before it.</summary>
[ModuleApi]
public sealed class RateHistory(string baseCurrency, IReadOnlyDictionary<string, IReadOnlyList<(DateOnly From, decimal Rate)>> rates)
{
    public string BaseCurrency { get; } = baseCurrency;

    /// <summary>Base units per unit of <paramref name="currency"/> on <paramref name="day"/>, or null when none was set yet.</summary>
    public decimal? Rate(string currency, DateOnly day)
    {
        if (currency == BaseCurrency)
        {
            return 1m;
        }
        if (!rates.TryGetValue(currency, out var list))
        {
            return null;
        }
        decimal? found = null;
        foreach (var (from, rate) in list)
        {
            if (from > day)
            {
                break;
            }
            found = rate;
        }
        return found;
    }
}

/// <summary>Rates of one day. A currency without a rate has no base price and is left out of cross-currency figures.</summary>
public sealed record RateTable(string BaseCurrency, IReadOnlyDictionary<string, decimal> Rates)
{
    /// <summary>Minor units of <paramref name="currency"/> in minor units of the base currency, rounded half away from zero.</summary>
    public long? ToBase(long minor, string currency) =>
        Rates.TryGetValue(currency, out var rate) ? (long)decimal.Round(minor * rate, MidpointRounding.AwayFromZero) : null;
}
