using Tradehall.Core.Accounts;
using System.Globalization;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Tests.Legal;
using static Tradehall.Tests.Billing.BankStatementTests;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-03 (b), BIL-05, NTF-01: a bank payment made as the invoice says is credited, settles the invoice and is announced.</summary>
public sealed class InvoicePaymentTests(BankStatementTests.App app) : IClassFixture<BankStatementTests.App>
{
    /// <summary>A member with a confirmed phone (so billing SMS reach them), their account number and an API client.</summary>
    private async Task<(TestMember Member, string Number, HttpClient Client)> MemberAsync(bool entity = false)
    {
        var member = await Members.RegisterAsync(app);
        var client = app.Api(member.Token);
        var code = await app.Sms.NextCodeAsync(member.Phone);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/account/phone/confirm", new { code })).StatusCode);
        if (entity)
        {
            var saved = await client.PutAsJsonAsync("/api/v1/me/legal", LegalDataApiTests.LegalEntity());
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        return (member, number, client);
    }

    private static async Task<JsonElement> InvoiceAsync(HttpClient client, decimal amount)
    {
        var response = await client.PostAsJsonAsync("/api/v1/billing/invoices", new { amount });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> ListedAsync(HttpClient client, string invoiceNumber) =>
        (await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync()).EnumerateArray().Single(i => i.GetProperty("number").GetString() == invoiceNumber);

    private async Task<JsonElement> ImportAsync(params string[] rows)
    {
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var response = await UploadAsync(operatorClient, Csv(rows));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>A unique amount, so an invoice of the same sum elsewhere in the fixture never competes.</summary>
    private static decimal Amount() => 3000m + Random.Shared.Next(1, 99_999) / 100m;

    private static string Rub(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task BIL03_BIL05_NTF01_a_payment_quoting_only_the_invoice_number_is_credited_the_invoice_shows_paid_and_the_member_is_told_in_the_centre_and_by_sms()
    {
        var (member, _, client) = await MemberAsync();
        var amount = Amount();
        var invoice = await InvoiceAsync(client, amount);
        var invoiceNumber = invoice.GetProperty("number").GetString()!;
        Assert.Equal("unpaid", (await ListedAsync(client, invoiceNumber)).GetProperty("status").GetString());

        var report = await ImportAsync(CsvRow(NewDocumentNumber(), Rub(amount), $"Оплата по счёту № {invoiceNumber}. Без НДС."));

        Assert.Equal(1, report.GetProperty("credited").GetInt32());
        Assert.Equal(0, report.GetProperty("held").GetInt32());
        Assert.Equal(amount, (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal());
        var listed = await ListedAsync(client, invoiceNumber);
        Assert.Equal("paid", listed.GetProperty("status").GetString());
        Assert.Equal(amount, listed.GetProperty("paidAmount").GetDecimal());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("paidAt").ValueKind);

        var centre = await (await client.GetAsync("/api/v1/notifications")).JsonAsync();
        var notice = centre.GetProperty("items").EnumerateArray().First();
        Assert.Equal("Payment received", notice.GetProperty("text").GetString());
        var expected = $"{amount.ToString("N2", CultureInfo.GetCultureInfo("en"))} RUB was credited to your personal account";
        Assert.StartsWith(expected, notice.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        Assert.Contains("by a bank transfer", notice.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(expected, await app.Sms.NextAsync(member.Phone, "was credited"), StringComparison.Ordinal);
        await app.Mail.NextAsync(member.Email, "Payment received");
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL03_the_purpose_printed_on_the_invoice_credits_the_account_without_a_login_and_a_russian_member_reads_the_notice_in_russian()
    {
        var (member, number, client) = await MemberAsync();
        await app.WithDb(async db =>
        {
            (await db.Set<Member>().SingleAsync(m => m.Id == member.Id)).Culture = "ru";
            await db.SaveChangesAsync();
        });
        var amount = Amount();
        var invoiceNumber = (await InvoiceAsync(client, amount)).GetProperty("number").GetString()!;

        var report = await ImportAsync(CsvRow(NewDocumentNumber(), Rub(amount), $"Пополнение лицевого счёта {number}, счёт {invoiceNumber}. Без НДС."));

        Assert.Equal(1, report.GetProperty("credited").GetInt32());
        Assert.Equal("paid", (await ListedAsync(client, invoiceNumber)).GetProperty("status").GetString());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var notice = (await (await client.SendAsync(request)).JsonAsync()).GetProperty("items").EnumerateArray().First();
        Assert.Equal("Платёж зачислен", notice.GetProperty("text").GetString());
        Assert.StartsWith($"На ваш лицевой счёт {number} зачислено {amount.ToString("N2", CultureInfo.GetCultureInfo("ru"))} RUB — банковский перевод.",
            notice.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        await app.Mail.NextAsync(member.Email, "Платёж зачислен");

        // RUN-07: the ledger line is kept as data and read in the reader's language, in English by an English reader.
        async Task<string> LineAsync(string language)
        {
            using var lines = new HttpRequestMessage(HttpMethod.Get, "/api/v1/billing/transactions");
            lines.Headers.AcceptLanguage.ParseAdd(language);
            return (await (await client.SendAsync(lines)).JsonAsync())[0].GetProperty("description").GetString()!;
        }
        Assert.Matches(@"^Банковский платёж № \d+ от 2\sмарта\s2026\sг\.$", await LineAsync("ru"));
        Assert.Matches(@"^Bank payment No\. \d+ of March 2, 2026$", await LineAsync("en"));
    }

    [Fact]
    public async Task BIL03_with_nothing_quoted_the_subscribers_own_inn_paying_an_open_invoice_amount_is_a_match()
    {
        var (_, _, client) = await MemberAsync(entity: true);
        var amount = Amount();
        var invoiceNumber = (await InvoiceAsync(client, amount)).GetProperty("number").GetString()!;

        // Another payer's INN with the same amount proves nothing and waits for the operator.
        var stranger = NewDocumentNumber();
        var held = await ImportAsync(CsvRow(stranger, Rub(amount), "Оплата за услуги", inn: "7812345678"));
        Assert.Equal(1, held.GetProperty("held").GetInt32());
        Assert.Equal("unpaid", (await ListedAsync(client, invoiceNumber)).GetProperty("status").GetString());

        var report = await ImportAsync(CsvRow(NewDocumentNumber(), Rub(amount), "Оплата за услуги", payer: "ПАО Сбербанк", inn: "7707083893"));
        Assert.Equal(1, report.GetProperty("credited").GetInt32());
        Assert.Equal("paid", (await ListedAsync(client, invoiceNumber)).GetProperty("status").GetString());
        Assert.Equal(amount, (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task BIL05_an_invoice_paid_in_two_parts_shows_partly_paid_then_paid_and_a_gateway_payment_of_its_amount_settles_another()
    {
        var (_, number, client) = await MemberAsync();
        var amount = Amount();
        var invoiceNumber = (await InvoiceAsync(client, amount)).GetProperty("number").GetString()!;
        var half = Math.Round(amount / 2, 2);

        await ImportAsync(CsvRow(NewDocumentNumber(), Rub(half), $"Оплата по счёту {invoiceNumber}, часть 1"));
        var part = await ListedAsync(client, invoiceNumber);
        Assert.Equal("partlyPaid", part.GetProperty("status").GetString());
        Assert.Equal(half, part.GetProperty("paidAmount").GetDecimal());
        await ImportAsync(CsvRow(NewDocumentNumber(), Rub(amount - half), $"Оплата по счёту {invoiceNumber}, часть 2"));
        Assert.Equal("paid", (await ListedAsync(client, invoiceNumber)).GetProperty("status").GetString());

        var second = Amount();
        var secondNumber = (await InvoiceAsync(client, second)).GetProperty("number").GetString()!;
        await Subscribers.TopUpAsync(app, number, second);
        Assert.Equal("paid", (await ListedAsync(client, secondNumber)).GetProperty("status").GetString());
        Assert.Equal(amount + second, (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal());
    }
}
