using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.BankStatements;
using Tradehall.Core.Billing.Contract;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Legal;

namespace Tradehall.Core.Billing.TopUps;

/// <summary>What the cap says of one payment: held with a <see cref="HoldReasons"/> code, or credited — and then perhaps the last one.</summary>
public sealed record CapDecision(string? HoldReason, bool ReachesCap)
{
    public static readonly CapDecision Uncapped = new(null, false);
}

/// <summary>
/// BIL-19 as the subscriber's page shows it: the cap in its own currency and in the operator's, converted at the rate of
/// the registration day, and how much of it the payments credited so far have used. The converted figures
/// are null while there is no rate to convert with, and for a resident, whom the cap does not concern.
/// </summary>
public sealed record CapView(bool Applies, DateOnly RegisteredOn, string CapCurrency, decimal Cap, decimal? Used, decimal? Remaining,
    string Currency, decimal? Rate, decimal? CapConverted, decimal UsedConverted, decimal? RemainingConverted);

/// <summary>
/// BIL-19, KYC-03: a non-resident's payments may total <see cref="BillingOptions.NonResidentCap"/> of
/// <see cref="BillingOptions.NonResidentCapCurrency"/> at most. The cap is converted into the operator currency once, at
/// the rate of the day the member registered (their personal account is opened then), so later rate changes move it no
/// more; the payments are summed as credited, in the operator currency. A payment that would cross the cap is held, as is
/// every payment of a non-resident while no rate of that day or before exists; one that lands on the cap exactly is
/// credited and ends the contract. Every way money is credited (gateway, bank import, the suspense queue, the operator's
/// credit) asks here, under one lock, in its crediting transaction.
/// </summary>
public sealed class NonResidentCap(AppDbContext db, SubscriberLegalData legal, ICurrencyRates rates, Termination termination, TimeProvider time,
    IOptions<BillingOptions> options, IOptions<TradehallOptions> site)
{
    /// <summary>Decides on crediting <paramref name="amount"/> (minor units) to the account; runs inside the crediting transaction.</summary>
    public async Task<CapDecision> CheckAsync(BillingAccount account, long amount, CancellationToken cancellationToken)
    {
        if (!await legal.IsNonResidentAsync(account.MemberId, cancellationToken))
        {
            return CapDecision.Uncapped;
        }
        await db.Database.LockForTransactionAsync(DatabaseLockKeys.NonResidentCap, cancellationToken);
        if (await CapConvertedAsync(account, cancellationToken) is not { } cap)
        {
            return new CapDecision(HoldReasons.NoExchangeRate, false);
        }
        var after = await PaidAsync(account, cancellationToken) + amount;
        return after > cap ? new CapDecision(HoldReasons.NonResidentCap, false) : new CapDecision(null, after == cap);
    }

    /// <summary>After a credit the cap allowed: reaching it ends the contract through the one place contracts end.</summary>
    public async Task ConcludeAsync(BillingAccount account, CapDecision decision, Guid? actorId, CancellationToken cancellationToken)
    {
        if (decision.ReachesCap)
        {
            await termination.TerminateAsync(account.Id, TerminationReasons.NonResidentCap, time.Today(site.Value.Zone), actorId, cancellationToken);
        }
    }

    /// <summary>The refusal of a credit that cannot be held (the operator's own credit, a held payment being assigned): 409 naming <paramref name="field"/>.</summary>
    public DomainException Refusal(string holdReason, string field) => holdReason == HoldReasons.NoExchangeRate
        ? DomainException.Conflict("billing.non_resident_cap_no_rate", field,
            $"The subscriber is a non-resident and there is no {options.Value.NonResidentCapCurrency} exchange rate of their registration day or before to check the payment cap with; set the rate first.")
        : DomainException.Conflict("billing.non_resident_cap", field,
            $"The subscriber is a non-resident; this payment would take their payments over the cap of {options.Value.NonResidentCap:0.00} {options.Value.NonResidentCapCurrency}.");

    /// <summary>The cap as the member's page and <c>GET /api/v1/billing/cap</c> show it; a resident's is not converted, as it does not apply.</summary>
    public async Task<CapView> ViewAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var account = await db.Set<BillingAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        var o = options.Value;
        var applies = await legal.IsNonResidentAsync(memberId, cancellationToken);
        var rate = applies ? await RateAsync(account, cancellationToken) : null;
        var paid = await PaidAsync(account, cancellationToken);
        if (rate is not { } r)
        {
            return new CapView(applies, RegisteredOn(account), o.NonResidentCapCurrency, o.NonResidentCap, null, null, o.Currency, null, null, Money.ToAmount(paid), null);
        }
        var cap = Convert(o.NonResidentCap, r);
        // Payments from before the member declared non-residency may exceed the cap; nothing remains then.
        var used = Math.Min(paid, cap);
        decimal ToCapCurrency(long minor) => decimal.Round(Money.ToAmount(minor) / r, 2, MidpointRounding.AwayFromZero);
        return new CapView(applies, RegisteredOn(account), o.NonResidentCapCurrency, o.NonResidentCap, ToCapCurrency(used), ToCapCurrency(cap - used),
            o.Currency, r, Money.ToAmount(cap), Money.ToAmount(paid), Money.ToAmount(cap - used));
    }

    /// <summary>The day the member registered, in the site's time zone: the personal account is opened in that transaction.</summary>
    private DateOnly RegisteredOn(BillingAccount account) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(account.CreatedAt, DateTimeKind.Utc), site.Value.Zone));

    private Task<decimal?> RateAsync(BillingAccount account, CancellationToken cancellationToken) =>
        rates.RateAsync(options.Value.NonResidentCapCurrency, options.Value.Currency, RegisteredOn(account), cancellationToken);

    private async Task<long?> CapConvertedAsync(BillingAccount account, CancellationToken cancellationToken) =>
        await RateAsync(account, cancellationToken) is { } rate ? Convert(options.Value.NonResidentCap, rate) : null;

    /// <summary>The cap in minor units of the operator currency, rounded half away from zero to the minor unit.</summary>
    private static long Convert(decimal cap, decimal rate) => (long)decimal.Round(cap * rate * 100m, MidpointRounding.AwayFromZero);

    /// <summary>Every payment credited to the account so far, however it came (the ledger's top-up kinds), in minor units.</summary>
    private async Task<long> PaidAsync(BillingAccount account, CancellationToken cancellationToken) =>
        await db.Set<LedgerEntry>().Where(e => e.AccountId == account.LedgerAccountId && e.Amount > 0)
            .Join(db.Set<LedgerTransaction>().Where(t => EF.Functions.Like(t.Kind, "topup.%")), e => e.TransactionId, t => t.Id, (e, t) => e.Amount)
            .SumAsync(a => (long?)a, cancellationToken) ?? 0;
}
