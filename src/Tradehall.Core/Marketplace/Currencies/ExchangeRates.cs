using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Data;

namespace Tradehall.Core.Marketplace.Currencies;

/// <summary>ANL-03: the operator's rates as a table to normalise prices with.</summary>
public sealed class ExchangeRates(AppDbContext db, IOptions<MarketplaceOptions> options)
{
    /// <summary>The rate of every currency valid on <paramref name="day"/>; the base currency is always 1.</summary>
    public async Task<RateTable> OnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ExchangeRate>().AsNoTracking().Where(r => r.ValidFrom <= day)
            .Select(r => new { r.Currency, r.ValidFrom, r.Rate }).ToListAsync(cancellationToken);
        var latest = rows.GroupBy(r => r.Currency).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ValidFrom)!.Rate);
        latest[options.Value.BaseCurrency] = 1m;
        return new RateTable(options.Value.BaseCurrency, latest);
    }
}

/// <summary>Rates of one day. A currency without a rate has no base price and is left out of cross-currency figures.</summary>
public sealed record RateTable(string BaseCurrency, IReadOnlyDictionary<string, decimal> Rates)
{
    /// <summary>Minor units of <paramref name="currency"/> in minor units of the base currency, rounded half away from zero.</summary>
    public long? ToBase(long minor, string currency) =>
        Rates.TryGetValue(currency, out var rate) ? (long)decimal.Round(minor * rate, MidpointRounding.AwayFromZero) : null;
}
