using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Infrastructure;

namespace Tradehall.Tests.Notifications;

public sealed class OutboxTests
{
    private static TradehallApp SmtpApp(int port) => new()
    {
        Settings =
        {
            ["Notifications:MailDelivery"] = "smtp",
            ["Notifications:SmtpHost"] = "127.0.0.1",
            ["Notifications:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    [Fact]
    public async Task NTF02_confirmation_email_goes_through_a_real_smtp_server()
    {
        using var smtp = new SmtpSink();
        await smtp.StartAsync();
        using var app = SmtpApp(smtp.Port);
        var member = await Members.RegisterAsync(app);
        var (subject, body) = Eml.Parse((await smtp.WaitForMessageAsync(member.Email)).ReplaceLineEndings("\r\n"));
        Assert.Equal("Confirm your email address", subject);
        Assert.Contains("/account/confirm-email?token=", body, StringComparison.Ordinal);
        var sent = await app.WithDb(db => db.Set<OutboxMessage>().SingleAsync(m => m.To == member.Email));
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task NTF02_failed_delivery_is_retried_with_back_off_until_the_server_answers()
    {
        var port = SmtpSink.FreePort();
        using var app = SmtpApp(port);
        var member = await Members.RegisterAsync(app);

        OutboxMessage? failed = null;
        for (var i = 0; i < 100 && failed is null; i++)
        {
            await Task.Delay(100);
            failed = await app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.To == member.Email && m.Attempts > 0));
        }
        Assert.NotNull(failed);
        Assert.Null(failed.SentAt);
        Assert.Equal(failed.CreatedAt + TimeSpan.FromSeconds(30), failed.NextAttemptAt);

        using var smtp = new SmtpSink(port);
        await smtp.StartAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await smtp.WaitForMessageAsync(member.Email);
        var delivered = await app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == failed.Id));
        Assert.NotNull(delivered.SentAt);
    }

    [Fact]
    public async Task NTF02_sms_sink_writes_one_json_line_per_message()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        var text = await app.LastSmsAsync(member.Phone);
        Assert.Contains("Tradehall", text, StringComparison.Ordinal);
        var line = (await File.ReadAllLinesAsync(Path.Combine(app.Database.DataPath, "outbox", "sms.jsonl"))).Single();
        var json = System.Text.Json.JsonDocument.Parse(line).RootElement;
        Assert.Equal(member.Phone, json.GetProperty("to").GetString());
        Assert.True(json.TryGetProperty("sentAt", out _));
    }
}
