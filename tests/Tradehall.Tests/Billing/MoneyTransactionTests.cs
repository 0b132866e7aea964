using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.TopUps;
using Tradehall.Core.Data;

namespace Tradehall.Tests.Billing;

/// <summary>
/// BIL-02: a money service opens its own transaction when its caller has none and joins the caller's when there is one,
/// so it is atomic however it is called — not only inside an idempotent call.
/// </summary>
public sealed class MoneyTransactionTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private static readonly Guid OperatorId = Guid.CreateVersion7();

    private async Task<(string Number, Guid LedgerAccount)> AccountAsync()
    {
        var member = await Members.RegisterAsync(app);
        return await app.WithDb(db => db.Set<BillingAccount>().Where(a => a.MemberId == member.Id)
            .Select(a => new ValueTuple<string, Guid>(a.Number, a.LedgerAccountId)).SingleAsync());
    }

    private Task<long> BalanceAsync(Guid ledgerAccount) =>
        app.WithDb(db => db.Set<LedgerAccount>().Where(a => a.Id == ledgerAccount).Select(a => a.Balance).SingleAsync());

    private Task<int> EntriesAsync(Guid ledgerAccount) =>
        app.WithDb(db => db.Set<LedgerEntry>().CountAsync(e => e.AccountId == ledgerAccount));

    private static Task<TopUpResult> CreditAsync(IServiceProvider services, string number) =>
        services.GetRequiredService<TopUpService>().CreditByOperatorAsync(number, new CreditRequest(150m, "Prepayment"), OperatorId, CancellationToken.None);

    [Fact]
    public async Task BIL02_a_credit_called_without_a_transaction_commits_in_its_own()
    {
        var (number, ledgerAccount) = await AccountAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Null(db.Database.CurrentTransaction);
            await CreditAsync(scope.ServiceProvider, number);
            Assert.Null(db.Database.CurrentTransaction);
        }
        Assert.Equal(15_000, await BalanceAsync(ledgerAccount));
        Assert.Equal(1, await EntriesAsync(ledgerAccount));
    }

    [Fact]
    public async Task BIL02_a_credit_failing_after_the_balance_moved_leaves_nothing_though_no_caller_opened_a_transaction()
    {
        var (number, ledgerAccount) = await AccountAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The ledger moves the balance and appends its entries by plain SQL before the service saves the rest: failing
            // that save is failing half-way.
            db.SavingChanges += (_, _) => throw new InvalidOperationException("The save fails.");
            var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => CreditAsync(scope.ServiceProvider, number));
            Assert.Equal("The save fails.", failed.Message);
        }
        Assert.Equal(0, await BalanceAsync(ledgerAccount));
        Assert.Equal(0, await EntriesAsync(ledgerAccount));
    }

    [Fact]
    public async Task BIL02_a_credit_inside_a_callers_transaction_is_undone_by_its_rollback()
    {
        var (number, ledgerAccount) = await AccountAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await CreditAsync(scope.ServiceProvider, number);
            Assert.Same(transaction, db.Database.CurrentTransaction);
            await transaction.RollbackAsync();
        }
        Assert.Equal(0, await BalanceAsync(ledgerAccount));
        Assert.Equal(0, await EntriesAsync(ledgerAccount));
    }
}
