using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// BIL-11: when the grace period of a suspended marketplace subscription runs out, the subscriber's saved searches go,
/// and with them their alerts — unless another live marketplace service of the member still pays for them. Runs in the
/// billing run's transaction, so the deletion commits with the service's status.
/// </summary>
public sealed class SavedSearchDeletion(AppDbContext db, Entitlements entitlements, EvidenceArchive archive) : IDomainEventSubscriber<ServiceDataDeleted>
{
    public async Task HandleAsync(ServiceDataDeleted domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.KindCode != ServiceCatalog.Marketplace
            || await entitlements.HasOtherLiveAsync(domainEvent.MemberId, domainEvent.KindCode, domainEvent.ServiceId, cancellationToken))
        {
            return;
        }
        var deleted = await db.Set<SavedSearch>().Where(s => s.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            archive.Record("marketplace.saved_searches_deleted", $"service:{domainEvent.ServiceId}", null, onBehalfOfId: domainEvent.MemberId, after: new { deleted });
        }
    }
}
