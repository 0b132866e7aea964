using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Tradehall.Core.Notifications;

namespace Tradehall.Tests.Notifications;

public sealed class OutboxTests
{
    /// <summary>
    /// A host whose outbox the test delivers itself, one batch when it says: after <see cref="DeliverAsync"/> the
    /// messages' delivery is recorded, not merely received at the other end.
    /// </summary>
    private sealed class HeldOutboxApp : TradehallApp
    {
        /// <summary>
        /// The test stops the worker on purpose, possibly before its first round began (it then ends canceled): the host
        /// must not take that for a crashed service and stop itself.
        /// </summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore));
        }

        /// <summary>Stops the outbox worker: messages wait in the outbox until <see cref="DeliverAsync"/>.</summary>
        public Task HoldDeliveryAsync() => Services.GetRequiredService<OutboxWorker>().StopAsync(CancellationToken.None);

        /// <summary>Delivers what is due now; returns how many messages were attempted.</summary>
        public Task<int> DeliverAsync() => Services.GetRequiredService<OutboxWorker>().DeliverDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NTF02_confirmation_email_goes_through_a_real_smtp_server()
    {
        using var app = new HeldOutboxApp();
        await app.HoldDeliveryAsync();
        var member = await Members.RegisterAsync(app);
        Assert.Equal(2, await app.DeliverAsync());
        var mail = await app.Mail.NextAsync(member.Email, "Confirm your email address");
        Assert.Contains("/account/confirm-email?token=", mail.Body, StringComparison.Ordinal);
        Assert.Equal("no-reply@tradehall.local", Assert.Single(mail.Message.From.Mailboxes).Address);
        var sent = await app.WithDb(db => db.Set<OutboxMessage>().SingleAsync(m => m.To == member.Email));
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task NTF02_failed_delivery_is_retried_with_back_off_until_the_server_answers()
    {
        using var app = new HeldOutboxApp();
        await app.HoldDeliveryAsync();
        app.Mail.Refusing = true;
        var member = await Members.RegisterAsync(app);
        Task<OutboxMessage> EmailAsync() => app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.To == member.Email));

        await app.DeliverAsync();
        var failed = await EmailAsync();
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.Equal(failed.CreatedAt + TimeSpan.FromSeconds(30), failed.NextAttemptAt);

        // The server answers again, but the message waits out its back-off.
        app.Mail.Refusing = false;
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await app.DeliverAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.DeliverAsync());
        await app.Mail.NextAsync(member.Email, "Confirm your email address");
        Assert.NotNull((await EmailAsync()).SentAt);
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
        using var app = new HeldOutboxApp { Settings = { ["Notifications:MailDelivery"] = "pickup", ["Notifications:SmsDelivery"] = "file" } };
        await app.HoldDeliveryAsync();
        var member = await Members.RegisterAsync(app);
        Assert.Equal(2, await app.DeliverAsync());

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
