using System.Net;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Notifications;

/// <summary>
/// Email through <see cref="SmtpClient"/>: in development it writes each message as an .eml file
/// under outbox/mail (the client's pickup-directory delivery), in production it talks SMTP.
/// </summary>
public sealed class MailSender(IOptions<NotificationsOptions> options, IOptions<TradehallOptions> site)
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = new MailMessage(new MailAddress(o.MailFrom, site.Value.OperatorName), new MailAddress(message.To))
        {
            Subject = message.Subject ?? "",
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        using var client = new SmtpClient();
        if (o.MailDelivery == "pickup")
        {
            var folder = Path.Combine(site.Value.FullDataPath, "outbox", "mail");
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.SmtpSsl;
            if (!string.IsNullOrEmpty(o.SmtpUser))
            {
                client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
            }
        }
        await client.SendMailAsync(mail, cancellationToken);
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
