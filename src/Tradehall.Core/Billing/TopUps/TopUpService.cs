using System.Security.Cryptography;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Billing.TopUps;

public sealed record GatewayPayment(
    [property: Required(ErrorMessage = "paymentId is required."), MaxLength(100)] string? PaymentId,
    [property: Required(ErrorMessage = "accountNumber is required.")] string? AccountNumber,
    [property: Required(ErrorMessage = "amount is required.")] decimal? Amount,
    [property: Required(ErrorMessage = "currency is required.")] string? Currency,
    DateTimeOffset? PaidAt);

/// <summary>
/// A payment taken: <c>credited</c>, or — BIL-19 — <c>held</c> in the suspense queue with <paramref name="HoldReason"/>, the
/// balance untouched (later <c>assigned</c> or <c>returned</c> by the operator).
/// </summary>
public sealed record TopUpResult(Guid TransactionId, string AccountNumber, decimal Amount, decimal Balance, bool Duplicate,
    string Status = TopUpResult.Credited, string? HoldReason = null)
{
    public const string Credited = "credited";
}

public sealed record CreditRequest(
    [property: Required(ErrorMessage = "Enter the amount.")] decimal? Amount,
    [property: Required(ErrorMessage = "Give the reason for the credit."), MinLength(3, ErrorMessage = "Give the reason for the credit."), MaxLength(300)] string? Reason);

/// <summary>
/// BIL-03, BIL-04: money coming into a personal account — a signed gateway callback, idempotent by the
/// gateway's payment id, and a manual credit by the operator with a reason.
/// </summary>
public sealed partial class TopUpService(
    AppDbContext db, Ledger.LedgerPostings ledger, BillingAccounts accounts, Receipts receipts, EvidenceArchive archive, TimeProvider time,
    NonResidentCap cap, BankStatements.BankStatements statements, BillingNotices notices, IOptions<BillingOptions> options, IOptions<TradehallOptions> site, ILogger<TopUpService> logger)
{
    public const string GatewaySource = "gateway";

    /// <summary>The source a manual credit is told as; the ledger keeps it without one.</summary>
    public const string OperatorSource = "operator";
    // The web defaults read "100" as a number; money travels as a JSON number only (SPEC §15).
    private static readonly JsonSerializerOptions CallbackJson = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };

    /// <summary>SEC-10: the signature is HMAC-SHA256 of the raw body, compared in constant time.</summary>
    public bool IsSignedByGateway(byte[] body, string? signatureHeader)
    {
        var secret = options.Value.Gateway.Secret;
        if (string.IsNullOrEmpty(secret) || signatureHeader is null || !signatureHeader.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public async Task<TopUpResult> ReceiveGatewayPaymentAsync(byte[] body, string? signature, CancellationToken cancellationToken)
    {
        if (!IsSignedByGateway(body, signature))
        {
            LogBadSignature(logger);
            throw new DomainException("billing.bad_signature", "The callback signature does not match.", StatusCodes.Status401Unauthorized);
        }
        GatewayPayment payment;
        try
        {
            payment = JsonSerializer.Deserialize<GatewayPayment>(body, CallbackJson)
                ?? throw new JsonException();
        }
        catch (JsonException e)
        {
            // "$.amount" → "amount": the gateway learns which field it sent wrongly.
            var field = e.Path is { Length: > 2 } path ? JsonNamingPolicy.CamelCase.ConvertName(path.TrimStart('$', '.').Split('.', '[')[0]) : "body";
            throw DomainException.Field("request.malformed_json", field, "The callback body is not valid JSON.");
        }
        var errors = FieldErrors.FromAnnotations(payment);
        var minor = CheckAmount(payment.Amount, errors, "amount");
        if (!errors.Has("currency") && payment.Currency != options.Value.Currency)
        {
            errors.Add("currency", $"Payments are accepted in {options.Value.Currency} only.");
        }
        errors.ThrowIfAny();

        var earlier = await FindAsync(GatewaySource, payment.PaymentId!, cancellationToken);
        if (earlier is not null)
        {
            return Replay(earlier, payment);
        }
        var account = await accounts.ByNumberAsync(payment.AccountNumber!, cancellationToken)
            ?? throw DomainException.Field("billing.unknown_account", "accountNumber", "There is no personal account with this number.");
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A replay racing the first callback waits here and then finds it credited: no unique-key failure to log.
            await db.Database.LockForTransactionAsync(DatabaseLockKeys.GatewayPayment(payment.PaymentId!), cancellationToken);
            if (await FindAsync(GatewaySource, payment.PaymentId!, cancellationToken) is { } raced)
            {
                return Replay(raced, payment);
            }
            var decision = await cap.CheckAsync(account, minor, cancellationToken);
            // BIL-19: the gateway has taken the money, so it is answered 200 either way; held, it waits for the operator to return it.
            var result = decision.HoldReason is { } reason
                ? await HoldAsync(account, payment.PaymentId!, minor, reason, cancellationToken)
                : await CreditAsync(account, minor, "topup.gateway", DeferredText.Line("Payment {0} through the payment gateway", DeferredValue.Text(payment.PaymentId!)),
                    Ledger.SystemAccounts.GatewayCash, null, GatewaySource, payment.PaymentId, null, decision, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException)
        {
            // The same payment id raced in on another connection and was credited there.
            db.ChangeTracker.Clear();
            return Replay(await FindAsync(GatewaySource, payment.PaymentId!, cancellationToken) ?? throw new InvalidOperationException("Payment failed to save."), payment);
        }
    }

    /// <summary>
    /// SEC-10: a replayed callback is harmless only when it repeats the payment; the same id with another amount
    /// or account is a gateway fault or a forgery with the secret, so it is refused and flagged, never credited.
    /// </summary>
    private TopUpResult Replay(TopUpResult earlier, GatewayPayment payment)
    {
        var differing = new List<string>();
        if (!string.Equals(earlier.AccountNumber, payment.AccountNumber, StringComparison.Ordinal))
        {
            differing.Add("accountNumber");
        }
        if (earlier.Amount != payment.Amount)
        {
            differing.Add("amount");
        }
        if (differing.Count == 0)
        {
            return earlier with { Duplicate = true };
        }
        LogConflictingReplay(logger, earlier.TransactionId, string.Join(",", differing));
        const string message = "This payment id was already credited with other details.";
        throw new DomainException("billing.payment_conflict", message, StatusCodes.Status409Conflict,
            differing.ToDictionary(f => f, _ => new[] { message }));
    }

    /// <summary>BIL-03 (c): a manual credit by the operator; in the caller's transaction when there is one (the idempotency scope), else in its own.</summary>
    public Task<TopUpResult> CreditByOperatorAsync(string accountNumber, CreditRequest request, Guid operatorId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => CreditByOperatorInTransactionAsync(accountNumber, request, operatorId, cancellationToken), cancellationToken);

    private async Task<TopUpResult> CreditByOperatorInTransactionAsync(string accountNumber, CreditRequest request, Guid operatorId, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var minor = CheckAmount(request.Amount, errors, "amount");
        errors.ThrowIfAny();
        var account = await accounts.ByNumberAsync(accountNumber, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_account", "There is no personal account with this number.");
        // BIL-19: the operator's own credit has no payer to hold it for, so over the cap it is refused.
        var decision = await cap.CheckAsync(account, minor, cancellationToken);
        if (decision.HoldReason is { } reason)
        {
            throw cap.Refusal(reason, "amount");
        }
        return await CreditAsync(account, minor, "topup.manual", DeferredText.Line("Credit by the operator: {0}", DeferredValue.Text(request.Reason!.Trim())),
            Ledger.SystemAccounts.Adjustments, operatorId, null, null, request.Reason, decision, cancellationToken);
    }

    private async Task<TopUpResult> CreditAsync(BillingAccount account, long minor, string kind, DeferredText description, string from,
        Guid? actorId, string? source, string? externalId, string? purpose, CapDecision decision, CancellationToken cancellationToken)
    {
        var cash = await ledger.SystemAccountAsync(from, cancellationToken);
        var posted = await ledger.PostAsync(new Posting(kind, description,
            [new Leg(account.LedgerAccountId, minor), new Leg(cash, -minor)], actorId, source, externalId), cancellationToken);
        var tracked = await db.Set<BillingAccount>().SingleAsync(a => a.Id == account.Id, cancellationToken);
        BillingAccounts.AcceptOffer(tracked, time.Today(site.Value.Zone));
        var balance = posted.Entries.Single(e => e.AccountId == account.LedgerAccountId).BalanceAfter!.Value;
        archive.Record(kind, $"billing-account:{account.Number}", actorId, onBehalfOfId: account.MemberId,
            after: new { amount = Money.ToAmount(minor), balance = Money.ToAmount(balance), source, externalId, transaction = posted.Id });
        await receipts.ReceivedAsync(account, posted, minor, source ?? OperatorSource, purpose, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await cap.ConcludeAsync(account, decision, actorId, cancellationToken);
        return new TopUpResult(posted.Id, account.Number, Money.ToAmount(minor), Money.ToAmount(balance), false);
    }

    /// <summary>BIL-19: the gateway's money goes to the suspense queue instead of the balance, and the member is told.</summary>
    private async Task<TopUpResult> HoldAsync(BillingAccount account, string paymentId, long minor, string reason, CancellationToken cancellationToken)
    {
        var held = await statements.HoldGatewayPaymentAsync(paymentId, account.Number, minor, reason, cancellationToken);
        notices.PaymentHeld(account.MemberId, account.Number, minor, reason);
        await db.SaveChangesAsync(cancellationToken);
        return await HeldResultAsync(held, false, cancellationToken);
    }

    private async Task<TopUpResult> HeldResultAsync(BankStatements.BankPayment held, bool duplicate, CancellationToken cancellationToken)
    {
        var balance = await db.Set<BillingAccount>().Where(a => a.Number == held.AccountNumber)
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => l.Balance).SingleAsync(cancellationToken);
        return new TopUpResult(held.TransactionId!.Value, held.AccountNumber!, Money.ToAmount(held.Amount), Money.ToAmount(balance), duplicate,
            held.Status.ToString().ToLowerInvariant(), held.HoldReason);
    }

    private long CheckAmount(decimal? amount, FieldErrors errors, string field)
    {
        if (errors.Has(field) || amount is not { } value)
        {
            return 0;
        }
        if (value <= 0)
        {
            errors.Add(field, "The amount must be greater than zero.");
        }
        else if (Money.ToMinor(value) is not { } minor)
        {
            errors.Add(field, "The amount may have at most two decimal places.");
        }
        else if (value > options.Value.MaxPayment)
        {
            errors.Add(field, $"The amount may not exceed {options.Value.MaxPayment:0.00}.");
        }
        else
        {
            return minor;
        }
        return 0;
    }

    /// <summary>A gateway payment already taken: credited, or held in the suspense queue (BIL-19).</summary>
    private async Task<TopUpResult?> FindAsync(string source, string externalId, CancellationToken cancellationToken) =>
        await FindCreditedAsync(source, externalId, cancellationToken)
        ?? (await statements.GatewayPaymentAsync(externalId, cancellationToken) is { } held ? await HeldResultAsync(held, true, cancellationToken) : null);

    private async Task<TopUpResult?> FindCreditedAsync(string source, string externalId, CancellationToken cancellationToken) =>
        await db.Set<LedgerTransaction>().AsNoTracking()
            .Where(t => t.Source == source && t.ExternalId == externalId)
            .SelectMany(t => t.Entries.Where(e => e.BalanceAfter != null), (t, e) => new { t.Id, e.AccountId, e.Amount, e.BalanceAfter })
            .Join(db.Set<BillingAccount>(), x => x.AccountId, a => a.LedgerAccountId, (x, a) => new TopUpResult(x.Id, a.Number, Money.ToAmount(x.Amount), Money.ToAmount(x.BalanceAfter!.Value), true))
            .FirstOrDefaultAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment gateway callback refused: a payment id already credited by transaction {TransactionId} came again with other {Fields}")]
    private static partial void LogConflictingReplay(ILogger logger, Guid transactionId, string fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment gateway callback refused: bad or missing signature")]
    private static partial void LogBadSignature(ILogger logger);
}
