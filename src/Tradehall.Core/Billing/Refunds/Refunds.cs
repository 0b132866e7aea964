using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.BankStatements;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Legal;
using Tradehall.Core.Legal.Subscribers;
using Tradehall.Core.Shared.Calendar;

namespace Tradehall.Core.Billing.Refunds;

public sealed record RefundRequest(
    [property: Required(ErrorMessage = "Enter the amount.")] decimal? Amount,
    [property: Required(ErrorMessage = "Enter the payer's name."), MaxLength(RefundApplication.PayerNameLength)] string? PayerName,
    [property: Required(ErrorMessage = "Enter the payer's INN.")] string? PayerInn,
    [property: Required(ErrorMessage = "Enter the bank's BIC.")] string? Bic,
    [property: Required(ErrorMessage = "Enter the settlement account.")] string? SettlementAccount,
    [property: Required(ErrorMessage = "Enter the bank's correspondent account.")] string? CorrespondentAccount);

public sealed record RejectRefundRequest(
    [property: Required(ErrorMessage = "Give the reason for the decision."), MinLength(3, ErrorMessage = "Give the reason for the decision."), MaxLength(300)] string? Reason);

/// <summary>An application as the subscriber sees it (§15.2: id, amount, status, dueOn).</summary>
public sealed record RefundView(Guid Id, decimal Amount, string Currency, string Status, DateOnly DueOn, DateTime RequestedAt, string PayerName,
    string SettlementAccount, DateTime? ResolvedAt, string? RejectionReason);

/// <summary>An application as the operator's queue shows it, with the account and the full bank details.</summary>
[ModuleApi]
public sealed record RefundDue(Guid Id, string AccountNumber, decimal Amount, string Currency, string Status, DateOnly DueOn, DateTime RequestedAt,
    string PayerName, string PayerInn, string Bic, string SettlementAccount, string CorrespondentAccount, DateTime? ResolvedAt, string? RejectionReason);

/// <summary>
/// BIL-17: refunds of the balance to a bank. The subscriber applies with bank details that must be those of a payer
/// whose bank payment was credited to the account, or their own from their legal data; the amount leaves the balance
/// at once (so it cannot also pay for services) and waits on the refunds account. The operator pays it within the
/// business days of the contract — marking it paid moves it out to the bank once — or rejects it with a reason, which
/// puts it back on the balance.
/// </summary>
[ModuleApi]
public sealed class Refunds(
    AppDbContext db, LedgerPostings ledger, BillingAccounts accounts, SubscriberLegalData legal, BillingNotices notices, EvidenceArchive archive,
    BusinessCalendar calendar, TimeProvider time, IOptions<BillingOptions> options, IOptions<TradehallOptions> site)
{
    public const string Source = "refund";

    public Task<RefundView> ApplyAsync(Guid memberId, RefundRequest request, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => ApplyInTransactionAsync(memberId, request, cancellationToken), cancellationToken);

    private async Task<RefundView> ApplyInTransactionAsync(Guid memberId, RefundRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var amount = CheckAmount(request.Amount, errors);
        CheckDetails(request, errors);
        errors.ThrowIfAny();
        var account = await accounts.ForMemberAsync(memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "There is no personal account.");
        await CheckPayeeAsync(account, memberId, request, cancellationToken);

        var refunds = await ledger.SystemAccountAsync(SystemAccounts.RefundsPayable, cancellationToken);
        var application = new RefundApplication
        {
            BillingAccountId = account.Id,
            MemberId = memberId,
            Amount = amount,
            PayerName = request.PayerName!.Trim(),
            PayerInn = request.PayerInn!.Trim(),
            Bic = request.Bic!.Trim(),
            SettlementAccount = request.SettlementAccount!.Trim(),
            CorrespondentAccount = request.CorrespondentAccount!.Trim(),
            RequestedAt = time.UtcNow(),
            DueOn = calendar.AddBusinessDays(time.Today(site.Value.Zone), options.Value.RefundDueBusinessDays),
        };
        LedgerTransaction hold;
        try
        {
            hold = await ledger.PostAsync(new Posting("refund.requested",
                DeferredText.Line("Refund to the bank account {0} requested", DeferredValue.Text(Masked(application.SettlementAccount))),
                [new Leg(account.LedgerAccountId, -amount, Floor: 0), new Leg(refunds, amount)], memberId, Source, $"requested:{application.Id:N}"), cancellationToken);
        }
        catch (DomainException e) when (e.Code == "billing.insufficient_balance")
        {
            throw DomainException.Field("billing.refund_over_balance", "amount", "The refund is more than the balance of the personal account.");
        }
        application.HoldTransactionId = hold.Id;
        db.Add(application);
        archive.Record("billing.refund_requested", $"refund:{application.Id}", memberId,
            after: new { amount = Money.ToAmount(amount), application.PayerInn, application.Bic, account = Masked(application.SettlementAccount), application.DueOn });
        notices.RefundRequested(memberId, amount, application.DueOn);
        await db.SaveChangesAsync(cancellationToken);
        return View(application);
    }

    public async Task<IReadOnlyList<RefundView>> ListAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await db.Set<RefundApplication>().AsNoTracking().Where(r => r.MemberId == memberId).OrderByDescending(r => r.RequestedAt).ToListAsync(cancellationToken))
        .Select(View).ToList();

    /// <summary>The operator's queue: what waits to be paid, soonest due first, then the latest decided.</summary>
    public async Task<IReadOnlyList<RefundDue>> QueueAsync(bool open, CancellationToken cancellationToken)
    {
        var rows = db.Set<RefundApplication>().AsNoTracking()
            .Where(r => open ? r.Status == RefundStatus.Requested : r.Status != RefundStatus.Requested)
            .Join(db.Set<BillingAccount>(), r => r.BillingAccountId, a => a.Id, (r, a) => new { Refund = r, a.Number });
        var list = open
            ? await rows.OrderBy(x => x.Refund.DueOn).ThenBy(x => x.Refund.RequestedAt).ToListAsync(cancellationToken)
            : await rows.OrderByDescending(x => x.Refund.ResolvedAt).Take(options.Value.TransactionsPageSize).ToListAsync(cancellationToken);
        var currency = options.Value.Currency;
        return list.Select(x => new RefundDue(x.Refund.Id, x.Number, Money.ToAmount(x.Refund.Amount), currency, Status(x.Refund.Status), x.Refund.DueOn,
            x.Refund.RequestedAt, x.Refund.PayerName, x.Refund.PayerInn, x.Refund.Bic, x.Refund.SettlementAccount, x.Refund.CorrespondentAccount,
            x.Refund.ResolvedAt, x.Refund.RejectionReason)).ToList();
    }

    /// <summary>The money left for the bank: the amount moves from the refunds account to bank cash, once however often this is called.</summary>
    public Task<RefundView> MarkPaidAsync(Guid operatorId, Guid id, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var application = await LockedAsync(id, cancellationToken);
            if (application.Status == RefundStatus.Paid)
            {
                return View(application);
            }
            OpenOrThrow(application);
            var refunds = await ledger.SystemAccountAsync(SystemAccounts.RefundsPayable, cancellationToken);
            var bank = await ledger.SystemAccountAsync(SystemAccounts.BankCash, cancellationToken);
            var paid = await ledger.PostAsync(new Posting("refund.paid",
                DeferredText.Line("Refund paid to the bank account {0}", DeferredValue.Text(Masked(application.SettlementAccount))),
                [new Leg(refunds, -application.Amount), new Leg(bank, application.Amount)], operatorId, Source, $"paid:{application.Id:N}"), cancellationToken);
            Resolve(application, RefundStatus.Paid, operatorId, paid.Id, null);
            notices.RefundPaid(application.MemberId, application.Amount, Masked(application.SettlementAccount));
            await db.SaveChangesAsync(cancellationToken);
            return View(application);
        }, cancellationToken);

    public Task<RefundView> RejectAsync(Guid operatorId, Guid id, RejectRefundRequest request, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            FieldErrors.FromAnnotations(request).ThrowIfAny();
            var application = await LockedAsync(id, cancellationToken);
            OpenOrThrow(application);
            var account = await db.Set<BillingAccount>().AsNoTracking().SingleAsync(a => a.Id == application.BillingAccountId, cancellationToken);
            var refunds = await ledger.SystemAccountAsync(SystemAccounts.RefundsPayable, cancellationToken);
            var back = await ledger.PostAsync(new Posting("refund.rejected",
                DeferredText.Line("Refund application rejected, the amount is back on the balance"),
                [new Leg(refunds, -application.Amount), new Leg(account.LedgerAccountId, application.Amount)], operatorId, Source, $"rejected:{application.Id:N}"), cancellationToken);
            Resolve(application, RefundStatus.Rejected, operatorId, back.Id, request.Reason!.Trim());
            notices.RefundRejected(application.MemberId, application.Amount, application.RejectionReason!);
            await db.SaveChangesAsync(cancellationToken);
            return View(application);
        }, cancellationToken);

    private long CheckAmount(decimal? amount, FieldErrors errors)
    {
        if (amount is null)
        {
            return 0;
        }
        if (amount <= 0 || Money.ToMinor(amount.Value) is not { } minor || amount > options.Value.MaxPayment)
        {
            errors.Add("amount", "Enter a positive amount with at most two decimals.");
            return 0;
        }
        return minor;
    }

    private static void CheckDetails(RefundRequest request, FieldErrors errors)
    {
        if (!errors.Has("payerInn") && !LegalChecksums.IsValidInn10(request.PayerInn?.Trim()) && !LegalChecksums.IsValidInn12(request.PayerInn?.Trim()))
        {
            errors.Add("payerInn", "An INN is 10 or 12 digits with valid check digits.");
        }
        var bic = request.Bic?.Trim();
        if (!errors.Has("bic") && !LegalChecksums.IsValidBic(bic))
        {
            errors.Add("bic", "A BIC is 9 digits.");
        }
        if (!errors.Has("settlementAccount") && !LegalChecksums.IsValidSettlementAccount(request.SettlementAccount?.Trim(), bic))
        {
            errors.Add("settlementAccount", "The settlement account is 20 digits whose control key matches the BIC.");
        }
        if (!errors.Has("correspondentAccount") && !LegalChecksums.IsValidCorrespondentAccount(request.CorrespondentAccount?.Trim(), bic))
        {
            errors.Add("correspondentAccount", "The correspondent account is 20 digits starting with 301 whose control key matches the BIC.");
        }
    }

    /// <summary>
    /// The money goes back only where it came from: a payer of a bank payment credited to this account, or the
    /// subscriber's own bank account. The first detail that matches no such payer is named.
    /// </summary>
    private async Task CheckPayeeAsync(BillingAccount account, Guid memberId, RefundRequest request, CancellationToken cancellationToken)
    {
        var payers = await db.Set<BankPayment>().AsNoTracking()
            .Where(p => p.AccountNumber == account.Number && (p.Status == BankPaymentStatus.Credited || p.Status == BankPaymentStatus.Assigned))
            .Select(p => new { p.PayerName, p.PayerInn, p.PayerAccount }).Distinct().ToListAsync(cancellationToken);
        var known = payers.Select(p => new OwnBankAccount(p.PayerName, p.PayerInn, Bic: "", p.PayerAccount, null)).ToList();
        if (await legal.OwnBankAccountAsync(memberId, cancellationToken) is { } own)
        {
            known.Add(own);
        }
        var inn = request.PayerInn!.Trim();
        var candidates = known.Where(k => k.Inn == inn).ToList();
        if (candidates.Count == 0)
        {
            throw DomainException.Field("billing.refund_not_payer", "payerInn",
                "No payment to this personal account came from this INN, and it is not the INN of your legal data.");
        }
        var account2 = request.SettlementAccount!.Trim();
        candidates = candidates.Where(k => k.SettlementAccount == account2).ToList();
        if (candidates.Count == 0)
        {
            throw DomainException.Field("billing.refund_not_payer", "settlementAccount",
                "No payment from this INN came from this settlement account, and it is not the account of your legal data.");
        }
        // Bank statements carry no BIC; the legal data's account must match it too.
        var bic = request.Bic!.Trim();
        candidates = candidates.Where(k => k.Bic.Length == 0 || k.Bic == bic).ToList();
        if (candidates.Count == 0)
        {
            throw DomainException.Field("billing.refund_not_payer", "bic", "This BIC is not the bank of that account in your legal data.");
        }
        if (!candidates.Any(k => SameName(k.Name, request.PayerName!)))
        {
            throw DomainException.Field("billing.refund_not_payer", "payerName", "The payer's name differs from the name on the payments from this account.");
        }
    }

    /// <summary>Names compare as words: case, quotes and spacing are how banks differ, not who pays.</summary>
    private static bool SameName(string a, string b) => string.Equals(Words(a), Words(b), StringComparison.OrdinalIgnoreCase);

    private static string Words(string name) =>
        string.Join(' ', name.Split([' ', '"', '«', '»', '\'', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace('ё', 'е').Replace('Ё', 'Е');

    private async Task<RefundApplication> LockedAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.Database.LockForTransactionAsync(DatabaseLockKeys.Refund(id), cancellationToken);
        return await db.Set<RefundApplication>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_refund", "There is no refund application with this id.");
    }

    private static void OpenOrThrow(RefundApplication application)
    {
        if (application.Status != RefundStatus.Requested)
        {
            throw new DomainException("billing.refund_decided", "This application is already decided.", StatusCodes.Status409Conflict);
        }
    }

    private void Resolve(RefundApplication application, RefundStatus status, Guid operatorId, Guid transactionId, string? reason)
    {
        application.Status = status;
        application.ResolvedAt = time.UtcNow();
        application.ResolvedBy = operatorId;
        application.ResolutionTransactionId = transactionId;
        application.RejectionReason = reason;
        archive.Record(status == RefundStatus.Paid ? "billing.refund_paid" : "billing.refund_rejected", $"refund:{application.Id}", operatorId,
            before: new { status = "requested" }, after: new { status = Status(status), amount = Money.ToAmount(application.Amount), why = reason, transaction = transactionId });
    }

    private RefundView View(RefundApplication r) =>
        new(r.Id, Money.ToAmount(r.Amount), options.Value.Currency, Status(r.Status), r.DueOn, r.RequestedAt, r.PayerName, Masked(r.SettlementAccount),
            r.ResolvedAt, r.RejectionReason);

    private static string Status(RefundStatus status) => status switch
    {
        RefundStatus.Requested => "requested",
        RefundStatus.Paid => "paid",
        _ => "rejected",
    };

    /// <summary>The last four digits, as statements and notices show a bank account.</summary>
    private static string Masked(string account) => "…" + account[^4..];
}
