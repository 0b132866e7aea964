using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Demo;

/// <summary>
/// <c>tradehall demo seed</c>: members with personal accounts, opening balances and subscriptions falling due on
/// one day, written in bulk — the load for the billing run's benchmark and a way to see the operator pages at
/// scale. Every member signs in with the demo password. Most balances cover two periods; every tenth covers
/// none (those services are suspended by the run) and every twentieth service does not renew.
/// </summary>
internal static class DemoSeed
{
    private const int MembersPerTransaction = 5_000;
    private const int ServicesPerMember = 2;

    public static async Task<int> RunAsync(IServiceProvider services, int serviceCount, DateOnly dueOn, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var ledger = services.GetRequiredService<LedgerPostings>();
        var time = services.GetRequiredService<TimeProvider>();
        var currency = services.GetRequiredService<IOptions<BillingOptions>>().Value.Currency;
        var activatedOn = dueOn.AddMonths(-1);
        var tariffs = await db.Set<Tariff>().AsNoTracking().Where(t => t.Active && !t.ConfirmationRequired).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var kinds = await db.Set<ServiceKind>().AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Code, cancellationToken);
        var bank = await ledger.SystemAccountAsync(SystemAccounts.BankCash, cancellationToken);
        var hasher = services.GetRequiredService<IPasswordHasher<Member>>();
        var first = await db.Set<Member>().CountAsync(cancellationToken);
        var numbered = await db.Set<BillingAccount>().CountAsync(cancellationToken);
        var memberCount = (serviceCount + ServicesPerMember - 1) / ServicesPerMember;
        var now = time.UtcNow();
        var seeded = 0;
        progress.Report(new JobProgress("seed", 0, serviceCount));
        for (var start = 0; start < memberCount; start += MembersPerTransaction)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var members = new List<Member>();
            var ledgerAccounts = new List<LedgerAccount>();
            var accounts = new List<BillingAccount>();
            var subscribed = new List<SubscribedService>();
            var openings = new List<Posting>();
            for (var i = start; i < Math.Min(memberCount, start + MembersPerTransaction); i++)
            {
                var n = first + i;
                var email = $"member{n}@load.tradehall.local";
                var member = LoadMember(email, $"+7990{n:D7}", "Member", n, now);
                member.PasswordHash = members.Count == 0 ? hasher.HashPassword(member, DemoData.Password) : members[0].PasswordHash;
                members.Add(member);
                var number = BillingAccounts.NumberFor(99_999_999 - numbered - i);
                var ledgerAccount = new LedgerAccount { Code = "subscriber:" + number, Currency = currency, CachesBalance = true, CreatedAt = now };
                ledgerAccounts.Add(ledgerAccount);
                accounts.Add(new BillingAccount
                {
                    MemberId = member.Id, Number = number, LedgerAccountId = ledgerAccount.Id, CreatedAt = now,
                    ContractNumber = "TH-" + number, ContractStartedOn = activatedOn,
                });
                long due = 0;
                for (var k = 0; k < ServicesPerMember && seeded + subscribed.Count < serviceCount; k++)
                {
                    var tariff = tariffs[(i + k) % tariffs.Count];
                    due += tariff.Price;
                    subscribed.Add(new SubscribedService
                    {
                        MemberId = member.Id, BillingAccountId = accounts[^1].Id, TariffId = tariff.Id, KindCode = kinds[tariff.KindId],
                        Status = ServiceStatus.Active, AutoRenew = (i * ServicesPerMember + k) % 20 != 0, ActivatedOn = activatedOn, Period = 1,
                        PeriodStart = activatedOn, PeriodEnd = dueOn, CreatedAt = now,
                    });
                }
                var opening = i % 10 == 0 ? due / 4 : due * 2;
                openings.Add(new Posting("topup.demo", DeferredText.Line("Demo opening balance"), [new Leg(ledgerAccount.Id, opening), new Leg(bank, -opening)]));
            }
            await db.InsertEntitiesAsync(members, cancellationToken);
            await db.InsertEntitiesAsync(ledgerAccounts, cancellationToken);
            await db.InsertEntitiesAsync(accounts, cancellationToken);
            await ledger.PostManyAsync(openings, cancellationToken);
            await db.InsertEntitiesAsync(subscribed, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            seeded += subscribed.Count;
            progress.Report(new JobProgress("seed", seeded, serviceCount));
        }
        return seeded;
    }

    /// <summary>A member as registration leaves one — confirmed, in Vologda — for bulk loads; the caller adds the rest.</summary>
    internal static Member LoadMember(string email, string phone, string firstName, int n, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PhoneNumber = phone,
        PhoneNumberConfirmed = true,
        FirstName = firstName,
        LastName = $"No. {n}",
        City = "Vologda",
        DateOfBirth = new DateOnly(1980, 1, 1).AddDays(n % 7000),
        RegisteredAt = now,
        LockoutEnabled = true,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
    };
}
