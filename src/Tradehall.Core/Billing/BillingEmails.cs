using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Data;
using Tradehall.Core.Notifications;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Billing;

/// <summary>BIL-10, BIL-11: what the billing run tells a member about their services.</summary>
public enum ServiceNotice
{
    Suspended,
    ReserveStarted,
    Deleted,
    Resumed,
}

/// <summary>A service named in a notice, with the date the notice is about.</summary>
public sealed record NoticeItem(string KindCode, DateOnly? On = null);

/// <summary>BIL-07, BIL-10, BIL-11, BIL-14: what billing tells members by email, each in the member's language, queued in the caller's unit of work.</summary>
public sealed class BillingEmails(AppDbContext db, Outbox outbox, IOptions<BillingOptions> options, IOptions<TradehallOptions> site,
    IStringLocalizer<SharedResource> text)
{
    private sealed record Recipient(Guid Id, string Email, string FirstName, string Culture);

    public async Task OrderConfirmedAsync(Guid memberId, ServiceKind kind, Tariff tariff, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        foreach (var r in await RecipientsAsync([memberId], cancellationToken))
        {
            Send(r, "Your order is confirmed", () => text["Your order of {0} ({1}) is confirmed. The service is active from {2}; the paid period ends on {3}.",
                kind.Name(r.Culture), tariff.Name, Day(start), Day(end)]);
        }
    }

    public async Task OrderRejectedAsync(Guid memberId, ServiceKind kind, Tariff tariff, string reason, long refunded, CancellationToken cancellationToken)
    {
        foreach (var r in await RecipientsAsync([memberId], cancellationToken))
        {
            Send(r, "Your order was declined", () => text["Your order of {0} ({1}) was declined. Reason: {2}", kind.Name(r.Culture), tariff.Name, reason]
                + "\n\n" + text["{0} paid for the first period is back on your personal account.", Amount(refunded)]);
        }
    }

    /// <summary>BIL-14: everyone with a live service in the tariff learns the new price and when it starts.</summary>
    public async Task PriceChangedAsync(ServiceKind kind, Tariff tariff, long price, DateOnly from, CancellationToken cancellationToken)
    {
        foreach (var r in await RecipientsAsync(await SubscribersAsync(tariff.Id, cancellationToken), cancellationToken))
        {
            Send(r, "The price of your tariff changes", () => text["From {0} one period of {1} ({2}) will cost {3} instead of {4}.",
                Day(from), kind.Name(r.Culture), tariff.Name, Amount(price), Amount(tariff.Price)]
                + "\n\n" + text["If you do not agree, you may cancel the service before that day; otherwise the new price applies to your next periods."]);
        }
    }

    /// <summary>BIL-14: subscribers of a closed tariff learn where and when their service moves.</summary>
    public async Task TariffClosedAsync(ServiceKind kind, Tariff closed, Tariff successor, DateOnly moveOn, CancellationToken cancellationToken)
    {
        foreach (var r in await RecipientsAsync(await SubscribersAsync(closed.Id, cancellationToken), cancellationToken))
        {
            Send(r, "Your tariff is closing", () => text["The tariff {0} of {1} is closed. From {2} your service moves to the tariff {3} at {4} per period.",
                closed.Name, kind.Name(r.Culture), Day(moveOn), successor.Name, Amount(ServiceCatalog.PriceOn(successor, moveOn))]
                + "\n\n" + text["If you do not agree, you may cancel the service before that day; otherwise the new price applies to your next periods."]);
        }
    }

    /// <summary>BIL-10, BIL-11: one email per member listing that member's services the notice is about.</summary>
    public async Task ServicesAsync(ServiceNotice notice, IReadOnlyCollection<(Guid MemberId, NoticeItem Item)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }
        var kinds = await db.Set<ServiceKind>().AsNoTracking().ToDictionaryAsync(k => k.Code, cancellationToken);
        var byMember = items.ToLookup(i => i.MemberId, i => i.Item);
        var (subject, lead) = notice switch
        {
            ServiceNotice.Suspended => ("Your services are suspended",
                "the balance of your personal account does not cover the next period, so these services are suspended. Top up the account and they resume within a minute:"),
            ServiceNotice.ReserveStarted => ("Your suspended services will be deleted soon",
                "these services are still suspended for non-payment. Their data will be deleted on the date shown unless the account is topped up:"),
            ServiceNotice.Deleted => ("The data of your suspended services was deleted",
                "the grace period of these services ended without payment, so their data was deleted:"),
            _ => ("Your services are active again", "your payment cleared the debt, and these services are active again until the date shown:"),
        };
        foreach (var r in await RecipientsAsync([.. byMember.Select(g => g.Key)], cancellationToken))
        {
            Send(r, subject, () => string.Join("\n\n", text[lead], string.Join("\n", byMember[r.Id].Select(i =>
                "• " + (kinds.TryGetValue(i.KindCode, out var kind) ? kind.Name(r.Culture) : i.KindCode) + (i.On is { } on ? " — " + Day(on) : ""))),
                text["Your personal account: {0}", site.Value.PublicUrl.TrimEnd('/') + "/billing"]));
        }
    }

    /// <summary>BIL-22: the balance pays for the services only until <paramref name="until"/>.</summary>
    public async Task FundsRunningOutAsync(Guid memberId, DateOnly until, decimal monthlySpend, CancellationToken cancellationToken)
    {
        foreach (var r in await RecipientsAsync([memberId], cancellationToken))
        {
            Send(r, "Your balance runs out soon", () => text["The balance of your personal account pays for your services until {0}. They cost {1} a month; top up before then so they do not stop.",
                Day(until), Amount(Money.ToMinor(monthlySpend) ?? 0)] + "\n\n" + text["Your personal account: {0}", site.Value.PublicUrl.TrimEnd('/') + "/billing"]);
        }
    }

    /// <summary>The members with a service in the tariff that has not stopped.</summary>
    public Task<List<Guid>> SubscribersAsync(Guid tariffId, CancellationToken cancellationToken) =>
        db.Set<Services.SubscribedService>().Where(s => s.TariffId == tariffId && s.Status != Services.ServiceStatus.Stopped)
            .Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken);

    private async Task<List<Recipient>> RecipientsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id) && m.Email != null)
            .Select(m => new Recipient(m.Id, m.Email!, m.FirstName, m.Culture)).ToListAsync(cancellationToken);

    private void Send(Recipient r, string subject, Func<string> lead)
    {
        using var _ = CultureScope.Use(r.Culture);
        var body = string.Join("\n\n", text["Hello {0},", r.FirstName], lead(), site.Value.OperatorName);
        outbox.Email(r.Id, r.Email, text[subject], body);
    }

    private static string Day(DateOnly day) => day.ToString("D", CultureInfo.CurrentCulture);

    private string Amount(long minor) => Money.ToAmount(minor).ToString("N2", CultureInfo.CurrentCulture) + " " + options.Value.Currency;
}
