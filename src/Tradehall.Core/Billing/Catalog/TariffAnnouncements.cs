using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Catalog;

/// <summary>A subscriber's objection to an announced change.</summary>
public sealed record TariffObjectionRequest(string? Reason);

/// <summary>
/// BIL-14: an announced change as the subscriber reads it; <c>type</c> is <c>price</c>, <c>new</c> or <c>closed</c>,
/// <c>status</c> is <c>open</c> (objections taken until <c>objectionsUntil</c>), <c>objected</c> or <c>accepted</c>.
/// </summary>
public sealed record TariffChangeView(
    Guid Id, string Type, string ServiceKind, string Tariff, string? Successor, decimal? OldPrice, decimal NewPrice,
    DateOnly AnnouncedOn, DateOnly EffectiveOn, DateOnly ObjectionsUntil, string Status, DateTime? ObjectedAt, string? Reason, DateOnly? AcceptedOn);

/// <summary>BIL-14: an announcement as the operator reads it, with how many subscribers were told, objected and accepted.</summary>
public sealed record OperatorTariffChangeView(
    Guid Id, string Type, string ServiceKind, Guid TariffId, string Tariff, string? Successor, decimal? OldPrice, decimal NewPrice,
    DateOnly AnnouncedOn, DateOnly EffectiveOn, DateOnly ObjectionsUntil, int Notified, int Objected, int Accepted);

/// <summary>What the daily run did with announcements: objectors' services that stopped renewing, and silences accepted.</summary>
public sealed record TariffChangeRunReport(int RenewalsStopped, int Accepted);

/// <summary>
/// BIL-14: announcing price changes, new and closed tariffs to exactly the subscribers they affect, taking their
/// objections within the window, and — in the daily run — accepting silence once the window closed and stopping the
/// renewal of objectors' services at the change. An objection means the service is not renewed at the new terms: it
/// renews at the old terms while its periods start before the change and ends with the period running on the day of the
/// change. A new tariff changes nobody's own terms, so an objection to it is recorded and changes no service.
/// </summary>
public sealed class TariffAnnouncements(
    AppDbContext db, BillingNotices notices, EvidenceArchive archive, TimeProvider time, IOptions<BillingOptions> options, IOptions<TradehallOptions> site,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Records the change and its addressees and tells each of them; joins the caller's unit of work. Answers how many were told.</summary>
    public async Task<int> AnnounceAsync(
        TariffChangeType type, ServiceKind kind, Tariff tariff, Tariff? successor, long? oldPrice, long newPrice, DateOnly effectiveOn, Guid operatorId,
        CancellationToken cancellationToken)
    {
        var today = time.Today(site.Value.Zone);
        var change = new TariffChange
        {
            Type = type, TariffId = tariff.Id, KindId = kind.Id, OldPrice = oldPrice, NewPrice = newPrice, SuccessorTariffId = successor?.Id,
            AnnouncedOn = today, AnnouncedAt = time.UtcNow(), EffectiveOn = effectiveOn, ObjectionsUntil = today.AddDays(options.Value.TariffObjectionDays),
            AnnouncedBy = operatorId,
        };
        db.Set<TariffChange>().Add(change);
        var members = type == TariffChangeType.New ? await HoldersOfKindAsync(kind.Code, cancellationToken) : await HoldersOfTariffAsync(tariff.Id, cancellationToken);
        foreach (var member in members)
        {
            db.Set<TariffChangeAddressee>().Add(new TariffChangeAddressee { ChangeId = change.Id, MemberId = member, NotifiedAt = change.AnnouncedAt });
        }
        notices.TariffChangeAnnounced(members, change, kind, tariff, successor);
        archive.Record("billing.tariff_change_announced", $"tariff-change:{change.Id}", operatorId, after: new
        {
            type = Name(type), kind = kind.Code, tariff = tariff.Id, successor = successor?.Id, oldPrice = oldPrice is { } o ? Money.ToAmount(o) : (decimal?)null,
            newPrice = Money.ToAmount(newPrice), effectiveOn, change.ObjectionsUntil, notified = members,
        });
        return members.Count;
    }

    /// <summary>Members with a live service in the tariff, or moving to it at their next period.</summary>
    public Task<List<Guid>> HoldersOfTariffAsync(Guid tariffId, CancellationToken cancellationToken) =>
        Live().Where(s => s.TariffId == tariffId || s.NextTariffId == tariffId).Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Members with a live service of the kind.</summary>
    public Task<List<Guid>> HoldersOfKindAsync(string kindCode, CancellationToken cancellationToken) =>
        Live().Where(s => s.KindCode == kindCode).Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken);

    /// <summary>The changes announced to the member, newest first.</summary>
    public async Task<IReadOnlyList<TariffChangeView>> ListAsync(Guid memberId, string culture, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in db.Set<TariffChangeAddressee>().AsNoTracking()
            where a.MemberId == memberId
            join c in db.Set<TariffChange>().AsNoTracking() on a.ChangeId equals c.Id
            orderby c.AnnouncedAt descending, c.Id descending
            select new { a, c }).ToListAsync(cancellationToken);
        var names = await NamesAsync(culture, cancellationToken);
        return rows.Select(r => View(r.c, r.a, names)).ToList();
    }

    /// <summary>The member's objection: a reason is required and is taken only until the window closes; once only.</summary>
    public async Task<TariffChangeView> ObjectAsync(Guid memberId, Guid id, TariffObjectionRequest request, string culture, CancellationToken cancellationToken)
    {
        var reason = WrittenReason.Objection(request.Reason, TariffChangeAddressee.ReasonLength, text);
        var addressee = await db.Set<TariffChangeAddressee>().FirstOrDefaultAsync(a => a.ChangeId == id && a.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.tariff_change_not_found", "No such announcement was made to you.");
        var change = await db.Set<TariffChange>().AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        if (addressee.ObjectedAt is not null)
        {
            throw DomainException.Conflict("billing.already_objected", "reason", "You have already objected to this change.");
        }
        var today = time.Today(site.Value.Zone);
        if (today > change.ObjectionsUntil || addressee.AcceptedOn is not null)
        {
            throw DomainException.Conflict("billing.objection_window_closed", "reason", text["Objections to this change were taken until {0}.", change.ObjectionsUntil.LongDay()]);
        }
        addressee.ObjectedAt = time.UtcNow();
        addressee.ObjectionReason = reason;
        var ends = await StopRenewalAsync(change, addressee, today, cancellationToken);
        archive.Record("billing.tariff_change_objected", $"tariff-change:{change.Id}", memberId, onBehalfOfId: memberId,
            after: new { reason, services = ends.Select(e => new { service = e.Service.Id, endsOn = e.EndsOn }) });
        var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Id == change.KindId, cancellationToken);
        var tariff = await db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == change.TariffId, cancellationToken);
        notices.TariffChangeObjected(memberId, kind, tariff, [.. ends.Select(e => e.EndsOn)]);
        await db.SaveChangesAsync(cancellationToken);
        return View(change, addressee, await NamesAsync(culture, cancellationToken));
    }

    /// <summary>Every announcement, newest first, with its counts.</summary>
    public async Task<IReadOnlyList<OperatorTariffChangeView>> OperatorListAsync(string culture, CancellationToken cancellationToken)
    {
        var changes = await db.Set<TariffChange>().AsNoTracking().OrderByDescending(c => c.AnnouncedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var counts = (await db.Set<TariffChangeAddressee>().AsNoTracking().GroupBy(a => a.ChangeId)
                .Select(g => new { g.Key, Notified = g.Count(), Objected = g.Count(a => a.ObjectedAt != null), Accepted = g.Count(a => a.AcceptedOn != null) })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key);
        var names = await NamesAsync(culture, cancellationToken);
        return changes.Select(c =>
        {
            var n = counts.GetValueOrDefault(c.Id);
            return new OperatorTariffChangeView(c.Id, Name(c.Type), names.Kinds[c.KindId], c.TariffId, names.Tariffs[c.TariffId],
                c.SuccessorTariffId is { } s ? names.Tariffs[s] : null, c.OldPrice is { } o ? Money.ToAmount(o) : null, Money.ToAmount(c.NewPrice),
                c.AnnouncedOn, c.EffectiveOn, c.ObjectionsUntil, n?.Notified ?? 0, n?.Objected ?? 0, n?.Accepted ?? 0);
        }).ToList();
    }

    /// <summary>
    /// The daily run, before renewals: objectors' services whose next period would start at the new terms stop renewing,
    /// and addressees silent when the window closed accept the change (dated the day after the window). Rerun-safe: both
    /// leave a mark that takes the row out of the next run.
    /// </summary>
    public async Task<TariffChangeRunReport> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var stopped = 0;
        var objections = await (
            from a in db.Set<TariffChangeAddressee>()
            where a.ObjectedAt != null && a.RenewalStoppedOn == null
            join c in db.Set<TariffChange>() on a.ChangeId equals c.Id
            where c.Type != TariffChangeType.New
            select new { a, c }).ToListAsync(cancellationToken);
        foreach (var o in objections)
        {
            stopped += (await StopRenewalAsync(o.c, o.a, asOf, cancellationToken)).Count(e => e.StoppedNow);
        }
        var closed = await db.Set<TariffChange>().Where(c => c.ObjectionsUntil < asOf
                && db.Set<TariffChangeAddressee>().Any(a => a.ChangeId == c.Id && a.ObjectedAt == null && a.AcceptedOn == null))
            .ToListAsync(cancellationToken);
        var accepted = 0;
        foreach (var change in closed)
        {
            var on = change.ObjectionsUntil.AddDays(1);
            var silent = await db.Set<TariffChangeAddressee>().Where(a => a.ChangeId == change.Id && a.ObjectedAt == null && a.AcceptedOn == null)
                .ToListAsync(cancellationToken);
            foreach (var a in silent)
            {
                a.AcceptedOn = on;
            }
            accepted += silent.Count;
            archive.Record("billing.tariff_change_accepted", $"tariff-change:{change.Id}", null, after: new { acceptedOn = on, members = silent.Select(a => a.MemberId) });
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new TariffChangeRunReport(stopped, accepted);
    }

    private sealed record ServiceEnd(SubscribedService Service, DateOnly? EndsOn, bool StoppedNow);

    /// <summary>
    /// The objector's services in the changed tariff: one whose next period starts on or after the change stops renewing
    /// now; one whose next period starts before it renews once more at the old terms and is stopped by a later run. The
    /// addressee is marked done once none is left waiting. Answers each service with the day it ends.
    /// </summary>
    private async Task<IReadOnlyList<ServiceEnd>> StopRenewalAsync(TariffChange change, TariffChangeAddressee addressee, DateOnly today, CancellationToken cancellationToken)
    {
        if (change.Type == TariffChangeType.New)
        {
            return [];
        }
        var tariff = await db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == change.TariffId, cancellationToken);
        var services = await db.Set<SubscribedService>()
            .Where(s => s.MemberId == addressee.MemberId && s.Status != ServiceStatus.Stopped && s.Status != ServiceStatus.Deleted
                && ((s.TariffId == change.TariffId && s.NextTariffId == null) || s.NextTariffId == change.TariffId))
            .ToListAsync(cancellationToken);
        var ends = new List<ServiceEnd>();
        var waiting = false;
        foreach (var s in services)
        {
            if (s.PeriodEnd is { } end && end < change.EffectiveOn)
            {
                waiting = true;
                ends.Add(new ServiceEnd(s, EndOfPeriodRunningOn(s.ActivatedOn ?? end, end, tariff.PeriodMonths, change.EffectiveOn), false));
                continue;
            }
            var stopping = s.AutoRenew;
            s.AutoRenew = false;
            ends.Add(new ServiceEnd(s, s.PeriodEnd, stopping));
        }
        if (!waiting)
        {
            addressee.RenewalStoppedOn = today;
        }
        return ends;
    }

    /// <summary>The end of the period that is running on <paramref name="day"/>, counting periods on from <paramref name="end"/>.</summary>
    private static DateOnly EndOfPeriodRunningOn(DateOnly activatedOn, DateOnly end, int months, DateOnly day)
    {
        while (end < day)
        {
            end = ReportingPeriods.Next(activatedOn, end, months);
        }
        return end;
    }

    private IQueryable<SubscribedService> Live() =>
        db.Set<SubscribedService>().Where(s => s.Status != ServiceStatus.Stopped && s.Status != ServiceStatus.Deleted);

    private sealed record Names(IReadOnlyDictionary<Guid, string> Kinds, IReadOnlyDictionary<Guid, string> Tariffs);

    private async Task<Names> NamesAsync(string culture, CancellationToken cancellationToken) =>
        new((await db.Set<ServiceKind>().AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(k => k.Id, k => k.Name(culture)),
            (await db.Set<Tariff>().AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.NameIn(culture)));

    private static TariffChangeView View(TariffChange c, TariffChangeAddressee a, Names names) =>
        new(c.Id, Name(c.Type), names.Kinds[c.KindId], names.Tariffs[c.TariffId], c.SuccessorTariffId is { } s ? names.Tariffs[s] : null,
            c.OldPrice is { } o ? Money.ToAmount(o) : null, Money.ToAmount(c.NewPrice), c.AnnouncedOn, c.EffectiveOn, c.ObjectionsUntil,
            a.ObjectedAt is not null ? "objected" : a.AcceptedOn is not null ? "accepted" : "open", a.ObjectedAt, a.ObjectionReason, a.AcceptedOn);

    public static string Name(TariffChangeType type) => type switch
    {
        TariffChangeType.Price => "price",
        TariffChangeType.New => "new",
        _ => "closed",
    };
}
