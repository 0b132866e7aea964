using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Infrastructure;

namespace Tradehall.Tests.Notifications;

public sealed class OutboxTests
{
    /// <summary>
    /// A host with the development sinks, whose outbox the test delivers itself: what the sinks wrote is complete when
    /// <see cref="DeliverAsync"/> returns. For the tests of those sinks; every other test reads mail and SMS from the
    /// servers in the test.
    /// </summary>
    private sealed class DeliveredByHandApp : TradehallApp
    {
        public DeliveredByHandApp()
        {
            Settings["Notifications:MailDelivery"] = "pickup";
            Settings["Notifications:SmsDelivery"] = "file";
        }

        /// <summary>Stops the outbox worker: messages wait in the outbox until <see cref="DeliverAsync"/>.</summary>
        public Task HoldDeliveryAsync() => Services.GetRequiredService<OutboxWorker>().StopAsync(CancellationToken.None);

        public async Task DeliverAsync()
        {
            while (await Services.GetRequiredService<OutboxWorker>().DeliverDueAsync(CancellationToken.None) > 0)
            {
            }
        }
    }

    [Fact]
    public async Task NTF02_confirmation_email_goes_through_a_real_smtp_server()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        var mail = await app.Mail.NextAsync(member.Email, "Confirm your email address");
        Assert.Contains("/account/confirm-email?token=", mail.Body, StringComparison.Ordinal);
        Assert.Equal("no-reply@tradehall.local", Assert.Single(mail.Message.From.Mailboxes).Address);
        var sent = await app.WithDb(db => db.Set<OutboxMessage>().SingleAsync(m => m.To == member.Email));
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task NTF02_failed_delivery_is_retried_with_back_off_until_the_server_answers()
    {
        using var app = new TradehallApp();
        app.Mail.Refusing = true;
        var member = await Members.RegisterAsync(app);

        await app.Logs.NextAsync(e => e.Level == LogLevel.Warning && e.Message.Contains("by Email failed on attempt 1", StringComparison.Ordinal),
            "about the first failed email");
        var failed = await app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.To == member.Email));
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.Equal(failed.CreatedAt + TimeSpan.FromSeconds(30), failed.NextAttemptAt);

        app.Mail.Refusing = false;
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await app.Mail.NextAsync(member.Email, "Confirm your email address");
        var delivered = await app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == failed.Id));
        Assert.NotNull(delivered.SentAt);
    }

    [Fact]
    public async Task NTF02_sms_go_to_the_operators_gateway_over_http()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        Assert.Contains("Tradehall", await app.Sms.NextAsync(member.Phone), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NTF02_in_development_mail_is_written_as_eml_files_and_sms_as_json_lines()
    {
        using var app = new DeliveredByHandApp();
        await app.HoldDeliveryAsync();
        var member = await Members.RegisterAsync(app);
        await app.DeliverAsync();

        var eml = Assert.Single(Directory.GetFiles(Path.Combine(app.Database.DataPath, "outbox", "mail"), "*.eml"));
        var mail = await MimeMessage.LoadAsync(eml);
        Assert.Equal(member.Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("Confirm your email address", mail.Subject);
        Assert.Contains("/account/confirm-email?token=", mail.TextBody, StringComparison.Ordinal);

        var line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(app.Database.DataPath, "outbox", "sms.jsonl")));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal(member.Phone, json.GetProperty("to").GetString());
        Assert.Contains("Tradehall", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(json.TryGetProperty("sentAt", out _));
    }
}
