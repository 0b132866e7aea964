using Tradehall.Core.Billing.Accounts;

namespace Tradehall.Core.Billing.Contract;

/// <summary>BIL-25 (§15.2): <c>status</c> is the account's (<c>active</c>, <c>suspended</c>, <c>terminated</c>), or <c>notAccepted</c> before the first top-up.</summary>
public sealed record ContractView(string? Number, DateOnly? StartedOn, DateOnly? TermEndsOn, string Status, DateOnly? NonExtensionNoticeOn);

/// <summary>
/// BIL-25: the contract runs for terms of <see cref="BillingOptions.ContractTermMonths"/> (a calendar year) from acceptance,
/// each counted from the day of acceptance (a contract accepted on 29 February ends its terms on 28 February, and on
/// 29 February in leap years). The daily run extends a term that ended, unless either side gave notice of
/// non-extension at least <see cref="BillingOptions.NonExtensionNoticeDays"/> days before its end — then the contract
/// ends with the term, through <see cref="Termination"/>.
/// </summary>
public sealed class ContractTerm(
    AppDbContext db, Termination termination, BillingNotices notices, EvidenceArchive archive, TimeProvider time,
    IOptions<BillingOptions> options, IOptions<TradehallOptions> site, IStringLocalizer<SharedResource> text)
{
    public const string BySubscriber = "subscriber";
    public const string ByOperator = "operator";
    private const int Batch = 500;

    /// <summary>The last day of the account's current term; null before acceptance.</summary>
    public static DateOnly? TermEndsOn(DateOnly? startedOn, int terms, int termMonths) => startedOn?.AddMonths(termMonths * terms);

    public async Task<ContractView> ViewAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var account = await db.Set<BillingAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        return View(account);
    }

    private ContractView View(BillingAccount a) =>
        new(a.ContractNumber, a.ContractStartedOn, TermEndsOn(a.ContractStartedOn, a.ContractTerms, options.Value.ContractTermMonths),
            a.ContractStartedOn is null && a.Status != AccountStatus.Terminated ? "notAccepted" : a.Status.ToString().ToLowerInvariant(), a.NonExtensionNoticeOn);

    /// <summary>BIL-25: the subscriber's notice of non-extension.</summary>
    public async Task GiveNoticeAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var account = await db.Set<BillingAccount>().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        await NoticeAsync(account, BySubscriber, memberId, cancellationToken);
    }

    /// <summary>BIL-25: the operator's notice of non-extension of a subscriber's contract.</summary>
    public async Task GiveNoticeByOperatorAsync(string accountNumber, Guid operatorId, CancellationToken cancellationToken)
    {
        var account = await db.Set<BillingAccount>().FirstOrDefaultAsync(a => a.Number == accountNumber, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_account", "There is no personal account with this number.");
        await NoticeAsync(account, ByOperator, operatorId, cancellationToken);
    }

    /// <summary>Notice given twice is recorded once: the first date stands.</summary>
    private async Task NoticeAsync(BillingAccount account, string by, Guid actorId, CancellationToken cancellationToken)
    {
        Termination.EnsureLive(account);
        if (TermEndsOn(account.ContractStartedOn, account.ContractTerms, options.Value.ContractTermMonths) is not { } ends)
        {
            throw new DomainException("billing.no_contract", "There is no contract yet: it starts with the first top-up.", StatusCodes.Status409Conflict);
        }
        if (account.NonExtensionNoticeOn is not null)
        {
            return;
        }
        var today = time.Today(site.Value.Zone);
        var days = options.Value.NonExtensionNoticeDays;
        if (ends.DayNumber - today.DayNumber < days)
        {
            throw new DomainException("billing.notice_too_late",
                text["Notice of non-extension must be given at least {0} days before the term ends on {1}; the contract will be extended, and notice may be given for the next term.",
                    days, ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], StatusCodes.Status409Conflict);
        }
        account.NonExtensionNoticeOn = today;
        account.NonExtensionNoticeBy = by;
        archive.Record("billing.contract_notice", $"billing-account:{account.Number}", actorId, onBehalfOfId: account.MemberId,
            after: new { by, on = today, termEndsOn = ends, contract = account.ContractNumber });
        notices.ContractTerm(account.MemberId, ends, noticeGiven: true);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// BIL-25: for the daily run — every contract whose term ended before <paramref name="asOf"/> is extended by a term, or
    /// ends with it when notice was given; returns how many were extended and how many ended. Each batch is one transaction
    /// that moves its contracts past the day, so a rerun of the same day changes nothing.
    /// </summary>
    public async Task<(int Extended, int Ended)> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var months = options.Value.ContractTermMonths;
        // No term has ended for a contract younger than one term (a few days' margin for month lengths); the rest is decided below.
        var startedBefore = asOf.AddMonths(-months).AddDays(3);
        var candidates = await db.Set<BillingAccount>().AsNoTracking()
            .Where(a => a.ContractStartedOn != null && a.ContractStartedOn < startedBefore && a.Status != AccountStatus.Terminated)
            .Select(a => new { a.Id, a.ContractStartedOn, a.ContractTerms }).ToListAsync(cancellationToken);
        int extended = 0, ended = 0;
        foreach (var due in candidates.Where(a => TermEndsOn(a.ContractStartedOn, a.ContractTerms, months) < asOf).Select(a => a.Id).Chunk(Batch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var account in await db.Set<BillingAccount>().Where(a => due.Contains(a.Id) && a.Status != AccountStatus.Terminated).ToListAsync(cancellationToken))
            {
                var ends = TermEndsOn(account.ContractStartedOn, account.ContractTerms, months)!.Value;
                if (account.NonExtensionNoticeOn is not null)
                {
                    await termination.TerminateAsync(account.Id, TerminationReasons.NonExtension, ends, null, cancellationToken);
                    ended++;
                    continue;
                }
                // A run that missed days catches up: the term moves past every end that has gone by.
                while (TermEndsOn(account.ContractStartedOn, account.ContractTerms, months) < asOf)
                {
                    account.ContractTerms++;
                }
                var until = TermEndsOn(account.ContractStartedOn, account.ContractTerms, months)!.Value;
                archive.Record("billing.contract_extended", $"billing-account:{account.Number}", null, onBehalfOfId: account.MemberId,
                    after: new { contract = account.ContractNumber, term = account.ContractTerms, termEndsOn = until });
                notices.ContractTerm(account.MemberId, until, noticeGiven: false);
                extended++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return (extended, ended);
    }
}
