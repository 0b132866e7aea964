using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Documents.Invoices;
using Tradehall.Core.Legal;

namespace Tradehall.Core.Documents.Certificates;

/// <summary>
/// DOC-01 in the daily billing run: issues the certificates of the reporting periods that ended by the run's day, then
/// accepts those published <see cref="DocumentsOptions.CertificateAutoAcceptDays"/> ago that nobody objected to.
/// A subscriber's reporting periods are months counted from their first service charge (BIL-08: 31 January →
/// 28/29 February → 31 March) — one period per account, whatever its services; a certificate covers every service
/// charge posted in its days (operator time zone). Periods without charges get none. Each subscriber's certificates
/// are issued in one transaction and a unique (member, period) index refuses a second, so a rerun issues nothing twice.
/// </summary>
internal sealed partial class CertificateRun(
    AppDbContext db, ServiceCharges charges, SubscriberLegalData legal, BillingAccounts accounts, InvoiceService invoices, CertificateNotices notices,
    EvidenceArchive archive, TimeProvider time, IStringLocalizer<SharedResource> text, IOptions<DocumentsOptions> options, IOptions<BillingOptions> billing,
    IOptions<TradehallOptions> site, ILogger<CertificateRun> logger) : IBillingRunStep
{
    private const int Batch = 200;

    public string Name => "certificates";

    public async Task RunAsync(DateOnly asOf, Func<CancellationToken, Task> keepLease, CancellationToken cancellationToken)
    {
        var members = await charges.MembersChargedBeforeAsync(Billing.Ledger.Statements.StartOfDayUtc(asOf, site.Value.Zone), cancellationToken);
        var issued = 0;
        foreach (var chunk in members.Chunk(Batch))
        {
            var businesses = await legal.BusinessesAsync(chunk, cancellationToken);
            var ids = chunk.Where(businesses.Contains).ToArray();
            var certified = await db.Set<Certificate>().AsNoTracking().Where(c => ids.Contains(c.MemberId)).GroupBy(c => c.MemberId)
                .Select(g => new { g.Key, To = g.Max(c => c.PeriodTo) }).ToDictionaryAsync(g => g.Key, g => (DateOnly?)g.To, cancellationToken);
            foreach (var member in ids)
            {
                issued += await IssueAsync(member, certified.GetValueOrDefault(member), asOf, cancellationToken);
            }
            await keepLease(cancellationToken);
        }
        var accepted = await AutoAcceptAsync(asOf, cancellationToken);
        LogCompleted(logger, asOf, issued, accepted);
    }

    /// <summary>BIL-08: the periods from <paramref name="anchor"/> that ended by <paramref name="asOf"/> and follow <paramref name="certifiedTo"/>.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> EndedPeriods(DateOnly anchor, DateOnly? certifiedTo, DateOnly asOf)
    {
        for (var n = 1; ReportingPeriods.End(anchor, n) <= asOf; n++)
        {
            var from = ReportingPeriods.Start(anchor, n);
            if (certifiedTo is not { } last || from > last)
            {
                yield return (from, ReportingPeriods.End(anchor, n).AddDays(-1));
            }
        }
    }

    private async Task<int> IssueAsync(Guid memberId, DateOnly? certifiedTo, DateOnly asOf, CancellationToken cancellationToken)
    {
        var zone = site.Value.Zone;
        if (await charges.FirstChargeAsync(memberId, cancellationToken) is not { } first)
        {
            return 0;
        }
        var anchor = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(first, zone));
        var periods = EndedPeriods(anchor, certifiedTo, asOf).ToList();
        if (periods.Count == 0)
        {
            return 0;
        }
        var lines = await charges.BetweenAsync(memberId, Billing.Ledger.Statements.StartOfDayUtc(periods[0].From, zone), Billing.Ledger.Statements.StartOfDayUtc(periods[^1].To.AddDays(1), zone), cancellationToken);
        var byPeriod = periods.Select(p => (Period: p, Lines: lines.Where(l => Within(l, p, zone)).ToList())).Where(p => p.Lines.Count > 0).ToList();
        if (byPeriod.Count == 0)
        {
            return 0;
        }
        var account = await accounts.SummaryAsync(memberId, cancellationToken);
        var customer = await invoices.PayerAsync(memberId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (period, charged) in byPeriod)
            {
                await PublishAsync(memberId, account!.Number, customer, period, charged, asOf, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return byPeriod.Count;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e, "documents_certificates"))
        {
            // Another node of an overlapping run issued them first: nothing is issued twice.
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static bool Within(ServiceCharge line, (DateOnly From, DateOnly To) period, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(line.At, zone));
        return day >= period.From && day <= period.To;
    }

    private async Task PublishAsync(Guid memberId, string accountNumber, InvoicePayer customer, (DateOnly From, DateOnly To) period,
        IReadOnlyList<ServiceCharge> charged, DateOnly asOf, CancellationToken cancellationToken)
    {
        // Published on the run's day, as the run bills "as if today were" that day: the windows count from it.
        var certificate = new Certificate
        {
            Number = await DocumentNumbers.NextAsync(db, "certificate", "A-", asOf.Year, cancellationToken),
            MemberId = memberId,
            AccountNumber = accountNumber,
            PeriodFrom = period.From,
            PeriodTo = period.To,
            Amount = charged.Sum(l => l.Amount),
            Currency = billing.Value.Currency,
            PublishedAt = time.UtcNow(),
            PublishedOn = asOf,
            Pdf = [],
        };
        var lines = charged.Select(l => new CertificateLine(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(l.At, site.Value.Zone)),
            In("ru", l.Text), In("en", l.Text), l.Amount)).ToList();
        certificate.Pdf = CertificatePdf.Render(certificate, customer, lines, options.Value);
        db.Set<Certificate>().Add(certificate);
        notices.Published(certificate);
        archive.Record("documents.certificate_published", $"certificate:{certificate.Number}", null, onBehalfOfId: memberId, after: new
        {
            id = certificate.Id, certificate.Number, accountNumber, certificate.PeriodFrom, certificate.PeriodTo,
            amount = Money.ToAmount(certificate.Amount), currency = certificate.Currency, transactions = charged.Select(l => l.TransactionId),
        });
    }

    private string In(string language, DeferredText line)
    {
        using var _ = CultureScope.Use(language);
        return line.Render(text, line.Subject);
    }

    /// <summary>DOC-01: published certificates without an objection are accepted on the day the automatic acceptance falls due.</summary>
    private async Task<int> AutoAcceptAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var publishedBy = asOf.AddDays(-options.Value.CertificateAutoAcceptDays);
        var accepted = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Set<Certificate>().Where(c => c.Status == CertificateStatus.Published && c.PublishedOn <= publishedBy)
                .OrderBy(c => c.PublishedOn).ThenBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return accepted;
            }
            var now = time.UtcNow();
            foreach (var certificate in due)
            {
                certificate.Status = CertificateStatus.AutoAccepted;
                certificate.DecidedAt = now;
                notices.AutoAccepted(certificate);
                archive.Record("documents.certificate_auto_accepted", $"certificate:{certificate.Number}", null, onBehalfOfId: certificate.MemberId,
                    after: new { status = "autoAccepted", on = asOf });
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            accepted += due.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificates for {AsOf}: {Issued} issued, {Accepted} accepted automatically")]
    private static partial void LogCompleted(ILogger logger, DateOnly asOf, int issued, int accepted);
}
