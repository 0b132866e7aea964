using Tradehall.Core.Notifications;

namespace Tradehall.Core.Documents.Certificates;

/// <summary>DOC-01, NTF-01: what the subscriber is told about their certificates, in their language and channels.</summary>
public sealed class CertificateNotices(Notifier notifier, IOptions<DocumentsOptions> options)
{
    public const string Link = "/billing/certificates";

    public void Published(Certificate c) =>
        notifier.Add(new NotificationRequest(c.MemberId, NotificationType.Billing, Link, Notice: new DeferredText("An acceptance certificate is published",
            "The acceptance certificate {0} for {1} – {2}, {3}, is in your personal account. Accept it, or object with reasons by {4}; without a motivated objection it is accepted automatically on {5}.",
            DeferredValue.Text(c.Number), DeferredValue.Day(c.PeriodFrom), DeferredValue.Day(c.PeriodTo), DeferredValue.Money(c.Amount, c.Currency),
            DeferredValue.Day(ObjectionEndsOn(c)), DeferredValue.Day(AutoAcceptOn(c)))));

    public void AutoAccepted(Certificate c) =>
        notifier.Add(new NotificationRequest(c.MemberId, NotificationType.Billing, Link, Notice: new DeferredText("An acceptance certificate is accepted",
            "The acceptance certificate {0} for {1} – {2} received no motivated objection within {3} days of publication, so it is accepted.",
            DeferredValue.Text(c.Number), DeferredValue.Day(c.PeriodFrom), DeferredValue.Day(c.PeriodTo),
            DeferredValue.Text(options.Value.CertificateAutoAcceptDays.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    /// <summary>The last day an objection is taken.</summary>
    public DateOnly ObjectionEndsOn(Certificate c) => c.PublishedOn.AddDays(options.Value.CertificateObjectionDays);

    /// <summary>The day the billing run accepts a certificate nobody objected to.</summary>
    public DateOnly AutoAcceptOn(Certificate c) => c.PublishedOn.AddDays(options.Value.CertificateAutoAcceptDays);
}
