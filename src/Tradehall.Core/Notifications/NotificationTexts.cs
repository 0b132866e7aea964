using Tradehall.Core.Notifications.Preferences;

namespace Tradehall.Core.Notifications;

/// <summary>NTF-01: a notification's words, in the current culture, from its type, actor and excerpt.</summary>
public sealed class NotificationTexts(IStringLocalizer<SharedResource> text, IOptions<TradehallOptions> site)
{
    /// <summary>The headline of an entry: its notice's subject when it carries one, else the type's words.</summary>
    public string Headline(Notification n) =>
        DeferredText.Parse(n.Notice) is { } notice ? Render(notice.Subject, notice) : Headline(n.Type, n.ActorName);

    /// <summary>What is shown under the headline: the notice's body, or the excerpt.</summary>
    public string? Body(Notification n) =>
        DeferredText.Parse(n.Notice) is { } notice ? Render(notice.Body, notice) : n.Excerpt;

    private string Render(string template, DeferredText notice) => notice.Render(text, template);

    public string Headline(NotificationType type, string? actorName)
    {
        var actor = string.IsNullOrWhiteSpace(actorName) ? text["A member"].Value : actorName;
        return type switch
        {
            NotificationType.Message => text["{0} wrote to you", actor],
            NotificationType.ContactRequest => text["{0} asked to join your contacts", actor],
            NotificationType.PageComment => text["{0} commented on your page", actor],
            NotificationType.Billing => text["News about your personal account"],
            NotificationType.ServiceNotice => text["A notice about the service"],
            NotificationType.QuoteAnswered => text["{0} answered your quote", actor],
            NotificationType.ListingExpiring => text["Your listing expires soon; renew it to keep it visible"],
            NotificationType.ListingExpired => text["Your listing expired and is no longer shown"],
            NotificationType.ListingBlocked => text["Your listing was taken down by moderation"],
            NotificationType.SavedSearch => text["New listings for your saved search: {0}", actorName ?? ""],
            NotificationType.OrganizationInvitation => text["{0} invited you to join an organization", actor],
            NotificationType.ContactAccepted => text["{0} accepted your contact request", actor],
            _ => text["News from {0}", site.Value.OperatorName],
        };
    }

    /// <summary>The type as the preferences table names it.</summary>
    public string TypeName(NotificationType type) => type switch
    {
        NotificationType.Message => text["New messages"],
        NotificationType.ContactRequest => text["Contact requests"],
        NotificationType.PageComment => text["Comments on your page"],
        NotificationType.Billing => text["Personal account and payments"],
        NotificationType.ServiceNotice => text["Service notices"],
        NotificationType.QuoteAnswered => text["Answers to your quotes"],
        NotificationType.ListingExpiring => text["Listings about to expire"],
        NotificationType.ListingExpired => text["Expired listings"],
        NotificationType.ListingBlocked => text["Listings taken down"],
        NotificationType.SavedSearch => text["Saved search alerts"],
        NotificationType.OrganizationInvitation => text["Invitations to organizations"],
        NotificationType.ContactAccepted => text["New contacts"],
        _ => text["News and offers"],
    };

    public string ChannelName(NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => text["On the site"],
        NotificationChannel.Email => text["Email"],
        _ => text["SMS"],
    };
}
