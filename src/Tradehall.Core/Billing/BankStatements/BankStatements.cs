using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.TopUps;

namespace Tradehall.Core.Billing.BankStatements;

public sealed record ImportReport(string Format, int Credited, int Held, int Duplicates, int NotIncoming, IReadOnlyList<StatementError> Errors);

public sealed record SuspenseItem(Guid Id, DateOnly Date, string Number, decimal Amount, string Currency, string PayerName, string PayerInn,
    string PayerAccount, string Purpose, string Reason, string Status, DateTime ImportedAt, string? AccountNumber, string? Resolution);

/// <summary>The held payments, oldest first, and what the suspense account holds in the operator currency.</summary>
public sealed record SuspenseList(decimal Balance, string Currency, int Total, IReadOnlyList<SuspenseItem> Items);

public sealed record AssignRequest(
    [property: Required(ErrorMessage = "Enter the personal account number.")] string? AccountNumber,
    [property: Required(ErrorMessage = "Give the reason for the decision."), MinLength(3, ErrorMessage = "Give the reason for the decision."), MaxLength(300)] string? Reason);

public sealed record ReturnRequest(
    [property: Required(ErrorMessage = "Give the reason for the decision."), MinLength(3, ErrorMessage = "Give the reason for the decision."), MaxLength(300)] string? Reason);

/// <summary>
/// BIL-03 (b), BIL-04: bank-statement import. A payment is credited (whoever paid) when it points at one personal
/// account: its purpose quotes the account number (check digit and all) or an invoice issued for it, or — quoting
/// neither — it pays an open invoice's exact amount from the subscriber's own INN. A login in the purpose must be
/// that account's. Anything else is moved from bank cash to the suspense account and waits for the operator, who
/// assigns it to an account or marks it for return. Every bank document is imported once, by a hash of its date,
/// number, payer account and amount.
/// </summary>
public sealed partial class BankStatements(
    AppDbContext db, Ledger.LedgerPostings ledger, EvidenceArchive archive, Receipts receipts, IEnumerable<IPaymentClues> clues, TimeProvider time,
    NonResidentCap cap, BillingNotices notices, IOptions<BillingOptions> options, IOptions<TradehallOptions> site, ILogger<BankStatements> logger)
{
    public const string Source = "bank";
    public const string ResolutionSource = "bank-suspense";

    /// <summary>BIL-19: the <see cref="BankPayment.Format"/> of a gateway payment held by the non-resident cap.</summary>
    public const string GatewayFormat = "gateway";

    private BankImportOptions Import => options.Value.BankImport;

    public async Task<ImportReport> ImportAsync(byte[] content, Guid operatorId, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw DomainException.Field("billing.statement_missing", "file", "Choose a statement file to upload.");
        }
        if (content.Length > Import.MaxFileBytes)
        {
            throw DomainException.Field("billing.statement_too_large", "file", "The file is larger than the import accepts.");
        }
        var statement = BankStatementParser.Parse(content, options.Value.Currency, Import.SettlementAccount);
        // The same document imported in parallel and committed first: the import ran in one transaction, so it left
        // nothing, and the second run finds those documents imported.
        return await db.RetryOnceAsync(() => ImportOnceAsync(statement, operatorId, cancellationToken));
    }

    /// <summary>One transaction for the whole file: a failure half-way leaves nothing imported.</summary>
    private async Task<ImportReport> ImportOnceAsync(ParsedStatement statement, Guid operatorId, CancellationToken cancellationToken)
    {
        var ids = statement.Documents.Select(ExternalId).ToList();
        var bank = await ledger.SystemAccountAsync(Ledger.SystemAccounts.BankCash, cancellationToken);
        var suspense = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Suspense, cancellationToken);
        int credited = 0, held = 0, duplicates = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read inside the transaction: on SQLite (which begins it IMMEDIATE) a parallel import has then finished.
        var known = (await db.Set<BankPayment>().AsNoTracking().Where(p => ids.Contains(p.ExternalId)).Select(p => p.ExternalId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < statement.Documents.Count; i++)
        {
            var document = statement.Documents[i];
            if (!known.Add(ids[i]))
            {
                duplicates++;
                continue;
            }
            var payment = new BankPayment
            {
                ExternalId = ids[i],
                Format = statement.Format,
                Number = document.Number,
                DocumentDate = document.Date,
                Amount = document.Amount,
                Currency = document.Currency,
                PayerName = document.PayerName,
                PayerInn = document.PayerInn,
                PayerAccount = document.PayerAccount,
                Purpose = document.Purpose,
                ImportedAt = time.UtcNow(),
                ImportedBy = operatorId,
            };
            var (account, reason) = await MatchAsync(document, cancellationToken);
            var decision = account is null ? null : await cap.CheckAsync(account, payment.Amount, cancellationToken);
            if (account is not null && decision!.HoldReason is null)
            {
                await CreditAsync(payment, account, bank, operatorId, cancellationToken);
                await cap.ConcludeAsync(account, decision, operatorId, cancellationToken);
                credited++;
            }
            else
            {
                if (account is not null)
                {
                    payment.AccountNumber = account.Number;
                    notices.PaymentHeld(account.MemberId, account.Number, payment.Amount, decision!.HoldReason!);
                }
                await HoldAsync(payment, reason ?? decision!.HoldReason!, bank, suspense, operatorId, Source, cancellationToken);
                held++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogImported(logger, statement.Format, credited, held, duplicates, statement.Errors.Count);
        return new ImportReport(statement.Format, credited, held, duplicates, statement.NotIncoming, statement.Errors);
    }

    /// <summary>The account a payment is for, or why there is none.</summary>
    private async Task<(BillingAccount? Account, string? Reason)> MatchAsync(BankDocument document, CancellationToken cancellationToken)
    {
        if (document.Currency != options.Value.Currency)
        {
            return (null, HoldReasons.Currency);
        }
        if (Money.ToAmount(document.Amount) > options.Value.MaxPayment)
        {
            return (null, HoldReasons.OverLimit);
        }
        var found = new List<PaymentClue>();
        foreach (var source in clues)
        {
            found.AddRange(await source.FindAsync(document, cancellationToken));
        }
        var quotedNumbers = AccountNumberPattern().Matches(document.Purpose).Select(m => m.Value).Where(BillingAccounts.IsValidNumber).ToList();
        // What the purpose quotes outranks what is inferred from the payer.
        var quoted = quotedNumbers.Concat(found.Where(c => c.Quoted).Select(c => c.AccountNumber)).Distinct().ToList();
        var numbers = quoted.Count > 0 ? quoted : found.Select(c => c.AccountNumber).Distinct().ToList();
        if (numbers.Count == 0)
        {
            return (null, HoldReasons.NoAccountNumber);
        }
        var named = await db.Set<BillingAccount>().Where(a => numbers.Contains(a.Number))
            .Join(new MemberLookup(db).Rows, a => a.MemberId, m => m.Id, (a, m) => new { Account = a, m.NormalizedEmail })
            .Join(db.Set<LedgerAccount>(), x => x.Account.LedgerAccountId, l => l.Id, (x, l) => new { x.Account, x.NormalizedEmail, l.Balance })
            .ToListAsync(cancellationToken);
        if (named.Count == 0)
        {
            return (null, HoldReasons.UnknownAccount);
        }
        // A login in the purpose picks among the accounts named and must belong to one of them.
        var logins = LoginPattern().Matches(document.Purpose).Select(m => m.Value.TrimEnd('.').ToUpperInvariant()).Distinct().ToList();
        var matched = logins.Count == 0 ? named : named.Where(n => n.NormalizedEmail is not null && logins.Contains(n.NormalizedEmail)).ToList();
        return matched switch
        {
            [] => (null, HoldReasons.LoginMismatch),
            [var only] when !Contract.Termination.TakesPayments(only.Account, only.Balance) => (null, HoldReasons.Terminated),
            [var only] => (only.Account, null),
            _ => (null, HoldReasons.Ambiguous),
        };
    }

    private async Task CreditAsync(BankPayment payment, BillingAccount account, Guid bank, Guid operatorId, CancellationToken cancellationToken)
    {
        var posted = await ledger.PostAsync(new Posting("topup.bank", Describe("Bank payment No. {0} of {1}", payment),
            [new Leg(account.LedgerAccountId, payment.Amount), new Leg(bank, -payment.Amount)], operatorId, Source, payment.ExternalId), cancellationToken);
        payment.Status = BankPaymentStatus.Credited;
        payment.AccountNumber = account.Number;
        payment.TransactionId = posted.Id;
        db.Set<BankPayment>().Add(payment);
        BillingAccounts.AcceptOffer(account, time.Today(site.Value.Zone));
        var balance = posted.Entries.Single(e => e.AccountId == account.LedgerAccountId).BalanceAfter!.Value;
        archive.Record("topup.bank", $"billing-account:{account.Number}", operatorId, onBehalfOfId: account.MemberId,
            after: new { amount = Money.ToAmount(payment.Amount), balance = Money.ToAmount(balance), source = Source, externalId = payment.ExternalId, transaction = posted.Id, bankPayment = payment.Id });
        await receipts.ReceivedAsync(account, posted, payment.Amount, Source, payment.Purpose, cancellationToken);
    }

    /// <summary>
    /// BIL-19: a gateway payment the cap does not let in joins the suspense queue like a held bank payment, naming the
    /// account it was for; the operator returns it (to gateway cash, to be paid back) or assigns it once the cap allows.
    /// </summary>
    public async Task<BankPayment> HoldGatewayPaymentAsync(string paymentId, string accountNumber, long amount, string reason, CancellationToken cancellationToken)
    {
        var payment = new BankPayment
        {
            ExternalId = GatewayExternalId(paymentId),
            Format = GatewayFormat,
            Number = paymentId.Length <= BankPayment.NumberLength ? paymentId : paymentId[..BankPayment.NumberLength],
            DocumentDate = time.Today(site.Value.Zone),
            Amount = amount,
            Currency = options.Value.Currency,
            PayerName = "",
            PayerInn = "",
            PayerAccount = "",
            Purpose = $"Payment {paymentId} through the payment gateway to personal account {accountNumber}",
            ImportedAt = time.UtcNow(),
            // No operator brought it: the gateway did.
            ImportedBy = Guid.Empty,
            AccountNumber = accountNumber,
        };
        var gateway = await ledger.SystemAccountAsync(Ledger.SystemAccounts.GatewayCash, cancellationToken);
        var suspense = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Suspense, cancellationToken);
        await HoldAsync(payment, reason, gateway, suspense, null, TopUpService.GatewaySource, cancellationToken, paymentId);
        return payment;
    }

    /// <summary>BIL-19: the gateway payment of this id held in the queue (whatever became of it since), or null.</summary>
    public Task<BankPayment?> GatewayPaymentAsync(string paymentId, CancellationToken cancellationToken) =>
        db.Set<BankPayment>().AsNoTracking().FirstOrDefaultAsync(p => p.ExternalId == GatewayExternalId(paymentId), cancellationToken);

    private static string GatewayExternalId(string paymentId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(GatewayFormat + "|" + paymentId)));

    private async Task HoldAsync(BankPayment payment, string reason, Guid cash, Guid suspense, Guid? actorId, string source, CancellationToken cancellationToken,
        string? externalId = null)
    {
        payment.Status = BankPaymentStatus.Held;
        payment.HoldReason = reason;
        // The ledger keeps the operator currency only; a payment in another one waits in the queue without a posting.
        if (reason != HoldReasons.Currency)
        {
            var posted = await ledger.PostAsync(new Posting("suspense.hold", Describe("Bank payment No. {0} of {1}", payment),
                [new Leg(suspense, payment.Amount), new Leg(cash, -payment.Amount)], actorId, source, externalId ?? payment.ExternalId), cancellationToken);
            payment.TransactionId = posted.Id;
        }
        db.Set<BankPayment>().Add(payment);
        archive.Record("suspense.hold", $"bank-payment:{payment.Id}", actorId,
            after: new { amount = Money.ToAmount(payment.Amount), currency = payment.Currency, reason, source, externalId = externalId ?? payment.ExternalId, accountNumber = payment.AccountNumber, transaction = payment.TransactionId });
    }

    public async Task<SuspenseList> ListHeldAsync(CancellationToken cancellationToken)
    {
        var held = db.Set<BankPayment>().AsNoTracking().Where(p => p.Status == BankPaymentStatus.Held);
        var total = await held.CountAsync(cancellationToken);
        var rows = await held.OrderBy(p => p.ImportedAt).ThenBy(p => p.DocumentDate).ThenBy(p => p.Number).ThenBy(p => p.Id).Take(Import.SuspenseShown).ToListAsync(cancellationToken);
        var suspense = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Suspense, cancellationToken);
        var balance = await db.Set<LedgerEntry>().Where(e => e.AccountId == suspense).SumAsync(e => (long?)e.Amount, cancellationToken) ?? 0;
        return new SuspenseList(Money.ToAmount(balance), options.Value.Currency, total, rows.Select(View).ToList());
    }

    /// <summary>The operator credits a held payment to a personal account, with a reason; in the caller's transaction when there is one (the idempotency scope), else in its own.</summary>
    public Task<SuspenseItem> AssignAsync(Guid id, AssignRequest request, Guid operatorId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => AssignInTransactionAsync(id, request, operatorId, cancellationToken), cancellationToken);

    private async Task<SuspenseItem> AssignInTransactionAsync(Guid id, AssignRequest request, Guid operatorId, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var number = request.AccountNumber?.Trim() ?? "";
        if (!errors.Has("accountNumber") && !BillingAccounts.IsValidNumber(number))
        {
            errors.Add("accountNumber", "Enter a personal account number of 9 digits.");
        }
        errors.ThrowIfAny();
        var payment = await HeldAsync(id, cancellationToken);
        if (payment.TransactionId is null)
        {
            throw DomainException.Conflict("billing.suspense_currency", "accountNumber", "A payment in another currency cannot be credited to a personal account; return it to the payer.");
        }
        var account = await db.Set<BillingAccount>().FirstOrDefaultAsync(a => a.Number == number, cancellationToken)
            ?? throw DomainException.Field("billing.unknown_account", "accountNumber", "There is no personal account with this number.");
        if (!Contract.Termination.TakesPayments(account,
                await db.Set<LedgerAccount>().Where(l => l.Id == account.LedgerAccountId).Select(l => l.Balance).SingleAsync(cancellationToken)))
        {
            throw DomainException.Field("billing.account_terminated", "accountNumber", "This personal account is terminated; it cannot be credited.");
        }
        var decision = await cap.CheckAsync(account, payment.Amount, cancellationToken);
        if (decision.HoldReason is { } capped)
        {
            throw cap.Refusal(capped, "accountNumber");
        }
        var suspense = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Suspense, cancellationToken);
        var posted = await ResolvingPostAsync(new Posting("topup.bank", Describe("Bank payment No. {0} of {1}, assigned by the operator", payment),
            [new Leg(account.LedgerAccountId, payment.Amount), new Leg(suspense, -payment.Amount)], operatorId, ResolutionSource, payment.Id.ToString("N")), cancellationToken);
        Resolve(payment, BankPaymentStatus.Assigned, request.Reason!, operatorId, posted.Id);
        payment.AccountNumber = account.Number;
        BillingAccounts.AcceptOffer(account, time.Today(site.Value.Zone));
        var balance = posted.Entries.Single(e => e.AccountId == account.LedgerAccountId).BalanceAfter!.Value;
        archive.Record("suspense.assign", $"bank-payment:{payment.Id}", operatorId, onBehalfOfId: account.MemberId,
            before: new { status = "held", reason = payment.HoldReason },
            after: new { status = "assigned", accountNumber = account.Number, amount = Money.ToAmount(payment.Amount), balance = Money.ToAmount(balance), why = payment.ResolutionReason, transaction = posted.Id });
        await receipts.ReceivedAsync(account, posted, payment.Amount, ResolutionSource, payment.Purpose, cancellationToken);
        await SaveResolutionAsync(cancellationToken);
        await cap.ConcludeAsync(account, decision, operatorId, cancellationToken);
        return View(payment);
    }

    /// <summary>The operator marks a held payment for return to its payer: the money leaves suspense back to bank cash, to be paid out.</summary>
    public Task<SuspenseItem> ReturnAsync(Guid id, ReturnRequest request, Guid operatorId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => ReturnInTransactionAsync(id, request, operatorId, cancellationToken), cancellationToken);

    private async Task<SuspenseItem> ReturnInTransactionAsync(Guid id, ReturnRequest request, Guid operatorId, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var payment = await HeldAsync(id, cancellationToken);
        LedgerTransaction? posted = null;
        if (payment.TransactionId is not null)
        {
            var suspense = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Suspense, cancellationToken);
            // A held gateway payment goes back through the gateway it came by.
            var bank = await ledger.SystemAccountAsync(payment.Format == GatewayFormat ? Ledger.SystemAccounts.GatewayCash : Ledger.SystemAccounts.BankCash, cancellationToken);
            posted = await ResolvingPostAsync(new Posting("suspense.return", Describe("Bank payment No. {0} of {1}, to be returned to the payer", payment),
                [new Leg(bank, payment.Amount), new Leg(suspense, -payment.Amount)], operatorId, ResolutionSource, payment.Id.ToString("N")), cancellationToken);
        }
        Resolve(payment, BankPaymentStatus.Returned, request.Reason!, operatorId, posted?.Id);
        archive.Record("suspense.return", $"bank-payment:{payment.Id}", operatorId,
            before: new { status = "held", reason = payment.HoldReason },
            after: new { status = "returned", amount = Money.ToAmount(payment.Amount), currency = payment.Currency, why = payment.ResolutionReason, transaction = posted?.Id });
        await SaveResolutionAsync(cancellationToken);
        return View(payment);
    }

    private async Task<BankPayment> HeldAsync(Guid id, CancellationToken cancellationToken)
    {
        var payment = await db.Set<BankPayment>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_bank_payment", "There is no bank payment with this id.");
        return payment.Status == BankPaymentStatus.Held ? payment : throw AlreadyResolved();
    }

    private void Resolve(BankPayment payment, BankPaymentStatus status, string reason, Guid operatorId, Guid? transactionId)
    {
        payment.Status = status;
        payment.ResolvedAt = time.UtcNow();
        payment.ResolvedBy = operatorId;
        payment.ResolutionReason = reason.Trim();
        payment.ResolutionTransactionId = transactionId;
    }

    /// <summary>A payment resolved meanwhile by another operator fails on the ledger's (source, id) index or the status check.</summary>
    private async Task<LedgerTransaction> ResolvingPostAsync(Posting posting, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.PostAsync(posting, cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw AlreadyResolved();
        }
    }

    private async Task SaveResolutionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw AlreadyResolved();
        }
    }

    private static DomainException AlreadyResolved() =>
        DomainException.Conflict("billing.suspense_resolved", "id", "This payment has already been resolved.");

    private static SuspenseItem View(BankPayment p) => new(p.Id, p.DocumentDate, p.Number, Money.ToAmount(p.Amount), p.Currency, p.PayerName,
        p.PayerInn, p.PayerAccount, p.Purpose, p.HoldReason ?? "", p.Status.ToString().ToLowerInvariant(), p.ImportedAt, p.AccountNumber, p.ResolutionReason);

    private static DeferredText Describe(string template, BankPayment payment) =>
        DeferredText.Line(template, DeferredValue.Text(payment.Number), DeferredValue.Day(payment.DocumentDate));

    /// <summary>The same bank document always gets the same id, whichever file or format brings it.</summary>
    public static string ExternalId(BankDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
            document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), document.Number, document.PayerAccount,
            document.Amount.ToString(CultureInfo.InvariantCulture), document.Currency))));

    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)")]
    private static partial Regex AccountNumberPattern();

    [GeneratedRegex(@"[^\s,;:()<>""'«»\[\]]+@[^\s,;:()<>""'«»\[\]]+")]
    private static partial Regex LoginPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank statement ({Format}) imported: {Credited} credited, {Held} held, {Duplicates} duplicates, {Errors} broken")]
    private static partial void LogImported(ILogger logger, string format, int credited, int held, int duplicates, int errors);
}
