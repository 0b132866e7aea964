using System.Globalization;
using System.Text;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-03 (b): bank statements in CSV and 1C ClientBankExchange, matched by the account number (a login, if given, must agree); the rest held in suspense.</summary>
public sealed class BankStatementTests(BankStatementTests.App app) : IClassFixture<BankStatementTests.App>
{
    public const string OperatorAccount = "40702810900000012345";
    private const string CsvHeader = "date;number;amount;payer_name;payer_inn;payer_account;purpose";
    private static int documents;

    public sealed class App : TradehallApp
    {
        public App()
        {
            Settings["Billing:BankImport:SettlementAccount"] = OperatorAccount;
            Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
        }
    }

    public static string NewDocumentNumber() => (Interlocked.Increment(ref documents) * 1000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture);

    public static string Purpose(string number, string login) => $"Пополнение лицевого счёта {number}, логин {login}. Без НДС.";

    public static string CsvRow(string document, string amount, string purpose, string payer = "ООО \"Лесоторг\"", string inn = "7701234567",
        string account = "40702810100000000001", string date = "2026-03-02") =>
        $"{date};{document};{amount};\"{payer.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{inn};{account};\"{purpose.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(CsvHeader + "\r\n" + string.Join("\r\n", rows) + "\r\n");

    public static string OneCDocument(string document, string amount, string purpose, string payer = "ООО «Лесоторг»", string inn = "7701234567",
        string account = "40702810100000000001", string recipient = OperatorAccount, string date = "02.03.2026") => $"""
        СекцияДокумент=Платежное поручение
        Номер={document}
        Дата={date}
        Сумма={amount}
        ПлательщикСчет={account}
        Плательщик=ИНН {inn} {payer}
        ПлательщикИНН={inn}
        Плательщик1={payer}
        ПолучательСчет={recipient}
        Получатель=ИНН 7709876543 ООО Трейдхолл
        ПолучательИНН=7709876543
        НазначениеПлатежа={purpose}
        КонецДокумента
        """;

    public static string OneC(params string[] sections) => $"""
        1CClientBankExchange
        ВерсияФормата=1.03
        Кодировка=Windows
        Отправитель=Бухгалтерия предприятия
        ДатаСоздания=03.03.2026
        ДатаНачала=02.03.2026
        ДатаКонца=02.03.2026
        РасчСчет={OperatorAccount}
        СекцияРасчСчет
        РасчСчет={OperatorAccount}
        КонецРасчСчет
        {string.Join("\n", sections)}
        КонецФайла
        """;

    private async Task<(TestMember Member, string Number)> SubscriberAsync()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var account = await (await client.GetAsync("/api/v1/billing/account")).JsonAsync();
        return (member, account.GetProperty("number").GetString()!);
    }

    private async Task<JsonElement> AccountAsync(TestMember member)
    {
        using var client = app.Api(member.Token);
        return await (await client.GetAsync("/api/v1/billing/account")).JsonAsync();
    }

    private async Task<decimal> BalanceAsync(TestMember member) => (await AccountAsync(member)).GetProperty("balance").GetDecimal();

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "statement.csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/operator/bank-statements", form);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient operatorClient, byte[] content, string fileName = "statement.csv")
    {
        var response = await UploadAsync(operatorClient, content, fileName);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> SuspenseAsync(HttpClient operatorClient) =>
        await (await operatorClient.GetAsync("/api/v1/operator/suspense")).JsonAsync();

    private static async Task<JsonElement> HeldAsync(HttpClient operatorClient, string document) =>
        (await SuspenseAsync(operatorClient)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == document);

    private static async Task<HttpResponseMessage> ResolveAsync(HttpClient operatorClient, string id, string action, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/suspense/{id}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await operatorClient.SendAsync(request);
    }

    /// <summary>A well-formed account number (one check digit of ten fits) that no member holds.</summary>
    private static string UnknownAccountNumber()
    {
        var body = Random.Shared.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(d => body + d.ToString(CultureInfo.InvariantCulture)).First(BillingAccounts.IsValidNumber);
    }

    private async Task LedgerBalancesAsync() => Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));

    [Fact]
    public async Task BIL03_csv_statement_credits_matched_payments_once_and_a_reimport_credits_nothing()
    {
        var (first, firstNumber) = await SubscriberAsync();
        var (second, secondNumber) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));

        var semicolons = Csv(CsvRow(NewDocumentNumber(), "1500.50", Purpose(firstNumber, first.Email)));
        var report = await ImportAsync(operatorClient, semicolons);
        Assert.Equal("csv", report.GetProperty("format").GetString());
        Assert.Equal(1, report.GetProperty("credited").GetInt32());
        Assert.Equal(0, report.GetProperty("held").GetInt32());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());

        // Comma-separated, with a quoted purpose holding commas and an amount with a decimal comma and a thousands space.
        var commas = Encoding.UTF8.GetBytes(
            "date,number,amount,payer_name,payer_inn,payer_account,purpose\n" +
            $"02.03.2026,{NewDocumentNumber()},\"2 000,25\",\"ИП Смирнов, А. В.\",500100732259,40802810000000000002,\"Оплата по счёту, {Purpose(secondNumber, second.Email)}\"\n");
        Assert.Equal(1, (await ImportAsync(operatorClient, commas)).GetProperty("credited").GetInt32());

        for (var i = 0; i < 2; i++)
        {
            var again = await ImportAsync(operatorClient, semicolons);
            Assert.Equal(0, again.GetProperty("credited").GetInt32());
            Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        }
        Assert.Equal(1, (await ImportAsync(operatorClient, commas)).GetProperty("duplicates").GetInt32());

        Assert.Equal(1500.50m, await BalanceAsync(first));
        Assert.Equal(2000.25m, await BalanceAsync(second));
        // BIL-04: the first top-up accepts the offer.
        Assert.Equal("TH-" + firstNumber, (await AccountAsync(first)).GetProperty("contractNumber").GetString());
        using var client = app.Api(first.Token);
        var lines = await (await client.GetAsync("/api/v1/billing/transactions")).JsonAsync();
        Assert.Equal("topup.bank", Assert.Single(lines.EnumerateArray()).GetProperty("kind").GetString());
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_1c_statement_credits_payments_to_the_operator_once_and_a_reimport_credits_nothing()
    {
        var (first, firstNumber) = await SubscriberAsync();
        var (second, secondNumber) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var file = Encoding.UTF8.GetBytes(OneC(
            OneCDocument(NewDocumentNumber(), "1000.00", Purpose(firstNumber, first.Email)),
            OneCDocument(NewDocumentNumber(), "250", Purpose(secondNumber, second.Email)),
            // Paid from the operator's account to someone else: not a top-up.
            OneCDocument(NewDocumentNumber(), "999.00", Purpose(firstNumber, first.Email), recipient: "40702810000000099999")));

        var report = await ImportAsync(operatorClient, file, "kl_to_1c.txt");
        Assert.Equal("1c", report.GetProperty("format").GetString());
        Assert.Equal(2, report.GetProperty("credited").GetInt32());
        Assert.Equal(1, report.GetProperty("notIncoming").GetInt32());
        var again = await ImportAsync(operatorClient, file, "kl_to_1c.txt");
        Assert.Equal(0, again.GetProperty("credited").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());

        Assert.Equal(1000m, await BalanceAsync(first));
        Assert.Equal(250m, await BalanceAsync(second));
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_the_same_statement_uploaded_in_parallel_credits_once()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var file = Csv(CsvRow(NewDocumentNumber(), "333.33", Purpose(number, member.Email)), CsvRow(NewDocumentNumber(), "10.00", "Без назначения"));
        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ImportAsync(operatorClient, file)));
        Assert.Equal(1, reports.Sum(r => r.GetProperty("credited").GetInt32()));
        Assert.Equal(1, reports.Sum(r => r.GetProperty("held").GetInt32()));
        Assert.Equal(6, reports.Sum(r => r.GetProperty("duplicates").GetInt32()));
        Assert.Equal(333.33m, await BalanceAsync(member));
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_windows_1251_1c_file_is_read_with_its_cyrillic_intact()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var unmatched = NewDocumentNumber();
        var text = OneC(
            OneCDocument(NewDocumentNumber(), "700.00", Purpose(number, member.Email), payer: "ООО «Северный лес»"),
            OneCDocument(unmatched, "300.00", "Оплата за пиломатериалы без указания счёта", payer: "ООО «Северный лес»"));
        var file = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));

        var report = await ImportAsync(operatorClient, file, "kl_to_1c.txt");
        Assert.Equal(1, report.GetProperty("credited").GetInt32());
        Assert.Equal(1, report.GetProperty("held").GetInt32());
        Assert.Equal(700m, await BalanceAsync(member));
        var held = await HeldAsync(operatorClient, unmatched);
        Assert.Equal("ООО «Северный лес»", held.GetProperty("payerName").GetString());
        Assert.Equal("Оплата за пиломатериалы без указания счёта", held.GetProperty("purpose").GetString());
        Assert.Equal("noAccountNumber", held.GetProperty("reason").GetString());
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_a_third_party_may_pay_when_the_purpose_names_the_account_and_its_login()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var file = Csv(CsvRow(NewDocumentNumber(), "4200.00", $"За ООО Лесоторг: {Purpose(number, member.Email.ToUpperInvariant())}",
            payer: "АО \"Сторонний плательщик\"", inn: "7812345678", account: "40702810500000000077"));
        Assert.Equal(1, (await ImportAsync(operatorClient, file)).GetProperty("credited").GetInt32());
        Assert.Equal(4200m, await BalanceAsync(member));
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_the_account_number_alone_is_enough_and_its_check_digit_keeps_a_typo_from_crediting_a_stranger()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        // One digit mistyped: the check digit no longer fits, so no account is named.
        var typo = (number[0] == '9' ? "1" : ((char)(number[0] + 1)).ToString()) + number[1..];
        var mistyped = NewDocumentNumber();
        var report = await ImportAsync(operatorClient, Csv(
            CsvRow(NewDocumentNumber(), "400.00", $"Пополнение лицевого счёта {number}"),
            CsvRow(mistyped, "500.00", $"Пополнение лицевого счёта {typo}")));
        Assert.Equal(1, report.GetProperty("credited").GetInt32());
        Assert.Equal(400m, await BalanceAsync(member));
        Assert.Equal("noAccountNumber", (await HeldAsync(operatorClient, mistyped)).GetProperty("reason").GetString());
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_unmatched_payments_are_held_in_suspense_and_credit_nobody()
    {
        var (first, firstNumber) = await SubscriberAsync();
        var (second, _) = await SubscriberAsync();
        var (closed, closedNumber) = await SubscriberAsync();
        await app.WithDb(async db =>
        {
            (await db.Set<BillingAccount>().SingleAsync(a => a.Number == closedNumber)).Status = AccountStatus.Terminated;
            await db.SaveChangesAsync();
        });
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var before = (await SuspenseAsync(operatorClient)).GetProperty("balance").GetDecimal();
        var terminated = NewDocumentNumber();
        var noNumber = NewDocumentNumber();
        var unknown = NewDocumentNumber();
        var otherLogin = NewDocumentNumber();
        var dollars = NewDocumentNumber();
        var file = Encoding.UTF8.GetBytes(
            CsvHeader + ";currency\n" +
            CsvRow(noNumber, "100.00", $"Оплата, логин {first.Email}") + ";\n" +
            CsvRow(unknown, "200.00", Purpose(UnknownAccountNumber(), first.Email)) + ";\n" +
            CsvRow(otherLogin, "300.00", Purpose(firstNumber, second.Email)) + ";\n" +
            CsvRow(dollars, "500.00", Purpose(firstNumber, first.Email)) + ";USD\n" +
            CsvRow(terminated, "600.00", Purpose(closedNumber, closed.Email)) + ";\n");

        var report = await ImportAsync(operatorClient, file);
        Assert.Equal(0, report.GetProperty("credited").GetInt32());
        Assert.Equal(5, report.GetProperty("held").GetInt32());
        Assert.Equal(0m, await BalanceAsync(first));
        Assert.Equal(0m, await BalanceAsync(second));
        Assert.Equal(JsonValueKind.Null, (await AccountAsync(first)).GetProperty("contractNumber").ValueKind);

        var queue = await SuspenseAsync(operatorClient);
        var reasons = queue.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("number").GetString()!, i => i.GetProperty("reason").GetString());
        Assert.Equal("noAccountNumber", reasons[noNumber]);
        Assert.Equal("unknownAccount", reasons[unknown]);
        Assert.Equal("loginMismatch", reasons[otherLogin]);
        Assert.Equal("currency", reasons[dollars]);
        Assert.Equal("terminated", reasons[terminated]);
        Assert.Equal(0m, await BalanceAsync(closed));
        // The ledger holds the operator currency only: the dollars wait in the queue without a posting.
        Assert.Equal(before + 1200m, queue.GetProperty("balance").GetDecimal());
        Assert.Equal("RUB", queue.GetProperty("currency").GetString());

        // Dollars cannot become rubles on a personal account; they can only go back.
        var dollarsId = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == dollars).GetProperty("id").GetString()!;
        var refused = await ResolveAsync(operatorClient, dollarsId, "assign", new { accountNumber = firstNumber, reason = "Paid for this account" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("billing.suspense_currency", (await refused.JsonAsync()).GetProperty("code").GetString());
        var back = await ResolveAsync(operatorClient, dollarsId, "return", new { reason = "Paid in dollars to a ruble account" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(before + 1200m, (await SuspenseAsync(operatorClient)).GetProperty("balance").GetDecimal());
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_operator_assigns_a_held_payment_once_and_a_second_assign_is_409()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var document = NewDocumentNumber();
        await ImportAsync(operatorClient, Csv(CsvRow(document, "800.00", "Оплата по договору № 15, ООО Ромашка", payer: "ООО Ромашка")));
        var held = await HeldAsync(operatorClient, document);
        var id = held.GetProperty("id").GetString()!;
        var suspense = (await SuspenseAsync(operatorClient)).GetProperty("balance").GetDecimal();
        var body = new { accountNumber = number, reason = "The payer confirmed by phone that it is for this account" };

        var key = Guid.NewGuid().ToString();
        var first = await ResolveAsync(operatorClient, id, "assign", body, key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("assigned", (await first.JsonAsync()).GetProperty("status").GetString());
        var replay = await ResolveAsync(operatorClient, id, "assign", body, key);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        var twice = await ResolveAsync(operatorClient, id, "assign", body, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("billing.suspense_resolved", (await twice.JsonAsync()).GetProperty("code").GetString());
        var returned = await ResolveAsync(operatorClient, id, "return", new { reason = "Too late" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);

        Assert.Equal(800m, await BalanceAsync(member));
        Assert.Equal("TH-" + number, (await AccountAsync(member)).GetProperty("contractNumber").GetString());
        var after = await SuspenseAsync(operatorClient);
        Assert.Equal(suspense - 800m, after.GetProperty("balance").GetDecimal());
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        // The import recognises the document as already imported, whatever became of it.
        Assert.Equal(1, (await ImportAsync(operatorClient, Csv(CsvRow(document, "800.00", "Оплата по договору № 15, ООО Ромашка", payer: "ООО Ромашка"))))
            .GetProperty("duplicates").GetInt32());
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_assignment_needs_a_known_account_a_reason_and_a_key()
    {
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var document = NewDocumentNumber();
        await ImportAsync(operatorClient, Csv(CsvRow(document, "50.00", "Без назначения")));
        var id = (await HeldAsync(operatorClient, document)).GetProperty("id").GetString()!;

        var unknown = await ResolveAsync(operatorClient, id, "assign", new { accountNumber = UnknownAccountNumber(), reason = "Confirmed by phone" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("accountNumber", out _));
        var noReason = await ResolveAsync(operatorClient, id, "assign", new { accountNumber = "123", reason = "" }, Guid.NewGuid().ToString());
        var errors = (await noReason.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("accountNumber", out _) && errors.TryGetProperty("reason", out _), errors.ToString());
        var noKey = await operatorClient.PostAsJsonAsync($"/api/v1/operator/suspense/{id}/return", new { reason = "Unknown payer" });
        Assert.True((await noKey.JsonAsync()).GetProperty("errors").TryGetProperty("idempotencyKey", out _));
        var missing = await ResolveAsync(operatorClient, Guid.NewGuid().ToString(), "return", new { reason = "Unknown payer" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("held", (await HeldAsync(operatorClient, document)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BIL03_operator_marks_a_held_payment_for_return_to_the_payer()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var document = NewDocumentNumber();
        await ImportAsync(operatorClient, Csv(CsvRow(document, "650.00", Purpose(number, "someone.else@example.org"))));
        var id = (await HeldAsync(operatorClient, document)).GetProperty("id").GetString()!;
        var suspense = (await SuspenseAsync(operatorClient)).GetProperty("balance").GetDecimal();

        var response = await ResolveAsync(operatorClient, id, "return", new { reason = "The payer asked for the money back" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("returned", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(suspense - 650m, (await SuspenseAsync(operatorClient)).GetProperty("balance").GetDecimal());
        var assign = await ResolveAsync(operatorClient, id, "assign", new { accountNumber = number, reason = "Changed my mind" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        Assert.Equal(0m, await BalanceAsync(member));
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_a_broken_line_is_reported_with_its_number_and_the_rest_is_imported()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var csv = Csv(
            CsvRow(NewDocumentNumber(), "100.00", Purpose(number, member.Email)),
            CsvRow(NewDocumentNumber(), "12.345", Purpose(number, member.Email)),
            CsvRow(NewDocumentNumber(), "100.00", Purpose(number, member.Email), date: "31.02.2026"),
            "2026-03-02;" + NewDocumentNumber() + ";100.00;only four fields",
            CsvRow(NewDocumentNumber(), "-5.00", Purpose(number, member.Email)),
            CsvRow(NewDocumentNumber(), "200.00", Purpose(number, member.Email)));
        var report = await ImportAsync(operatorClient, csv);
        Assert.Equal(2, report.GetProperty("credited").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([3, 4, 5, 6], errors.Select(e => e.Line));
        Assert.Contains("amount", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("date", errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(300m, await BalanceAsync(member));

        // 1C: a section without its amount, and one never closed; the good section between them is imported.
        var good = OneCDocument(NewDocumentNumber(), "50.00", Purpose(number, member.Email));
        var noAmount = OneCDocument(NewDocumentNumber(), "", Purpose(number, member.Email));
        var unclosed = OneCDocument(NewDocumentNumber(), "70.00", Purpose(number, member.Email)).Replace("КонецДокумента", "", StringComparison.Ordinal);
        var text = OneC(noAmount, good, unclosed);
        var lines = text.Split('\n');
        var oneC = await ImportAsync(operatorClient, Encoding.UTF8.GetBytes(text), "kl_to_1c.txt");
        Assert.Equal(1, oneC.GetProperty("credited").GetInt32());
        var oneCErrors = oneC.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).ToList();
        var sectionStarts = lines.Select((l, i) => (l, i + 1)).Where(x => x.l.StartsWith("СекцияДокумент", StringComparison.Ordinal)).Select(x => x.Item2).ToList();
        Assert.Equal([sectionStarts[0], sectionStarts[2]], oneCErrors);
        Assert.Equal(350m, await BalanceAsync(member));
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL03_a_file_that_is_no_statement_is_refused_naming_the_file()
    {
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var response = await UploadAsync(operatorClient, Encoding.UTF8.GetBytes("hello;world\n1;2\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
        var empty = await UploadAsync(operatorClient, []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task SEC05_a_member_cannot_import_statements_or_see_and_resolve_the_suspense_queue()
    {
        var (member, number) = await SubscriberAsync();
        using var client = app.Api(member.Token);
        var upload = await UploadAsync(client, Csv(CsvRow(NewDocumentNumber(), "100000.00", Purpose(number, member.Email))));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/operator/suspense")).StatusCode);
        var assign = await ResolveAsync(client, Guid.NewGuid().ToString(), "assign", new { accountNumber = number, reason = "Mine" }, "k1");
        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/operator/suspense")).StatusCode);
        Assert.Equal(0m, await BalanceAsync(member));
    }
}
