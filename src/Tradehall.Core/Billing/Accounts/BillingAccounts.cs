using System.Security.Cryptography;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Billing.Accounts;

public sealed record AccountView(string Number, decimal Balance, string Currency, string Status, string? ContractNumber, DateOnly? ContractStartedOn);

/// <summary>BIL-01: opening a member's personal account and reading it.</summary>
[ModuleApi]
public sealed class BillingAccounts(AppDbContext db, TimeProvider time, IOptions<BillingOptions> options) : IDomainEventSubscriber<MemberRegistered>
{
    /// <summary>Every member gets a personal account at registration, in the same transaction.</summary>
    public Task HandleAsync(MemberRegistered domainEvent, CancellationToken cancellationToken)
    {
        Open(domainEvent.MemberId);
        return Task.CompletedTask;
    }

    public BillingAccount Open(Guid memberId)
    {
        var number = NewNumber();
        var ledger = new LedgerAccount { Code = "subscriber:" + number, Currency = options.Value.Currency, CachesBalance = true, CreatedAt = time.UtcNow() };
        var account = new BillingAccount { MemberId = memberId, Number = number, LedgerAccountId = ledger.Id, CreatedAt = time.UtcNow() };
        db.Set<LedgerAccount>().Add(ledger);
        db.Set<BillingAccount>().Add(account);
        return account;
    }

    /// <summary>The member's personal account as other modules see it, or null before it is opened.</summary>
    public Task<AccountSummary?> SummaryAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId)
            .Select(a => new AccountSummary(a.MemberId, a.Number, a.ContractStartedOn))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<BillingAccount?> ForMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<BillingAccount>().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken);

    public Task<BillingAccount?> ByNumberAsync(string number, CancellationToken cancellationToken) =>
        db.Set<BillingAccount>().FirstOrDefaultAsync(a => a.Number == number, cancellationToken);

    public async Task<AccountView> ViewAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var row = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId)
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => new { a, l.Balance, l.Currency })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        return new AccountView(row.a.Number, Money.ToAmount(row.Balance), row.Currency, row.a.Status.ToString().ToLowerInvariant(),
            row.a.ContractNumber, row.a.ContractStartedOn);
    }

    /// <summary>BIL-04: the first top-up starts the contract; its number and date are recorded once.</summary>
    public static void AcceptOffer(BillingAccount account, DateOnly today)
    {
        if (account.ContractNumber is null)
        {
            account.ContractNumber = "TH-" + account.Number;
            account.ContractStartedOn = today;
        }
    }

    private static string NewNumber() => NumberFor(RandomNumberGenerator.GetInt32(10_000_000, 100_000_000));

    /// <summary>The account number with this eight-digit body and its check digit.</summary>
    public static string NumberFor(int body)
    {
        var digits = body.ToString("D8", CultureInfo.InvariantCulture);
        return digits + LuhnDigit(digits);
    }

    public static bool IsValidNumber(string? number) =>
        number is { Length: 9 } && number.All(char.IsAsciiDigit) && LuhnDigit(number[..8]) == number[8];

    private static char LuhnDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
