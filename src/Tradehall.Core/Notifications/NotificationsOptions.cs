using Tradehall.Core.Notifications.Preferences;

namespace Tradehall.Core.Notifications;

public sealed class NotificationsOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>How often the worker looks for due messages when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary><c>pickup</c> writes .eml files under the data folder (development); <c>smtp</c> sends.</summary>
    [Required, RegularExpression("^(pickup|smtp)$", ErrorMessage = "Notifications:MailDelivery must be 'pickup' or 'smtp'.")]
    public string MailDelivery { get; set; } = "pickup";

    [Required, EmailAddress]
    public string MailFrom { get; set; } = "no-reply@tradehall.local";

    public string SmtpHost { get; set; } = "localhost";

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>TLS to the SMTP server: from the first byte on port 465, by a required STARTTLS on any other port.</summary>
    public bool SmtpSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary><c>file</c> appends JSON lines to outbox/sms.jsonl (development); <c>http</c> posts to the gateway.</summary>
    [Required, RegularExpression("^(file|http)$", ErrorMessage = "Notifications:SmsDelivery must be 'file' or 'http'.")]
    public string SmsDelivery { get; set; } = "file";

    public string? SmsGatewayUrl { get; set; }
    public string? SmsGatewayKey { get; set; }

    /// <summary>NTF-01: which channels a member gets for each type until they choose otherwise.</summary>
    [Required]
    public NotificationDefaults Defaults { get; set; } = new();

    /// <summary>NTF-01: entries per page of the notification centre.</summary>
    [Range(5, 100)]
    public int CentrePageSize { get; set; } = 20;

    /// <summary>NTF-03: an unread chat message is emailed in a digest only after it has waited this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DigestDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>NTF-03: how often the digest job looks for messages that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>NTF-03: excerpts quoted per chat in a digest; the rest are only counted.</summary>
    [Range(1, 20)]
    public int DigestExcerptsPerChat { get; set; } = 3;

    /// <summary>NTF-03: members served per digest round, so one round stays short.</summary>
    [Range(1, 10000)]
    public int DigestBatchSize { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SmsDelivery == "http" && !Uri.TryCreate(SmsGatewayUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Notifications:SmsGatewayUrl must be an absolute URL when Notifications:SmsDelivery is 'http'.", [nameof(SmsGatewayUrl)]);
        }
        if (MailDelivery == "smtp" && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Notifications:SmtpHost is required when Notifications:MailDelivery is 'smtp'.", [nameof(SmtpHost)]);
        }
        if (!Defaults.Message.InApp)
        {
            // Chats read their unread state and digests from these entries.
            yield return new ValidationResult("Notifications:Defaults:Message:InApp must be true: chat messages are always listed in the centre.", [nameof(Defaults)]);
        }
    }
}

/// <summary>NTF-01: the channels a type goes to by default.</summary>
public sealed class ChannelDefaults
{
    public bool InApp { get; set; } = true;
    public bool Email { get; set; }
    public bool Sms { get; set; }

    public bool For(NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => InApp,
        NotificationChannel.Email => Email,
        _ => Sms,
    };
}

/// <summary>
/// NTF-01: defaults per type. Everything about the member's own business reaches them by email;
/// SMS only for billing, where a suspended service is urgent; marketing is opt-in on every channel.
/// </summary>
public sealed class NotificationDefaults
{
    public ChannelDefaults Message { get; set; } = new() { Email = true };
    public ChannelDefaults ContactRequest { get; set; } = new() { Email = true };
    public ChannelDefaults PageComment { get; set; } = new() { Email = true };
    public ChannelDefaults Billing { get; set; } = new() { Email = true, Sms = true };
    public ChannelDefaults ServiceNotice { get; set; } = new() { Email = true };
    public ChannelDefaults Marketing { get; set; } = new() { InApp = false };
    public ChannelDefaults QuoteAnswered { get; set; } = new() { Email = true };
    public ChannelDefaults ListingExpiring { get; set; } = new() { Email = true };
    public ChannelDefaults ListingExpired { get; set; } = new() { Email = true };
    public ChannelDefaults ListingBlocked { get; set; } = new() { Email = true };
    public ChannelDefaults SavedSearch { get; set; } = new() { Email = true };
    public ChannelDefaults OrganizationInvitation { get; set; } = new() { Email = true };
    public ChannelDefaults ContactAccepted { get; set; } = new() { Email = true };

    public ChannelDefaults For(NotificationType type) => type switch
    {
        NotificationType.Message => Message,
        NotificationType.ContactRequest => ContactRequest,
        NotificationType.PageComment => PageComment,
        NotificationType.Billing => Billing,
        NotificationType.ServiceNotice => ServiceNotice,
        NotificationType.QuoteAnswered => QuoteAnswered,
        NotificationType.ListingExpiring => ListingExpiring,
        NotificationType.ListingExpired => ListingExpired,
        NotificationType.ListingBlocked => ListingBlocked,
        NotificationType.SavedSearch => SavedSearch,
        NotificationType.OrganizationInvitation => OrganizationInvitation,
        NotificationType.ContactAccepted => ContactAccepted,
        _ => Marketing,
    };
}
