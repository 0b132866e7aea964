using Tradehall.Core.Archive;
using Tradehall.Core.Data;
using Tradehall.Core.Documents.Invoices;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Documents;

public sealed class InvoicesApiTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private async Task<(TestMember Member, string Number)> SubscriberAsync()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var account = await (await client.GetAsync("/api/v1/billing/account")).JsonAsync();
        return (member, account.GetProperty("number").GetString()!);
    }

    private static StringContent Amount(string raw) => new($$"""{"amount":{{raw}}}""", System.Text.Encoding.UTF8, "application/json");

    private static long Sequence(string number)
    {
        Assert.Matches(@"^2026-\d{6}$", number);
        return long.Parse(number[5..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<string> PdfTextAsync(byte[] pdf) => PdfText.ReadAsync(pdf);

    [Fact]
    public async Task BIL05_invoice_for_any_amount_is_a_pdf_with_its_number_amount_and_the_operator_details()
    {
        var (member, account) = await SubscriberAsync();
        using var client = app.Api(member.Token);
        var response = await client.PostAsync("/api/v1/billing/invoices", Amount("12345.67"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var invoice = await response.JsonAsync();
        var number = invoice.GetProperty("number").GetString()!;
        Sequence(number);
        Assert.Equal(12345.67m, invoice.GetProperty("amount").GetDecimal());
        var id = invoice.GetProperty("id").GetGuid();
        var pdfUrl = invoice.GetProperty("pdfUrl").GetString()!;
        Assert.Equal($"/api/v1/billing/invoices/{id}/pdf", pdfUrl);

        var pdf = await client.GetAsync(pdfUrl);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"invoice-{number}.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));

        var text = await PdfTextAsync(bytes);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("12 345,67", text, StringComparison.Ordinal);
        Assert.Contains("Счёт на оплату", text, StringComparison.Ordinal);
        Assert.Contains($"Top-up of personal account {account}", text, StringComparison.Ordinal);
        Assert.Contains($"Top-up of personal account {account}, invoice {number}. No VAT.", text, StringComparison.Ordinal);
        Assert.Contains("Tradehall Demo Operator LLC", text, StringComparison.Ordinal);
        Assert.Contains("044500000", text, StringComparison.Ordinal);
        Assert.Contains("07.03.2026", text, StringComparison.Ordinal); // due in 5 days from 2 March
        Assert.Contains("Двенадцать тысяч триста сорок пять рублей 67 копеек", text, StringComparison.Ordinal);

        var list = await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync();
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(number, listed.GetProperty("number").GetString());
        Assert.Equal(pdfUrl, listed.GetProperty("pdfUrl").GetString());

        var archived = await app.WithDb(db => db.Set<ArchiveRecord>().AsNoTracking().CountAsync(r => r.Action == "documents.invoice_issued" && r.Subject == $"invoice:{number}"));
        Assert.Equal(1, archived);
    }

    [Fact]
    public async Task DOC02_an_organisations_invoice_names_its_inn_kpp_and_address_as_the_payer()
    {
        var (member, _) = await SubscriberAsync();
        using var client = app.Api(member.Token);
        var saved = await client.PutAsJsonAsync("/api/v1/me/legal", Legal.LegalDataApiTests.LegalEntity());
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var invoice = await (await client.PostAsync("/api/v1/billing/invoices", Amount("1500.50"))).JsonAsync();
        var text = await PdfTextAsync(await client.GetByteArrayAsync(invoice.GetProperty("pdfUrl").GetString()));
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ПАО Сбербанк, ИНН / INN 7707083893, КПП / KPP 773601001, 117312, Москва, ул. Вавилова, д. 19", flat, StringComparison.Ordinal);
        Assert.Contains("Одна тысяча пятьсот рублей 50 копеек", flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Ноль рублей 00 копеек")]
    [InlineData(100, "Один рубль 00 копеек")]
    [InlineData(201, "Два рубля 01 копейка")]
    [InlineData(1_102, "Одиннадцать рублей 02 копейки")]
    [InlineData(2_111, "Двадцать один рубль 11 копеек")]
    [InlineData(100_000, "Одна тысяча рублей 00 копеек")]
    [InlineData(200_000, "Две тысячи рублей 00 копеек")]
    [InlineData(1_400_000, "Четырнадцать тысяч рублей 00 копеек")]
    [InlineData(52_100_000, "Пятьсот двадцать одна тысяча рублей 00 копеек")]
    [InlineData(100_000_000, "Один миллион рублей 00 копеек")]
    [InlineData(300_200_000_025, "Три миллиарда два миллиона рублей 25 копеек")]
    public void DOC02_the_total_in_words_takes_the_forms_its_numbers_govern(long kopecks, string words) =>
        Assert.Equal(words, Tradehall.Core.Documents.AmountInWords.Roubles(kopecks));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.123")]
    [InlineData("null")]
    [InlineData("100000000")]
    public async Task BIL05_bad_amount_is_refused_naming_the_field(string amount)
    {
        var (member, _) = await SubscriberAsync();
        using var client = app.Api(member.Token);
        var response = await client.PostAsync("/api/v1/billing/invoices", Amount(amount));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _), problem.ToString());
        var list = await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync();
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task BIL05_only_the_owner_may_fetch_an_invoice()
    {
        var (owner, _) = await SubscriberAsync();
        var (other, _) = await SubscriberAsync();
        using var ownerClient = app.Api(owner.Token);
        var invoice = await (await ownerClient.PostAsync("/api/v1/billing/invoices", Amount("100"))).JsonAsync();
        var pdfUrl = invoice.GetProperty("pdfUrl").GetString()!;
        using var otherClient = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(pdfUrl)).StatusCode);
        Assert.Equal(0, (await (await otherClient.GetAsync("/api/v1/billing/invoices")).JsonAsync()).GetArrayLength());
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(pdfUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync(pdfUrl)).StatusCode);
    }

    [Fact]
    public async Task BIL05_invoice_numbers_are_sequential_without_gaps_under_parallel_requests()
    {
        var members = new List<TestMember>();
        for (var i = 0; i < 4; i++)
        {
            members.Add((await SubscriberAsync()).Member);
        }
        var before = await app.WithDb(db => db.Set<Invoice>().AsNoTracking().CountAsync());
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var client = app.Api(members[i % members.Count].Token);
            return await client.PostAsync("/api/v1/billing/invoices", Amount((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<long>();
        foreach (var response in responses)
        {
            numbers.Add(Sequence((await response.JsonAsync()).GetProperty("number").GetString()!));
        }
        numbers.Sort();
        // Every number of the year so far is taken exactly once: 1..N with no gap and no repeat.
        Assert.Equal(Enumerable.Range(before + 1, 20).Select(n => (long)n), numbers);
        var all = await app.WithDb(db => db.Set<Invoice>().AsNoTracking().Select(i => i.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, before + 20).Select(n => (long)n), all.Select(Sequence).Order());
    }

    [Fact]
    public async Task BIL05_a_rolled_back_invoice_does_not_burn_its_number()
    {
        var (member, _) = await SubscriberAsync();
        string burned;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            burned = (await scope.ServiceProvider.GetRequiredService<InvoiceService>().IssueAsync(member.Id, new InvoiceRequest(50m), CancellationToken.None)).Number;
            await transaction.RollbackAsync();
        }
        using var client = app.Api(member.Token);
        var next = await (await client.PostAsync("/api/v1/billing/invoices", Amount("50"))).JsonAsync();
        Assert.Equal(burned, next.GetProperty("number").GetString());
    }

    [Fact]
    public async Task BIL05_a_replayed_idempotency_key_answers_the_same_invoice()
    {
        var (member, _) = await SubscriberAsync();
        using var client = app.Api(member.Token);
        var key = Guid.NewGuid().ToString("N");
        async Task<JsonElement> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/invoices") { Content = JsonContent.Create(new { amount = 75.5m }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.JsonAsync();
        }
        var first = await PostAsync();
        var second = await PostAsync();
        Assert.Equal(first.GetProperty("number").GetString(), second.GetProperty("number").GetString());
        Assert.Equal(1, (await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync()).GetArrayLength());
    }
}
