using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Data;
using Tradehall.Core.Notifications;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Billing.Run;

/// <summary>A service named in a notice, with the date the notice is about.</summary>
public sealed record NoticeItem(string KindCode, DateOnly? On = null);

/// <summary>BIL-10, BIL-11: the emails of suspension, the reserve, deletion and resumption, in each member's language.</summary>
public sealed class BillingNotices(AppDbContext db, Outbox outbox, IStringLocalizer<SharedResource> text, IOptions<TradehallOptions> site)
{
    public enum Notice
    {
        Suspended,
        ReserveStarted,
        Deleted,
        Resumed,
    }

    /// <summary>Queues one email per member in the caller's unit of work, listing that member's services.</summary>
    public async Task QueueAsync(Notice notice, IReadOnlyCollection<(Guid MemberId, NoticeItem Item)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }
        var ids = items.Select(i => i.MemberId).Distinct().ToList();
        var members = await db.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Email, m.FirstName, m.Culture }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var kinds = await db.Set<ServiceKind>().AsNoTracking().ToDictionaryAsync(k => k.Code, cancellationToken);
        foreach (var group in items.GroupBy(i => i.MemberId))
        {
            if (!members.TryGetValue(group.Key, out var member) || member.Email is null)
            {
                continue;
            }
            using var _ = CultureScope.Use(member.Culture);
            var lines = group.Select(i => "• " + (kinds.TryGetValue(i.Item.KindCode, out var kind) ? kind.Name(member.Culture) : i.Item.KindCode)
                + (i.Item.On is { } on ? " — " + on.ToString("d", System.Globalization.CultureInfo.CurrentCulture) : ""));
            var (subject, lead) = notice switch
            {
                Notice.Suspended => ("Your services are suspended",
                    "the balance of your personal account does not cover the next period, so these services are suspended. Top up the account and they resume within a minute:"),
                Notice.ReserveStarted => ("Your suspended services will be deleted soon",
                    "these services are still suspended for non-payment. Their data will be deleted on the date shown unless the account is topped up:"),
                Notice.Deleted => ("The data of your suspended services was deleted",
                    "the grace period of these services ended without payment, so their data was deleted:"),
                _ => ("Your services are active again", "your payment cleared the debt, and these services are active again until the date shown:"),
            };
            var body = string.Join("\n\n", text["Hello {0},", member.FirstName], text[lead], string.Join("\n", lines),
                text["Your personal account: {0}", site.Value.PublicUrl.TrimEnd('/') + "/billing"], site.Value.OperatorName);
            outbox.Email(member.Id, member.Email, text[subject], body);
        }
    }
}
