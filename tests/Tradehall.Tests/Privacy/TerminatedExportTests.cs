using Tradehall.Tests.Billing;
using static Tradehall.Tests.Billing.CreditSteps;
using static Tradehall.Tests.Privacy.ExportSteps;

namespace Tradehall.Tests.Privacy;

/// <summary>BIL-12, PRV-03: a subscriber whose contract ended for debt still takes all their data with them.</summary>
public sealed class TerminatedExportTests
{
    [Fact]
    public async Task BIL12_PRV03_a_subscriber_terminated_for_debt_still_exports_their_data_with_the_debt_and_its_invoice()
    {
        using var app = new CreditApp(new DateOnly(2026, 3, 2));
        var s = await Subscribers.CreateAsync(app, 0m);
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, s.Number, 5000m)).StatusCode);
        using var client = app.Api(s.Member.Token);
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);
        Assert.Equal(1, (await RunAsync(app, new DateOnly(2026, 9, 3))).Debts!.Terminated);
        Assert.Equal("terminated", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());

        var id = await RequestAsync(client);
        var export = await ReadyAsync(app, client, s.Member.Email, id);
        var zip = await DownloadAsync(client, export.GetProperty("url").GetString()!);

        var billing = zip.Data.GetProperty("billing");
        Assert.Equal("terminated", billing.GetProperty("account").GetProperty("status").GetString());
        Assert.Contains(billing.GetProperty("ledger").EnumerateArray(), l => l.GetProperty("kind").GetString() == "penalty");
        var invoice = Assert.Single(zip.Data.GetProperty("documents").GetProperty("invoices").EnumerateArray());
        var pdf = zip.Entries[$"files/documents/invoices/{invoice.GetProperty("number").GetString()}.pdf"];
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }
}
