using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Legal;

namespace Tradehall.Core.Billing.Services;

public sealed record OrderRequest([property: Required(ErrorMessage = "Choose a tariff.")] Guid? TariffId, bool AutoRenew = true);

/// <summary>
/// BIL-07: an order before it is placed. <see cref="PeriodStart"/> and <see cref="PeriodEnd"/> are null for a tariff the
/// operator confirms first (the period starts on that day); <see cref="Shortfall"/> is what the balance lacks, zero when it covers the price.
/// </summary>
public sealed record OrderQuote(Guid TariffId, string Kind, string KindName, string TariffName, decimal Price, string Currency, int PeriodMonths,
    bool Refundable, bool ConfirmationRequired, DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal Balance, decimal BalanceAfter, decimal Shortfall);

/// <summary>
/// A subscriber's service. BIL-20: <see cref="PausedOn"/> is the day a paused service was paused; <see cref="PaidAtPausePrice"/>
/// says its current period was paid at the pause tariff, so resuming it starts a new period at the full price.
/// </summary>
public sealed record ServiceView(Guid Id, string Kind, Guid TariffId, string Status, bool AutoRenew, DateOnly? PeriodStart, DateOnly? PeriodEnd, Guid? NextTariffId,
    DateOnly? PausedOn = null, bool PaidAtPausePrice = false);

/// <summary>
/// BIL-07: a subscriber with complete legal data orders a service; the first period is paid from the
/// balance in advance (402 when it does not cover it) in the same transaction as the order. A built-in subscription
/// is held once: a second order of its kind, sequential or parallel, answers 409 <c>billing.already_subscribed</c>.
/// </summary>
public sealed class Ordering(
    AppDbContext db, Ledger.LedgerPostings ledger, Credit.Debts debts, SubscriberLegalData legal, EvidenceArchive archive, Hooks.ProvisioningHooks hooks, TimeProvider time,
    IOptions<TradehallOptions> site, IEnumerable<IOrderingRestrictions> restrictions)
{
    public Task<ServiceView> OrderAsync(Guid memberId, OrderRequest request, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => OrderInTransactionAsync(memberId, request, cancellationToken), cancellationToken);

    private async Task<ServiceView> OrderInTransactionAsync(Guid memberId, OrderRequest request, CancellationToken cancellationToken)
    {
        var (tariff, kind, account) = await CheckAsync(memberId, request, cancellationToken);
        var revenue = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Revenue, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var period = FirstPeriod(tariff, today);
        var service = new SubscribedService
        {
            MemberId = memberId,
            BillingAccountId = account.Id,
            TariffId = tariff.Id,
            KindCode = kind.Code,
            Exclusive = kind.BuiltIn,
            AutoRenew = request.AutoRenew,
            CreatedAt = time.UtcNow(),
            Period = 1,
        };
        if (period is not { } first)
        {
            service.Status = ServiceStatus.AwaitingConfirmation;
        }
        else
        {
            service.Status = ServiceStatus.Active;
            service.ActivatedOn = first.Start;
            service.PeriodStart = first.Start;
            service.PeriodEnd = first.End;
        }
        // BIL-13: credit lets the charge go below zero down to the limit; the part below zero is a debt with its invoice.
        var floor = await debts.FloorAsync(account, today, cancellationToken);
        var posted = await ledger.PostAsync(new Ledger.Posting("charge", DeferredText.Line("{0}, {1}: first period", DeferredValue.Names(kind.Name), DeferredValue.Names(tariff.NameIn)),
            [new Ledger.Leg(account.LedgerAccountId, -tariff.Price, Floor: floor), new Ledger.Leg(revenue, tariff.Price)], memberId), cancellationToken);
        var balanceAfter = posted.Entries.Single(e => e.AccountId == account.LedgerAccountId).BalanceAfter!.Value;
        await debts.IncurAsync(account.Id, memberId, account.Number, Credit.Debts.BelowZero(tariff.Price, balanceAfter), today, cancellationToken);
        db.Set<SubscribedService>().Add(service);
        archive.Record("billing.service_ordered", $"service:{service.Id}", memberId,
            after: new { kind = kind.Code, tariff = tariff.Name, price = Money.ToAmount(tariff.Price), service.PeriodStart, service.PeriodEnd });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e, "billing_services", SubscribedServiceConfiguration.OneLivePerKindIndex))
        {
            // A parallel order of the same kind committed first; this one's charge rolls back with it.
            throw AlreadySubscribed();
        }
        if (service.Status == ServiceStatus.Active)
        {
            await hooks.QueueAsync([service.Id], Hooks.HookActions.Activate, cancellationToken);
        }
        return View(service);
    }

    /// <summary>
    /// BIL-07: what ordering <paramref name="tariffId"/> would do — the price, the period it pays for and the balance
    /// before and after — without doing it. It makes the order's own checks, so it refuses what the order would refuse;
    /// a balance that does not cover the price is not a refusal here but the <see cref="OrderQuote.Shortfall"/>.
    /// </summary>
    public async Task<OrderQuote> QuoteAsync(Guid memberId, Guid? tariffId, string culture, CancellationToken cancellationToken)
    {
        var (tariff, kind, account) = await CheckAsync(memberId, new OrderRequest(tariffId), cancellationToken);
        var ledgerAccount = await db.Set<Ledger.LedgerAccount>().AsNoTracking().Where(l => l.Id == account.LedgerAccountId)
            .Select(l => new { l.Balance, l.Currency }).SingleAsync(cancellationToken);
        var today = time.Today(site.Value.Zone);
        var period = FirstPeriod(tariff, today);
        var floor = await debts.FloorAsync(account, today, cancellationToken);
        var shortfall = Credit.Debts.Covers(ledgerAccount.Balance, tariff.Price, floor) ? 0 : Math.Max(1, tariff.Price - ledgerAccount.Balance + floor);
        return new OrderQuote(tariff.Id, kind.Code, kind.Name(culture), tariff.NameIn(culture), Money.ToAmount(tariff.Price), ledgerAccount.Currency,
            tariff.PeriodMonths, tariff.Refundable, tariff.ConfirmationRequired, period?.Start, period?.End,
            Money.ToAmount(ledgerAccount.Balance), Money.ToAmount(ledgerAccount.Balance - tariff.Price), Money.ToAmount(shortfall));
    }

    /// <summary>BIL-07, BIL-08: the first period starts on the day of the order; a confirmation-required tariff's starts when the operator confirms it.</summary>
    private static (DateOnly Start, DateOnly End)? FirstPeriod(Tariff tariff, DateOnly today) =>
        tariff.ConfirmationRequired ? null : (today, ReportingPeriods.End(today, 1, tariff.PeriodMonths));

    /// <summary>BIL-07: everything an order needs apart from the money — a tariff on sale, legal data, a live contract, no second built-in subscription.</summary>
    private async Task<(Tariff Tariff, ServiceKind Kind, BillingAccount Account)> CheckAsync(Guid memberId, OrderRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var tariff = await db.Set<Tariff>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TariffId && t.Active, cancellationToken)
            ?? throw DomainException.Field("billing.unknown_tariff", "tariffId", "There is no such tariff on sale.");
        var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Id == tariff.KindId, cancellationToken);
        if (!await legal.IsCompleteAsync(memberId, cancellationToken))
        {
            throw DomainException.Forbidden("billing.legal_data_required", "Enter your legal data before ordering a paid service.");
        }
        var account = await db.Set<BillingAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        Contract.Termination.EnsureLive(account);
        await Contract.Enforcement.EnsureMayOrderAsync(account, memberId, restrictions, cancellationToken);
        if (kind.BuiltIn && await db.Set<SubscribedService>().AnyAsync(s => s.MemberId == memberId && s.KindCode == kind.Code && SubscribedService.Live.Contains(s.Status), cancellationToken))
        {
            throw AlreadySubscribed();
        }
        return (tariff, kind, account);
    }

    private static DomainException AlreadySubscribed() =>
        DomainException.Conflict("billing.already_subscribed", "tariffId",
            "You already have this subscription. Switch its tariff or wait until it ends instead of ordering it again.");

    public async Task<IReadOnlyList<ServiceView>> ListAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await db.Set<SubscribedService>().AsNoTracking().Where(s => s.MemberId == memberId).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken))
            .Select(View).ToList();

    internal static ServiceView View(SubscribedService s) =>
        new(s.Id, s.KindCode, s.TariffId, s.Status switch
        {
            ServiceStatus.AwaitingConfirmation => "awaitingConfirmation",
            _ => s.Status.ToString().ToLowerInvariant(),
        }, s.AutoRenew, s.PeriodStart, s.PeriodEnd, s.NextTariffId, s.PausedOn, s.PeriodAtPausePrice);
}
