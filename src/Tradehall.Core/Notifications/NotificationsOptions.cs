using System.ComponentModel.DataAnnotations;

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

    public bool SmtpSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary><c>file</c> appends JSON lines to outbox/sms.jsonl (development); <c>http</c> posts to the gateway.</summary>
    [Required, RegularExpression("^(file|http)$", ErrorMessage = "Notifications:SmsDelivery must be 'file' or 'http'.")]
    public string SmsDelivery { get; set; } = "file";

    public string? SmsGatewayUrl { get; set; }
    public string? SmsGatewayKey { get; set; }

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
    }
}
