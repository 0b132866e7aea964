using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Tradehall.Core.Notifications;

/// <summary>
/// Email through MailKit: in development each message is written as an .eml file under outbox/mail for people to open;
/// in production it goes to the SMTP server of the options.
/// </summary>
public sealed class MailSender(IOptions<NotificationsOptions> options, IOptions<TradehallOptions> site, TimeProvider time)
{
    /// <summary>The submission port whose connection is TLS from the first byte (RFC 8314); other ports upgrade by STARTTLS.</summary>
    private const int ImplicitTlsPort = 465;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = new MimeMessage
        {
            Subject = message.Subject ?? "",
            Date = time.GetUtcNow(),
            Body = new TextPart(TextFormat.Plain) { Text = message.Body },
        };
        mail.From.Add(new MailboxAddress(site.Value.OperatorName, o.MailFrom));
        mail.To.Add(MailboxAddress.Parse(message.To));
        if (o.MailDelivery == "pickup")
        {
            await WriteToPickupAsync(mail, cancellationToken);
            return;
        }
        using var client = new SmtpClient();
        var security = !o.SmtpSsl ? SecureSocketOptions.None
            : o.SmtpPort == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>One file per message, written aside and then renamed, so a reader of the folder never sees half a message.</summary>
    private async Task WriteToPickupAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(site.Value.FullDataPath, "outbox", "mail");
        Directory.CreateDirectory(folder);
        var name = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        await mail.WriteToAsync(name + ".tmp", cancellationToken);
        File.Move(name + ".tmp", name + ".eml");
    }
}

/// <summary>
/// SMS: in development one JSON line per message in outbox/sms.jsonl; in production a POST of
/// <c>{to, text}</c> to the operator's HTTP gateway.
/// </summary>
public sealed class SmsSender(IOptions<NotificationsOptions> options, IOptions<TradehallOptions> site, TimeProvider time, IHttpClientFactory httpClients)
{
    private static readonly SemaphoreSlim FileLock = new(1, 1);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.SmsDelivery == "file")
        {
            var folder = Path.Combine(site.Value.FullDataPath, "outbox");
            Directory.CreateDirectory(folder);
            var line = JsonSerializer.Serialize(new { to = message.To, text = message.Body, sentAt = time.GetUtcNow() }) + "\n";
            await FileLock.WaitAsync(cancellationToken);
            try
            {
                await File.AppendAllTextAsync(Path.Combine(folder, "sms.jsonl"), line, cancellationToken);
            }
            finally
            {
                FileLock.Release();
            }
            return;
        }
        var client = httpClients.CreateClient(nameof(SmsSender));
        using var request = new HttpRequestMessage(HttpMethod.Post, o.SmsGatewayUrl)
        {
            Content = JsonContent.Create(new { to = message.To, text = message.Body }),
        };
        if (!string.IsNullOrEmpty(o.SmsGatewayKey))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", o.SmsGatewayKey);
        }
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
