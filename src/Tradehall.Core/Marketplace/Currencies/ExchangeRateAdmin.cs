using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Core.Marketplace.Currencies;

public sealed record SetExchangeRateRequest(string? Currency, decimal? Rate, DateOnly? ValidFrom);

/// <summary>The rate of a currency in force today; null when the operator has set none yet.</summary>
public sealed record CurrentRate(string Currency, string BaseCurrency, decimal? Rate, DateOnly? ValidFrom);

public sealed record RateChange(string Currency, decimal Rate, DateOnly ValidFrom, DateTime SetAt);

/// <summary>ANL-03: the operator keeps the exchange rates; every change re-prices the search index of its currency.</summary>
public sealed class ExchangeRateAdmin(AppDbContext db, ExchangeRates rates, EvidenceArchive archive, TimeProvider time,
    IOptions<MarketplaceOptions> options, IOptions<TradehallOptions> site)
{
    /// <summary>The column holds 20 digits with 10 after the point, so 10 before it.</summary>
    private const decimal RateLimit = 10_000_000_000m;

    private const int RateDecimals = 10;

    public async Task<IReadOnlyList<CurrentRate>> CurrentAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var history = await rates.HistoryAsync(Today(), cancellationToken);
        var since = await db.Set<ExchangeRate>().AsNoTracking().Where(r => r.ValidFrom <= Today())
            .GroupBy(r => r.Currency).Select(g => new { Currency = g.Key, From = g.Max(r => r.ValidFrom) })
            .ToDictionaryAsync(r => r.Currency, r => r.From, cancellationToken);
        return [.. o.Currencies.Select(c => new CurrentRate(c, o.BaseCurrency, history.Rate(c, Today()),
            c == o.BaseCurrency ? null : since.TryGetValue(c, out var from) ? from : null))];
    }

    /// <summary>The newest changes first, for the operator's page.</summary>
    public async Task<IReadOnlyList<RateChange>> HistoryAsync(int limit, CancellationToken cancellationToken) =>
        await db.Set<ExchangeRate>().AsNoTracking().OrderByDescending(r => r.ValidFrom).ThenBy(r => r.Currency).Take(limit)
            .Select(r => new RateChange(r.Currency, r.Rate, r.ValidFrom, r.SetAt)).ToListAsync(cancellationToken);

    /// <summary>
    /// Sets the rate of a currency from a day on (a later entry for the same day replaces it). Only today or past days:
    /// a rate never starts by itself later, so the search prices computed now stay right until the next change.
    /// </summary>
    public async Task<RateChange> SetAsync(SetExchangeRateRequest request, Guid operatorId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var errors = new FieldErrors();
        var currency = request.Currency?.Trim().ToUpperInvariant() ?? "";
        if (!o.Currencies.Contains(currency, StringComparer.Ordinal))
        {
            errors.Add(nameof(request.Currency), "Choose one of the listed currencies.");
        }
        else if (currency == o.BaseCurrency)
        {
            errors.Add(nameof(request.Currency), "The base currency is always 1 and takes no rate.");
        }
        if (request.Rate is not { } rate || rate <= 0 || rate >= RateLimit)
        {
            errors.Add(nameof(request.Rate), "Enter a rate greater than zero and below 10,000,000,000.");
        }
        else if (decimal.Round(rate, RateDecimals) != rate)
        {
            errors.Add(nameof(request.Rate), "A rate may have at most 10 decimal places.");
        }
        if (request.ValidFrom is not { } from)
        {
            errors.Add(nameof(request.ValidFrom), "Enter the day the rate is valid from.");
        }
        else if (from > Today())
        {
            errors.Add(nameof(request.ValidFrom), "A rate can start today or on a past day.");
        }
        errors.ThrowIfAny("marketplace.rate_invalid", "The exchange rate is not valid.");

        var day = request.ValidFrom!.Value;
        var now = time.UtcNow();
        var row = await db.Set<ExchangeRate>().FirstOrDefaultAsync(r => r.Currency == currency && r.ValidFrom == day, cancellationToken);
        var before = row?.Rate;
        if (row is null)
        {
            row = db.Set<ExchangeRate>().Add(new ExchangeRate { Currency = currency, ValidFrom = day }).Entity;
        }
        row.Rate = request.Rate!.Value;
        row.SetBy = operatorId;
        row.SetAt = now;
        archive.Record("marketplace.rate_set", $"currency:{currency}", operatorId,
            before: before is null ? null : new { rate = before }, after: new { rate = row.Rate, validFrom = day });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RepriceAsync(currency, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RateChange(currency, row.Rate, day, now);
    }

    /// <summary>
    /// The search entries of one currency get their base price from today's rate in one statement, so price sorts and
    /// ranges across currencies follow the change (entries without a rate keep none).
    /// </summary>
    private async Task RepriceAsync(string currency, CancellationToken cancellationToken)
    {
        var rate = (await rates.HistoryAsync(Today(), cancellationToken)).Rate(currency, Today());
        if (rate is not { } r)
        {
            await db.Set<ListingSearchEntry>().Where(e => e.Currency == currency)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.PriceBase, (long?)null), cancellationToken);
        }
        else if (db.Database.IsNpgsql())
        {
            // numeric arithmetic: exact, and ROUND on numeric rounds half away from zero like RateTable.ToBase.
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE marketplace_listing_search SET "PriceBase" = CAST(ROUND("Price" * CAST({r} AS numeric(20,10))) AS bigint) WHERE "Currency" = {currency}""",
                cancellationToken);
        }
        else
        {
            // SQLite has no decimal type and its binary REAL arithmetic would round some half-units the wrong way: each distinct price is
            // converted here with decimals and written through the (Currency, Price) index.
            var table = new RateTable(options.Value.BaseCurrency, new Dictionary<string, decimal> { [currency] = r });
            var prices = await db.Set<ListingSearchEntry>().Where(e => e.Currency == currency).Select(e => e.Price).Distinct().ToListAsync(cancellationToken);
            foreach (var price in prices)
            {
                var converted = table.ToBase(price, currency);
                await db.Set<ListingSearchEntry>().Where(e => e.Currency == currency && e.Price == price)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.PriceBase, converted), cancellationToken);
            }
        }
    }

    /// <summary>A fresh site gets the configured starting rates, so prices normalise before the operator sets any.</summary>
    public async Task EnsureStartingRatesAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<ExchangeRate>().AnyAsync(cancellationToken))
        {
            return;
        }
        var o = options.Value;
        var now = time.UtcNow();
        foreach (var (currency, rate) in o.StartingRates.Where(r => r.Key != o.BaseCurrency && r.Value > 0))
        {
            db.Set<ExchangeRate>().Add(new ExchangeRate { Currency = currency, ValidFrom = o.StartingRatesFrom, Rate = rate, SetBy = Guid.Empty, SetAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateOnly Today() => time.Today(site.Value.Zone);
}

/// <summary>ANL-01, ANL-03 wiring: rates kept by the operator and the price points analytics reads.</summary>
public static class MarketData
{
    public static void AddMarketData(IServiceCollection services)
    {
        services.AddScoped<ExchangeRateAdmin>();
        services.AddScoped<IMarketPrices, MarketPrices>();
    }

    /// <summary>Current rates for everyone, changes for operators.</summary>
    public static void MapMarketData(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exchange-rates", (ExchangeRateAdmin admin, CancellationToken ct) => admin.CurrentAsync(ct))
            .WithTags("Marketplace").Public();
        app.MapPost("/api/v1/operator/exchange-rates", async (SetExchangeRateRequest request, HttpContext http, ExchangeRateAdmin admin, CancellationToken ct) =>
                TypedResults.Created("/api/v1/exchange-rates", await admin.SetAsync(request, http.User.MemberId(), ct)))
            .WithTags("Operator").RequireOperator();
    }
}
