using Tradehall.Core.Archive;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Tests.Billing;

/// <summary>DOC-03, BIL-18: re-issued copies of past documents, the fee charged once per set, and the operator's free re-issue.</summary>
public sealed class ReissueFeeTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private async Task<(TestSubscriber Subscriber, HttpClient Client, Guid[] Invoices)> SubscriberWithInvoicesAsync(decimal balance, int invoices = 2)
    {
        var s = await Subscribers.CreateAsync(app, balance);
        var client = app.Api(s.Member.Token);
        var ids = new List<Guid>();
        for (var i = 0; i < invoices; i++)
        {
            var issued = await client.PostAsJsonAsync("/api/v1/billing/invoices", new { amount = 1000 + i });
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            ids.Add((await issued.JsonAsync()).GetProperty("id").GetGuid());
        }
        return (s, client, [.. ids]);
    }

    private static async Task<HttpResponseMessage> ReissueAsync(HttpClient client, object documentIds, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/documents/reissue") { Content = JsonContent.Create(new { documentIds }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private Task<int> FeesAsync(Guid memberId) =>
        app.WithDb(db => db.Set<LedgerTransaction>().CountAsync(t => t.Kind == "fee.reissue" && t.ActorId == memberId));

    private static void AssertField(JsonElement problem, string field) => Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());

    [Fact]
    public async Task DOC03_BIL18_a_set_is_re_issued_as_marked_copies_for_200_once_and_a_replayed_key_charges_nothing_more()
    {
        var (s, client, invoices) = await SubscriberWithInvoicesAsync(1000m);
        var key = Guid.NewGuid().ToString();
        var first = await ReissueAsync(client, invoices, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        var set = JsonDocument.Parse(body).RootElement;
        Assert.Equal(200m, set.GetProperty("fee").GetDecimal());
        var copies = set.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(invoices, copies.Select(c => c.GetProperty("originalId").GetGuid()));
        Assert.All(copies, c => Assert.Equal("invoice", c.GetProperty("kind").GetString()));
        Assert.Equal(800m, await Subscribers.BalanceAsync(client));

        var replay = await ReissueAsync(client, invoices, key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(body, await replay.Content.ReadAsStringAsync());
        Assert.Equal(800m, await Subscribers.BalanceAsync(client));
        Assert.Equal(1, await FeesAsync(s.Member.Id));

        var pdf = await client.GetAsync(copies[0].GetProperty("pdfUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await PdfText.ReadAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("RE-ISSUED COPY", text, StringComparison.Ordinal);
        Assert.Contains(copies[0].GetProperty("number").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("Счёт на оплату", text, StringComparison.Ordinal);
        var line = (await (await client.GetAsync("/api/v1/billing/transactions")).JsonAsync()).EnumerateArray().First();
        Assert.Equal("fee.reissue", line.GetProperty("kind").GetString());
        Assert.Equal(-200m, line.GetProperty("amount").GetDecimal());
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task DOC03_unknown_or_foreign_ids_are_refused_naming_documentIds_and_a_short_balance_is_the_usual_402_with_nothing_charged()
    {
        var (_, client, invoices) = await SubscriberWithInvoicesAsync(1000m, invoices: 1);
        var (_, strangerClient, foreign) = await SubscriberWithInvoicesAsync(0m, invoices: 1);
        using var _ = strangerClient;
        foreach (object ids in new object[] { new[] { Guid.NewGuid() }, new[] { invoices[0], foreign[0] }, Array.Empty<Guid>() })
        {
            var refused = await ReissueAsync(client, ids);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            AssertField(await refused.JsonAsync(), "documentIds");
        }
        Assert.Equal(1000m, await Subscribers.BalanceAsync(client));

        var (poor, poorClient, own) = await SubscriberWithInvoicesAsync(150m, invoices: 1);
        using var __ = poorClient;
        var short402 = await ReissueAsync(poorClient, own);
        Assert.Equal(HttpStatusCode.PaymentRequired, short402.StatusCode);
        Assert.Equal("billing.insufficient_balance", (await short402.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(150m, await Subscribers.BalanceAsync(poorClient));
        Assert.Empty((await (await poorClient.GetAsync("/api/v1/billing/documents/copies")).JsonAsync()).EnumerateArray());
        Assert.Equal(0, await FeesAsync(poor.Member.Id));
    }

    [Fact]
    public async Task BIL18_two_racing_calls_with_one_key_re_issue_one_set_and_charge_200_once()
    {
        var (s, client, invoices) = await SubscriberWithInvoicesAsync(1000m);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ReissueAsync(client, invoices, key)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Equal(800m, await Subscribers.BalanceAsync(client));
        Assert.Equal(1, await FeesAsync(s.Member.Id));
        Assert.Equal(2, (await (await client.GetAsync("/api/v1/billing/documents/copies")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task DOC03_the_operator_re_issues_free_of_charge_when_at_fault_with_the_reason_archived()
    {
        var (_, client, invoices) = await SubscriberWithInvoicesAsync(100m, invoices: 1);
        using var console = app.Api(await Operators.TokenAsync(app));
        var noReason = await console.PostAsJsonAsync("/api/v1/operator/documents/reissue", new { documentIds = invoices, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        AssertField(await noReason.JsonAsync(), "reason");

        var free = await console.PostAsJsonAsync("/api/v1/operator/documents/reissue", new { documentIds = invoices, reason = "Our invoice named the wrong bank." });
        Assert.Equal(HttpStatusCode.Created, free.StatusCode);
        var set = await free.JsonAsync();
        Assert.Equal(0m, set.GetProperty("fee").GetDecimal());
        Assert.Equal(100m, await Subscribers.BalanceAsync(client));
        var copy = Assert.Single((await (await client.GetAsync("/api/v1/billing/documents/copies")).JsonAsync()).EnumerateArray());
        Assert.Equal(invoices[0], copy.GetProperty("originalId").GetGuid());
        var id = set.GetProperty("id").GetGuid();
        var record = await app.WithDb(db => db.Set<ArchiveRecord>().SingleAsync(r => r.Subject == $"reissue:{id}"));
        Assert.Contains("Our invoice named the wrong bank.", record.After!, StringComparison.Ordinal);
    }
}
