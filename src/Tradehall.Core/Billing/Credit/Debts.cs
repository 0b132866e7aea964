using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Contract;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Billing.Credit;

public sealed record CreditLimitRequest([property: Required(ErrorMessage = "Enter the credit limit.")] decimal? Limit);

/// <summary>A debt invoice as the subscriber sees it: what is owed by when, and the penalties it has drawn so far.</summary>
public sealed record DebtItem(Guid Id, decimal Amount, DateOnly IssuedOn, DateOnly DueOn, bool Overdue, decimal Penalties);

/// <summary>BIL-13: the credit the operator granted, what the account owes now (zero when the balance is not negative) and the open debt invoices.</summary>
public sealed record CreditView(decimal Limit, decimal Owed, string Currency, IReadOnlyList<DebtItem> Open);

/// <summary>
/// BIL-13: credit and the debts it makes. The operator sets a limit; orders and renewals may take the balance down to
/// minus the limit (the ledger's floor guards it, so parallel charges never pass it) unless a debt is overdue. A charge
/// that takes the balance below zero opens a debt for the part below zero, and Documents issues its invoice; a payment
/// that brings the balance back to zero or above settles every open debt.
/// </summary>
public sealed class Debts(
    AppDbContext db, BillingNotices notices, DomainEvents events, EvidenceArchive archive, TimeProvider time,
    IOptions<BillingOptions> options, IOptions<TradehallOptions> site, IStringLocalizer<SharedResource> text) : IDomainEventSubscriber<PaymentReceived>
{
    /// <summary>The lowest balance an order or renewal may leave: minus the limit, or zero while a debt of the account is overdue.</summary>
    public async Task<long> FloorAsync(BillingAccount account, DateOnly today, CancellationToken cancellationToken) =>
        account.CreditLimit == 0 || await OverdueAsync(account.Id, today, cancellationToken) ? 0 : -account.CreditLimit;

    public Task<bool> OverdueAsync(Guid billingAccountId, DateOnly today, CancellationToken cancellationToken) =>
        db.Set<Debt>().AnyAsync(d => d.BillingAccountId == billingAccountId && d.SettledOn == null && d.DueOn < today, cancellationToken);

    /// <summary>The part of a charge of <paramref name="charged"/> that went below zero, given the balance it left.</summary>
    public static long BelowZero(long charged, long balanceAfter) => balanceAfter >= 0 ? 0 : Math.Min(charged, -balanceAfter);

    /// <summary>
    /// BIL-13: whether the balance pays a charge of <paramref name="price"/> without going below <paramref name="floor"/>;
    /// without credit (a floor of zero) a balance of zero never does (BIL-10).
    /// </summary>
    public static bool Covers(long balance, long price, long floor) => balance - price >= floor && (balance > 0 || floor < 0);

    /// <summary>BIL-13: the penalty of one late day, rounded half away from zero to the minor unit; a day it rounds to nothing charges nothing.</summary>
    public static long PenaltyPerDay(long amount, decimal percentPerDay) =>
        (long)Math.Round(amount * percentPerDay / 100m, MidpointRounding.AwayFromZero);

    /// <summary>
    /// BIL-13: opens a debt of <paramref name="amount"/> (minor units) due in <see cref="BillingOptions.CreditInvoiceDays"/>
    /// calendar days and has its invoice issued, in the caller's transaction; nothing when the charge stayed above zero.
    /// </summary>
    public async Task IncurAsync(Guid billingAccountId, Guid memberId, string accountNumber, long amount, DateOnly today, CancellationToken cancellationToken)
    {
        if (amount <= 0)
        {
            return;
        }
        var debt = new Debt
        {
            BillingAccountId = billingAccountId,
            MemberId = memberId,
            Amount = amount,
            IssuedOn = today,
            DueOn = today.AddDays(options.Value.CreditInvoiceDays),
            CreatedAt = time.UtcNow(),
        };
        db.Set<Debt>().Add(debt);
        archive.Record("billing.debt_incurred", $"billing-account:{accountNumber}", null, onBehalfOfId: memberId,
            after: new { debt = debt.Id, amount = Money.ToAmount(amount), dueOn = debt.DueOn });
        notices.DebtInvoiceIssued(memberId, amount, debt.DueOn);
        await events.PublishAsync(new DebtInvoiceDue(debt.Id, memberId, accountNumber, amount, debt.DueOn), cancellationToken);
    }

    /// <summary>BIL-13: a payment that brings the balance back to zero or above settles the account's debts, in the crediting transaction.</summary>
    public async Task HandleAsync(PaymentReceived payment, CancellationToken cancellationToken)
    {
        var account = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == payment.MemberId)
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => new { a.Id, l.Balance })
            .SingleAsync(cancellationToken);
        if (account.Balance >= 0)
        {
            await SettleAsync([account.Id], time.Today(site.Value.Zone), cancellationToken);
        }
    }

    /// <summary>Marks the open debts of these accounts settled on <paramref name="today"/>; the callers know their balances are not negative.</summary>
    public Task<int> SettleAsync(IReadOnlyCollection<Guid> billingAccountIds, DateOnly today, CancellationToken cancellationToken) =>
        db.Set<Debt>().Where(d => billingAccountIds.Contains(d.BillingAccountId) && d.SettledOn == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.SettledOn, today), cancellationToken);

    /// <summary>BIL-13: the operator sets the account's credit limit; a limit below what the account owes now is refused.</summary>
    public async Task SetLimitAsync(string accountNumber, CreditLimitRequest request, Guid operatorId, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var limit = 0L;
        if (!errors.Has("limit") && request.Limit is { } value)
        {
            if (value < 0)
            {
                errors.Add("limit", text["The credit limit may not be negative."]);
            }
            else if (Money.ToMinor(value) is not { } minor)
            {
                errors.Add("limit", text["The credit limit may have at most two decimal places."]);
            }
            else if (value > options.Value.MaxCreditLimit)
            {
                errors.Add("limit", text["The credit limit may not exceed {0}.", options.Value.MaxCreditLimit.ToString("0.00", CultureInfo.InvariantCulture)]);
            }
            else
            {
                limit = minor;
            }
        }
        errors.ThrowIfAny();
        await db.InTransactionAsync(async () =>
        {
            var account = await db.Set<BillingAccount>().FirstOrDefaultAsync(a => a.Number == accountNumber, cancellationToken)
                ?? throw DomainException.NotFound("billing.unknown_account", "There is no personal account with this number.");
            Termination.EnsureLive(account);
            var balance = await db.Set<LedgerAccount>().Where(l => l.Id == account.LedgerAccountId).Select(l => l.Balance).SingleAsync(cancellationToken);
            if (limit < -balance)
            {
                throw DomainException.Field("billing.limit_below_debt", "limit",
                    text["The credit limit may not be below the account's current debt of {0}.", Money.ToAmount(-balance).ToString("0.00", CultureInfo.InvariantCulture)]);
            }
            var before = account.CreditLimit;
            account.CreditLimit = limit;
            archive.Record("billing.credit_limit_set", $"billing-account:{account.Number}", operatorId, onBehalfOfId: account.MemberId,
                before: new { limit = Money.ToAmount(before) }, after: new { limit = Money.ToAmount(limit) });
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>BIL-13: the member's credit, debt and open debt invoices with their penalties so far.</summary>
    public async Task<CreditView> ViewAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var account = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId)
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => new { a.Id, a.CreditLimit, l.Balance, l.Currency })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        var today = time.Today(site.Value.Zone);
        var open = await db.Set<Debt>().AsNoTracking().Where(d => d.BillingAccountId == account.Id && d.SettledOn == null)
            .OrderBy(d => d.IssuedOn).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        return new CreditView(Money.ToAmount(account.CreditLimit), Money.ToAmount(Math.Max(0, -account.Balance)), account.Currency,
            [.. open.Select(d => new DebtItem(d.Id, Money.ToAmount(d.Amount), d.IssuedOn, d.DueOn, d.DueOn < today, Money.ToAmount(d.Penalties)))]);
    }
}
