using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Run;
using static Tradehall.Tests.Billing.CreditSteps;
using static Tradehall.Tests.Moderation.SanctionSteps;

namespace Tradehall.Tests.Moderation;

/// <summary>
/// OPS-02, OPS-04, BIL-18: an enforcement suspension on the fake clock — services suspended, a top-up does not resume
/// them, the storage fee is charged once a month, lifting brings back what is paid, and termination after more than
/// six months. One site walks the months for all three members.
/// </summary>
public sealed class EnforcementSuspensionTests
{
    [Fact]
    public async Task OPS04_BIL18_an_enforcement_suspension_charges_storage_monthly_survives_top_ups_and_after_over_6_months_allows_termination()
    {
        var start = new DateOnly(2026, 3, 10);
        using var app = new SanctionApp();
        var kept = await Subscribers.CreateAsync(app, 10_000m);
        var lifted = await Subscribers.CreateAsync(app, 10_000m);
        var poor = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, poor.Number, poor.Price + 100m);
        var credited = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, credited.Number, credited.Price);
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, credited.Number, 1_000m)).StatusCode);
        using var keptClient = app.Api(kept.Member.Token);
        using var liftedClient = app.Api(lifted.Member.Token);
        using var poorClient = app.Api(poor.Member.Token);
        using var creditedClient = app.Api(credited.Member.Token);
        foreach (var (client, s) in new[] { (keptClient, kept), (liftedClient, lifted), (poorClient, poor), (creditedClient, credited) })
        {
            Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);
        }

        await ImposedAsync(app, kept.Member.Id, new { kind = "suspension", reason = "Fraud." });
        var liftedId = await ImposedAsync(app, lifted.Member.Id, new { kind = "suspension", reason = "Fraud." });
        await ImposedAsync(app, poor.Member.Id, new { kind = "suspension", reason = "Fraud." });
        await ImposedAsync(app, credited.Member.Id, new { kind = "suspension", reason = "Fraud." });
        Assert.Equal("suspended", await StatusAsync(keptClient));
        Assert.Equal("suspended", (await (await keptClient.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
        var order = await Subscribers.OrderAsync(keptClient, (await Subscribers.CreateAsync(app, 0m, kind: "price-review")).Tariff);
        Assert.Equal((HttpStatusCode.Forbidden, "billing.suspended_by_operator"), (order.StatusCode, await CodeAsync(order)));
        var listing = await Marketplace.ListingSteps.PostAsync(app, kept.Member, Marketplace.ListingSteps.Body(await Marketplace.ListingSteps.CategoryAsync(app)));
        Assert.Equal((HttpStatusCode.Forbidden, "moderation.suspended"), (listing.StatusCode, await CodeAsync(listing)));
        var twice = await ImposeAsync(app, kept.Member.Id, new { kind = "suspension", reason = "Again." });
        Assert.Equal((HttpStatusCode.Conflict, "moderation.already_suspended"), (twice.StatusCode, await CodeAsync(twice)));

        // A payment does not resume what a sanction suspended; the day's run charges the storage fee once.
        await Subscribers.TopUpAsync(app, kept.Number, 5_000m);
        await RunAsync(app, start);
        await RunAsync(app, start);
        Assert.Equal("suspended", await StatusAsync(keptClient));
        var fee = Assert.Single(await LinesAsync(keptClient, StorageFees.Kind));
        Assert.Equal(-300m, fee.GetProperty("amount").GetDecimal());
        Assert.StartsWith("Information storage during suspension", fee.GetProperty("description").GetString(), StringComparison.Ordinal);
        // BIL-13: without credit the fee takes the balance to zero, not below: only what is there is charged.
        Assert.Equal(-100m, Assert.Single(await LinesAsync(poorClient, StorageFees.Kind)).GetProperty("amount").GetDecimal());
        Assert.Equal(0m, await Subscribers.BalanceAsync(poorClient));
        // With credit it goes below zero down to the limit, and the debt gets its invoice as a renewal's would.
        Assert.Equal(-300m, await Subscribers.BalanceAsync(creditedClient));
        Assert.Single((await CreditAsync(creditedClient)).GetProperty("open").EnumerateArray());

        // Lifting brings back at once what is paid for.
        app.Clock.AdjustTime(At(start.AddDays(5)));
        Assert.Equal(HttpStatusCode.NoContent, (await LiftAsync(app, lifted.Member.Id, liftedId)).StatusCode);
        Assert.Equal("active", await StatusAsync(liftedClient));

        // The next month's fee comes with the month's first run, across the month end, and once.
        await RunAsync(app, new DateOnly(2026, 4, 9));
        Assert.Single(await LinesAsync(keptClient, StorageFees.Kind));
        await RunAsync(app, new DateOnly(2026, 4, 10));
        await RunAsync(app, new DateOnly(2026, 4, 10));
        Assert.Equal(2, (await LinesAsync(keptClient, StorageFees.Kind)).Length);
        Assert.Single(await LinesAsync(liftedClient, StorageFees.Kind));

        // OPS-04: six months to the day is not "over six months"; the grace period did not delete the kept data meanwhile.
        await RunAsync(app, start.AddMonths(6));
        Assert.Equal("suspended", await StatusAsync(keptClient));
        var early = await ImposeAsync(app, kept.Member.Id, new { kind = "termination", reason = "Long suspension.", confirmForfeit = true });
        Assert.Equal((HttpStatusCode.Conflict, "moderation.termination_not_allowed"), (early.StatusCode, await CodeAsync(early)));
        Assert.Equal(7, (await LinesAsync(keptClient, StorageFees.Kind)).Length);

        app.Clock.AdjustTime(At(start.AddMonths(6).AddDays(1)));
        await ImposedAsync(app, kept.Member.Id, new { kind = "termination", reason = "Long suspension.", confirmForfeit = true });
        var account = await (await keptClient.GetAsync("/api/v1/billing/account")).JsonAsync();
        Assert.Equal(("terminated", 0m), (account.GetProperty("status").GetString(), account.GetProperty("balance").GetDecimal()));
        Assert.Equal("stopped", await StatusAsync(keptClient));
        Assert.Equal("longSuspension", await app.WithDb(db => db.Set<Tradehall.Core.Billing.Accounts.BillingAccount>()
            .Where(a => a.Number == kept.Number).Select(a => a.TerminationReason).SingleAsync()));
        // No fee after the contract ended.
        await RunAsync(app, start.AddMonths(7));
        Assert.Equal(7, (await LinesAsync(keptClient, StorageFees.Kind)).Length);
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }
}
