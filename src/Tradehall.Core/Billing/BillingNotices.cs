using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Billing;

/// <summary>BIL-10, BIL-11: what the billing run tells a member about their services.</summary>
public enum ServiceNotice
{
    Suspended,
    ReserveStarted,
    Deleted,
    Resumed,

    /// <summary>BIL-13: a debt invoice is overdue.</summary>
    SuspendedForDebt,
}

/// <summary>A service named in a notice, with the date the notice is about.</summary>
public sealed record NoticeItem(string KindCode, DateOnly? On = null);

/// <summary>
/// BIL-03, BIL-07, BIL-10, BIL-11, BIL-14, BIL-22, NTF-01: what billing tells members. Each notice enters the
/// member's notification centre and goes by email and SMS as the member's billing preferences say, in the
/// member's language at the time it is read; it joins the caller's unit of work.
/// </summary>
public sealed partial class BillingNotices(AppDbContext db, Notifier notifier, IOptions<BillingOptions> options)
{
    public const string Link = "/billing";
    private const int ListedServices = 20;

    public void PaymentReceived(Guid memberId, string accountNumber, long amount, long balance, string source)
    {
        var how = source switch
        {
            BankStatements.BankStatements.Source or BankStatements.BankStatements.ResolutionSource => DeferredValue.Phrase("a bank transfer"),
            TopUps.TopUpService.GatewaySource => DeferredValue.Phrase("a payment through the payment gateway"),
            _ => DeferredValue.Phrase("a credit by the operator"),
        };
        Notify(memberId, new DeferredText("Payment received",
            "{0} was credited to your personal account {1} by {2}. The balance is now {3}.",
            Money(amount), DeferredValue.Text(accountNumber), how, Money(balance)));
    }

    /// <summary>BIL-19: a payment came but is held, not credited; the operator returns it to the payer.</summary>
    public void PaymentHeld(Guid memberId, string accountNumber, long amount, string reason)
    {
        Notify(memberId, new DeferredText("Payment held",
            "{0} paid to your personal account {1} was not credited: {2}. The operator will return it to the payer.",
            Money(amount), DeferredValue.Text(accountNumber), reason == BankStatements.HoldReasons.NoExchangeRate
                ? DeferredValue.Phrase("the payment cap for non-residents cannot be checked yet")
                : DeferredValue.Phrase("it would take your payments over the cap for non-residents")));
    }

    public void OrderConfirmed(Guid memberId, ServiceKind kind, Tariff tariff, DateOnly start, DateOnly end)
    {
        Notify(memberId, new DeferredText("Your order is confirmed",
            "Your order of {0} ({1}) is confirmed. The service is active from {2}; the paid period ends on {3}.",
            KindName(kind), DeferredValue.Names(tariff.NameIn), DeferredValue.Day(start), DeferredValue.Day(end)));
    }

    public void OrderRejected(Guid memberId, ServiceKind kind, Tariff tariff, string reason, long refunded)
    {
        Notify(memberId, new DeferredText("Your order was declined",
            "Your order of {0} ({1}) was declined. Reason: {2}. {3} paid for the first period is back on your personal account.",
            KindName(kind), DeferredValue.Names(tariff.NameIn), DeferredValue.Text(reason.TrimEnd('.')), Money(refunded)));
    }

    /// <summary>BIL-10, BIL-11: one notice per member listing that member's services the notice is about.</summary>
    public async Task ServicesAsync(ServiceNotice notice, IReadOnlyCollection<(Guid MemberId, NoticeItem Item)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }
        var kinds = await db.Set<ServiceKind>().AsNoTracking().ToDictionaryAsync(k => k.Code, cancellationToken);
        // BIL-11: a reserve warning names what will be deleted, which differs by kind, so it goes out once per kind.
        foreach (var group in items.GroupBy(i => (i.MemberId, Kind: notice == ServiceNotice.ReserveStarted ? i.Item.KindCode : null), i => i.Item))
        {
            var list = DeferredValue.Names(language =>
            {
                using var _ = CultureScope.Use(language);
                // A notice is kept within its stored size: a long list ends in "…", the page shows the rest.
                return string.Concat(group.Take(ListedServices).Select(i => "\n• " + (kinds.TryGetValue(i.KindCode, out var kind) ? kind.Name(language) : i.KindCode)
                    + (i.On is { } on ? " — " + on.LongDay() : ""))) + (group.Count() > ListedServices ? "\n…" : "");
            });
            Notify(group.Key.MemberId, notice switch
            {
                ServiceNotice.Suspended => new DeferredText("Your services are suspended",
                    "The balance of your personal account does not cover the next period, so these services are suspended. Top up the account and they resume within a minute:{0}", list),
                ServiceNotice.ReserveStarted => new DeferredText("Your suspended services will be deleted soon",
                    "These services are still suspended for non-payment. On the date shown {1} will be deleted for good, unless the account is topped up before then:{0}",
                    list, DeletedData(group.Key.Kind)),
                ServiceNotice.Deleted => new DeferredText("The data of your suspended services was deleted",
                    "The grace period of these services ended without payment, so their data was deleted:{0}", list),
                ServiceNotice.SuspendedForDebt => new DeferredText("Your services are suspended",
                    "The invoice for the debt of your personal account is overdue, so these services are suspended. Pay the debt and they resume within a minute:{0}", list),
                _ => new DeferredText("Your services are active again",
                    "Your payment cleared the debt, and these services are active again until the date shown:{0}", list),
            });
        }
    }

    /// <summary>BIL-22: the balance pays for the services only until <paramref name="until"/>.</summary>
    public void FundsRunningOut(Guid memberId, DateOnly until, decimal monthlySpend)
    {
        Notify(memberId, new DeferredText("Your balance runs out soon",
            "The balance of your personal account pays for your services until {0}. They cost {1} a month; top up before then so they do not stop.",
            DeferredValue.Day(until), Money(Shared.Money.ToMinor(monthlySpend) ?? 0)));
    }

    /// <summary>BIL-13: a charge on credit took the balance below zero; the invoice for the debt is issued.</summary>
    public void DebtInvoiceIssued(Guid memberId, long amount, DateOnly dueOn)
    {
        Notify(memberId, new DeferredText("An invoice for your debt was issued",
            "Your services were paid on credit, and the balance of your personal account is below zero. An invoice for {0} is issued; pay it by {1}. Each day late adds a penalty of {2} % of the invoice, and an overdue invoice suspends your services.",
            Money(amount), DeferredValue.Day(dueOn), DeferredValue.Text(options.Value.PenaltyPercentPerDay.ToString("0.##", CultureInfo.InvariantCulture))));
    }

    /// <summary>BIL-12, BIL-25: the contract ended; what the subscriber may still do is said on the billing page.</summary>
    public void ContractTerminated(Guid memberId, string reason, DateOnly on, long balance)
    {
        var why = reason switch
        {
            Contract.TerminationReasons.Debt => DeferredValue.Phrase("the debt was not paid within the time the offer allows"),
            Contract.TerminationReasons.NonExtension => DeferredValue.Phrase("notice of non-extension was given and the contract's term ended"),
            Contract.TerminationReasons.NonResidentCap => DeferredValue.Phrase("your payments reached the cap for non-residents"),
            Contract.TerminationReasons.SystematicViolation => DeferredValue.Phrase("repeated violations of the rules of the platform"),
            Contract.TerminationReasons.LongSuspension => DeferredValue.Phrase("a suspension for a violation of the rules that lasted too long"),
            _ => DeferredValue.Phrase("a decision of the operator"),
        };
        Notify(memberId, new DeferredText("Your contract has ended",
            "Your contract ended on {0} because of {1}. Your services are stopped. You can still read your documents and statement, export your data and pay what you owe; the balance is {2}.",
            DeferredValue.Day(on), why, Money(balance)));
    }

    /// <summary>BIL-25: the contract's term was extended, or notice of non-extension was recorded.</summary>
    public void ContractTerm(Guid memberId, DateOnly termEndsOn, bool noticeGiven)
    {
        Notify(memberId, noticeGiven
            ? new DeferredText("Notice of non-extension recorded", "Notice of non-extension of your contract is recorded. The contract ends with its term on {0}.", DeferredValue.Day(termEndsOn))
            : new DeferredText("Your contract is extended", "The term of your contract is extended until {0}.", DeferredValue.Day(termEndsOn)));
    }

    /// <summary>BIL-17: the application is taken, with the day it is paid by.</summary>
    public void RefundRequested(Guid memberId, long amount, DateOnly dueOn) =>
        Notify(memberId, new DeferredText("Refund application received",
            "Your application to refund {0} to your bank account is received; the amount is off your balance until it is paid. It will be paid by {1}.",
            Money(amount), DeferredValue.Day(dueOn)));

    public void RefundPaid(Guid memberId, long amount, string account) =>
        Notify(memberId, new DeferredText("Refund paid", "{0} was paid to your bank account {1}.", Money(amount), DeferredValue.Text(account)));

    public void RefundRejected(Guid memberId, long amount, string reason) =>
        Notify(memberId, new DeferredText("Refund application rejected",
            "Your application to refund {0} was rejected. Reason: {1}. The amount is back on your personal account.",
            Money(amount), DeferredValue.Text(reason.TrimEnd('.'))));

    private void Notify(Guid memberId, DeferredText notice) =>
        notifier.Add(new NotificationRequest(memberId, NotificationType.Billing, Link, Notice: notice));

    private DeferredValue Money(long minor) => DeferredValue.Money(minor, options.Value.Currency);

    private static DeferredValue KindName(ServiceKind kind) => DeferredValue.Names(kind.Name);
}
