using Tradehall.Core.Billing;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Moderation;

/// <summary>
/// OPS-02: what moderation tells the member. A sanction is a notice under the contract, so it goes as a service notice,
/// whose in-app entry cannot be switched off (NTF-01); email and SMS follow the member's preferences.
/// </summary>
public sealed class ModerationNotices(Notifier notifier, IOptions<BillingOptions> billing)
{
    public const string Link = "/account/violations";

    public void Imposed(Sanction sanction)
    {
        var reason = DeferredValue.Text(sanction.Reason.TrimEnd('.'));
        Notify(sanction.MemberId, sanction.Kind switch
        {
            SanctionKinds.Warning => new DeferredText("A warning from the operator",
                "The operator recorded a violation of the rules on your account and warns you. Reason: {0}. Repeated violations may lead to restrictions, suspension or termination of the contract.", reason),
            SanctionKinds.Restriction => new DeferredText("Your account is restricted",
                "The operator restricted your account for a violation of the rules. Reason: {0}. The page of your violations shows what you cannot do until the restriction is lifted.", reason),
            SanctionKinds.Suspension => new DeferredText("Your account is suspended",
                "The operator suspended your account and all your services for a violation of the rules. Reason: {0}. Payments do not resume them; while the suspension lasts your information is kept for a storage fee of {1} a month.",
                reason, DeferredValue.Money(Money.ToMinor(billing.Value.StorageFeePerMonth) ?? 0, billing.Value.Currency)),
            _ => new DeferredText("Your contract is terminated for violations",
                "The operator terminated your contract for violations of the rules. Reason: {0}. Under the offer the remaining balance is forfeited as a penalty.", reason),
        });
    }

    public void Lifted(Sanction sanction, DateOnly imposedOn) =>
        Notify(sanction.MemberId, sanction.Kind == SanctionKinds.Suspension
            ? new DeferredText("Your suspension is lifted",
                "The operator lifted the suspension of your account imposed on {0}. Services paid for are active again; any other needs a payment, as after any suspension.", DeferredValue.Day(imposedOn))
            : new DeferredText("Your restriction is lifted", "The operator lifted the restriction of your account imposed on {0}.", DeferredValue.Day(imposedOn)));

    private void Notify(Guid memberId, DeferredText notice) =>
        notifier.Add(new NotificationRequest(memberId, NotificationType.ServiceNotice, Link, Notice: notice));
}
