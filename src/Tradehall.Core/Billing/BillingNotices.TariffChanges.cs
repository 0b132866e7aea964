using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing;

/// <summary>BIL-11, BIL-14: the contractual notices of tariff changes and of data about to be deleted.</summary>
public sealed partial class BillingNotices
{
    /// <summary>BIL-14: each addressee learns what changes, from when, and until when they may object.</summary>
    public void TariffChangeAnnounced(IEnumerable<Guid> members, TariffChange change, ServiceKind kind, Tariff tariff, Tariff? successor)
    {
        var notice = change.Type switch
        {
            TariffChangeType.Price => new DeferredText("The price of your tariff changes",
                "From {0} one period of {1} ({2}) will cost {3} instead of {4}. If you do not agree, object by {5} on your billing page: your service then does not renew at the new price and ends with the period running on {0}. Without an objection, the new price is accepted.",
                DeferredValue.Day(change.EffectiveOn), KindName(kind), DeferredValue.Names(tariff.NameIn), Money(change.NewPrice), Money(change.OldPrice ?? change.NewPrice),
                DeferredValue.Day(change.ObjectionsUntil)),
            TariffChangeType.Closed => new DeferredText("Your tariff is closing",
                "The tariff {0} of {1} is closed. From {2} your service moves to the tariff {3} at {4} per period. If you do not agree, object by {5} on your billing page: your service then does not move and ends with the period running on {2}. Without an objection, the move is accepted.",
                DeferredValue.Names(tariff.NameIn), KindName(kind), DeferredValue.Day(change.EffectiveOn), DeferredValue.Names((successor ?? tariff).NameIn),
                Money(change.NewPrice), DeferredValue.Day(change.ObjectionsUntil)),
            _ => new DeferredText("A new tariff is coming",
                "From {0} the tariff {1} of {2} is on sale at {3} per period. Your own tariff does not change; you may switch to the new one from that day. You may object by {4} on your billing page; without an objection, the change is accepted.",
                DeferredValue.Day(change.EffectiveOn), DeferredValue.Names(tariff.NameIn), KindName(kind), Money(change.NewPrice), DeferredValue.Day(change.ObjectionsUntil)),
        };
        foreach (var member in members)
        {
            Notify(member, notice);
        }
    }

    /// <summary>BIL-14: the objection is recorded; the services it stops end on the days listed.</summary>
    public void TariffChangeObjected(Guid memberId, ServiceKind kind, Tariff tariff, IReadOnlyList<DateOnly?> endsOn)
    {
        var days = endsOn.OfType<DateOnly>().Order().ToList();
        if (days.Count == 0)
        {
            Notify(memberId, new DeferredText("Your objection is recorded",
                "Your objection to the change of the tariff {0} of {1} is recorded. Your own services do not change.", DeferredValue.Names(tariff.NameIn), KindName(kind)));
            return;
        }
        var list = DeferredValue.Names(language =>
        {
            using var _ = CultureScope.Use(language);
            return string.Concat(days.Select(d => "\n• " + d.LongDay()));
        });
        Notify(memberId, new DeferredText("Your objection is recorded",
            "Your objection to the change of the tariff {0} of {1} is recorded. Your service will not renew at the new terms: it is provided as paid and ends on the date shown:{2}",
            DeferredValue.Names(tariff.NameIn), KindName(kind), list));
    }

    /// <summary>BIL-11: what the end of the grace period deletes for a service of the kind, as the reserve warning says it.</summary>
    private static DeferredValue DeletedData(string? kindCode) => kindCode switch
    {
        ServiceCatalog.Marketplace => DeferredValue.Phrase("your saved searches and their alerts"),
        ServiceCatalog.Analytics => DeferredValue.Phrase("your analytics subscription (no other data of yours is kept with it)"),
        ServiceCatalog.PriceReview => DeferredValue.Phrase("your subscription and your access to the archive of price reviews"),
        _ => DeferredValue.Phrase("the data the service keeps for you"),
    };
}
