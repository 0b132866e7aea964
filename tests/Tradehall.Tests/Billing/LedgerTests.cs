using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-02: postings straight through <see cref="Ledger"/>, the way the billing code calls it.</summary>
public sealed class LedgerTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private async Task<Guid> OpenAccountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = scope.ServiceProvider.GetRequiredService<BillingAccounts>().Open(Guid.NewGuid());
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return account.LedgerAccountId;
    }

    private async Task<Guid> SystemAccountAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerPostings>().SystemAccountAsync(code, CancellationToken.None);
    }

    /// <summary>One posting in its own transaction, committed when it succeeds and rolled back when it throws.</summary>
    private async Task PostAsync(Posting posting)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<LedgerPostings>().PostAsync(posting, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private Task<long> KeptBalanceAsync(Guid account) =>
        app.WithDb(db => db.Set<LedgerAccount>().Where(a => a.Id == account).Select(a => a.Balance).SingleAsync());

    private Task<long> EntriesSumAsync(Guid account) =>
        app.WithDb(db => db.Set<LedgerEntry>().Where(e => e.AccountId == account).SumAsync(e => e.Amount));

    private static Posting TopUp(Guid subscriber, Guid cash, long amount, string? externalId = null) =>
        new("topup.test", DeferredText.Line("Test top-up"), [new Leg(subscriber, amount), new Leg(cash, -amount)], Source: externalId is null ? null : "test", ExternalId: externalId);

    [Fact]
    public async Task BIL02_a_charge_that_would_cross_the_floor_is_refused_with_402_and_moves_nothing()
    {
        var subscriber = await OpenAccountAsync();
        var cash = await SystemAccountAsync(SystemAccounts.GatewayCash);
        var revenue = await SystemAccountAsync(SystemAccounts.Revenue);
        await PostAsync(TopUp(subscriber, cash, 10_000));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            PostAsync(new Posting("charge.test", DeferredText.Line("Test charge"), [new Leg(subscriber, -15_000, Floor: 0), new Leg(revenue, 15_000)])));
        Assert.Equal("billing.insufficient_balance", refused.Code);
        Assert.Equal(402, refused.Status);
        Assert.Equal(10_000, await KeptBalanceAsync(subscriber));

        await PostAsync(new Posting("charge.test", DeferredText.Line("Test charge"), [new Leg(subscriber, -10_000, Floor: 0), new Leg(revenue, 10_000)]));
        Assert.Equal(0, await KeptBalanceAsync(subscriber));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL02_a_transfer_refused_on_its_second_account_leaves_the_first_unchanged()
    {
        var one = await OpenAccountAsync();
        var other = await OpenAccountAsync();
        // Legs are applied in account order: the payee's credit goes first, then the payer's debit is refused.
        var (payee, payer) = one.CompareTo(other) < 0 ? (one, other) : (other, one);
        var cash = await SystemAccountAsync(SystemAccounts.GatewayCash);
        await PostAsync(TopUp(payer, cash, 500));

        await Assert.ThrowsAsync<DomainException>(() =>
            PostAsync(new Posting("transfer.test", DeferredText.Line("Test transfer"), [new Leg(payer, -800, Floor: 0), new Leg(payee, 800)])));
        Assert.Equal(500, await KeptBalanceAsync(payer));
        Assert.Equal(0, await KeptBalanceAsync(payee));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL02_system_accounts_keep_no_balance_row_however_often_they_are_posted_to()
    {
        var subscriber = await OpenAccountAsync();
        var cash = await SystemAccountAsync(SystemAccounts.GatewayCash);
        var before = await EntriesSumAsync(cash);
        for (var i = 1; i <= 3; i++)
        {
            await PostAsync(TopUp(subscriber, cash, i * 100));
        }
        // Summed when asked; the row that would make every posting wait on it is never written.
        Assert.Equal(0, await KeptBalanceAsync(cash));
        Assert.Equal(before - 600, await EntriesSumAsync(cash));
        Assert.Equal(600, await KeptBalanceAsync(subscriber));
        Assert.All(await app.WithDb(db => db.Set<LedgerEntry>().Where(e => e.AccountId == cash).ToListAsync()), e => Assert.Null(e.BalanceAfter));
    }

    [Fact]
    public async Task BIL02_a_posting_whose_entries_fail_to_save_moves_no_balance()
    {
        var subscriber = await OpenAccountAsync();
        var cash = await SystemAccountAsync(SystemAccounts.GatewayCash);
        var paymentId = Guid.NewGuid().ToString("N");
        await PostAsync(TopUp(subscriber, cash, 700, paymentId));

        // The same external payment again: the balance moves first, then the unique index refuses the transaction row.
        await Assert.ThrowsAsync<DbUpdateException>(() => PostAsync(TopUp(subscriber, cash, 700, paymentId)));
        Assert.Equal(700, await KeptBalanceAsync(subscriber));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL02_a_posting_outside_a_transaction_or_that_does_not_sum_to_zero_is_refused()
    {
        var subscriber = await OpenAccountAsync();
        var cash = await SystemAccountAsync(SystemAccounts.GatewayCash);
        await using var scope = app.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerPostings>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.PostAsync(TopUp(subscriber, cash, 100), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => PostAsync(new Posting("bad", DeferredText.Line("Unbalanced"), [new Leg(subscriber, 100), new Leg(cash, -99)])));
        Assert.Equal(0, await KeptBalanceAsync(subscriber));
    }
}
