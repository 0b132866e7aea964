namespace Tradehall.Core.Notifications;

/// <summary>Who a notification email or SMS goes to, and in which language.</summary>
public sealed record Recipient(Guid Id, string? Email, string? Phone, bool PhoneConfirmed, string FirstName, string Culture);

/// <summary>
/// NTF-01, NTF-03: notifications as emails and SMS, each in the recipient's language, queued in the
/// caller's unit of work. Every email greets the member, links to the preferences and signs off as the operator.
/// </summary>
public sealed class NotificationMail(NotificationTexts texts, IStringLocalizer<SharedResource> text, IOptions<TradehallOptions> site)
{
    public const string PreferencesPath = "/settings/notifications";

    /// <summary>An absolute address for a site-relative link.</summary>
    public string Url(string link) => site.Value.PublicUrl.TrimEnd('/') + link;

    /// <summary>One notification by email and/or SMS, as the member's preferences allow.</summary>
    public void Immediate(IOutbox outbox, Recipient r, Notification n, bool email, bool sms)
    {
        using var _ = CultureScope.Use(r.Culture);
        var headline = texts.Headline(n);
        var body = texts.Body(n);
        if (email && r.Email is { } to)
        {
            Email(outbox, r, to, headline, [n.Notice is null ? headline : null, body, Url(n.Link)]);
        }
        if (sms && r.PhoneConfirmed && r.Phone is { } phone)
        {
            // A notice's body says it all; an SMS is kept to it and the link.
            var words = n.Notice is null ? [headline + ".", body] : new[] { body };
            outbox.Sms(r.Id, phone, string.Join(" ", words.Append(Url(n.Link)).Where(p => !string.IsNullOrEmpty(p))));
        }
    }

    /// <summary>Queues an email; call it inside the recipient's <see cref="CultureScope"/>.</summary>
    public void Email(IOutbox outbox, Recipient r, string to, string subject, IEnumerable<string?> paragraphs)
    {
        var body = string.Join("\n\n", new[] { text["Hello {0},", r.FirstName].Value }
            .Concat(paragraphs.Where(p => !string.IsNullOrEmpty(p)).Select(p => p!))
            .Append(text["To choose which notifications reach you, open {0}", Url(PreferencesPath)])
            .Append(site.Value.OperatorName));
        outbox.Email(r.Id, to, subject, body);
    }
}
