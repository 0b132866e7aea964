using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Analytics;

/// <summary>The real app with payments for subscriptions; price reviews are made when a test asks, not by the worker (as in every test app).</summary>
public sealed class AnalyticsApp : TradehallApp
{
    public AnalyticsApp()
    {
        Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
    }
}

public static class AnalyticsSteps
{
    /// <summary>A member with an active subscription of the kind ("analytics", "price-review").</summary>
    public static async Task<TestMember> SubscriberAsync(TradehallApp app, string kind)
    {
        var s = await Subscribers.CreateAsync(app, 10_000m, kind: kind);
        await Subscribers.OrderFirstAsync(app, s.Member, kind);
        return s.Member;
    }

    public static async Task<IReadOnlyList<CategoryNode>> TreeAsync(TradehallApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMarketPrices>().CategoriesAsync(CancellationToken.None);
    }

    /// <summary>Listings inserted as rows: what the create API would store, with the price in whole units.</summary>
    public static Task ListAsync(TradehallApp app, params (ListingType Type, int Category, decimal Price, string Currency, string Posted, string Region, ListingStatus Status)[] rows) =>
        InsertAsync(app, [.. rows.Select(r => (r.Type, r.Category, r.Price, r.Currency, "m3", r.Posted, r.Region, r.Status))]);

    /// <summary>Active listings in roubles in Tver, each priced per its own unit.</summary>
    public static Task ListInUnitsAsync(TradehallApp app, params (ListingType Type, int Category, decimal Price, string Unit, string Posted)[] rows) =>
        InsertAsync(app, [.. rows.Select(r => (r.Type, r.Category, r.Price, "RUB", r.Unit, r.Posted, "Tver", ListingStatus.Active))]);

    private static Task InsertAsync(TradehallApp app,
        IReadOnlyList<(ListingType Type, int Category, decimal Price, string Currency, string Unit, string Posted, string Region, ListingStatus Status)> rows) =>
        app.WithDb(async db =>
        {
            foreach (var r in rows)
            {
                var posted = DateTime.Parse(r.Posted, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
                db.Add(new Listing
                {
                    Type = r.Type, Status = r.Status, OwnerId = Guid.NewGuid(), Title = "Lot", Description = "Lot", CategoryId = r.Category,
                    Price = (long)(r.Price * 100), Currency = r.Currency, Unit = r.Unit, Quantity = 1, Country = "RU", Region = r.Region,
                    PostedAt = posted, UpdatedAt = posted, ExpiresAt = posted.AddDays(60),
                });
            }
            await db.SaveChangesAsync();
        });

    public static async Task SetRateAsync(TradehallApp app, string operatorToken, string currency, decimal rate, string validFrom)
    {
        using var client = app.Api(operatorToken);
        var response = await client.PostAsJsonAsync("/api/v1/operator/exchange-rates", new { currency, rate, validFrom });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Price-review emails queued for a member: they are written with the reviews, in one transaction, so this count
    /// is final as soon as the run has returned — no waiting for a delivery that should not come.
    /// </summary>
    public static Task<int> ReviewEmailsQueuedAsync(TradehallApp app, Guid memberId) =>
        app.WithDb(db => db.Set<OutboxMessage>().CountAsync(m => m.MemberId == memberId && m.Subject!.StartsWith("Price reviews")));
}
