using System.Net.Http.Headers;
using System.Text;
using Tradehall.Core.Shared;
using Tradehall.Core.Accounts;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Data;
using Tradehall.Core.Documents.Statements;

namespace Tradehall.Tests.Billing;

public sealed class StatementApiTests(StatementApiTests.App app) : IClassFixture<StatementApiTests.App>
{
    /// <summary>Moscow is UTC+3 all year, so the day boundaries below sit three hours before UTC midnight.</summary>
    public sealed class App : TradehallApp
    {
        public App()
        {
            Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
            Settings["Tradehall:TimeZone"] = "Europe/Moscow";
            // The site starts, and publishes its terms, before every day these tests travel to.
            Clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
            _ = Server;
        }
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// March 2026 in Moscow: 1000 the evening before the period, 2000 half an hour into its first day (still 1 March
    /// in UTC), a 2490 charge, 500 a minute before its last day ends, 300 a minute after (already 31 March in UTC).
    /// </summary>
    private async Task<(TestMember Member, string Number, decimal Price)> MarchAsync()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var (member, number, _, _) = await Subscribers.CreateAsync(app, 0m);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.Zero));
        await Subscribers.TopUpAsync(app, number, 1000m);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 21, 30, 0, TimeSpan.Zero));
        await Subscribers.TopUpAsync(app, number, 2000m);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var (_, price) = await Subscribers.OrderFirstAsync(app, member);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 20, 59, 0, TimeSpan.Zero));
        await Subscribers.TopUpAsync(app, number, 500m);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 21, 1, 0, TimeSpan.Zero));
        await Subscribers.TopUpAsync(app, number, 300m);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 5, 9, 0, 0, TimeSpan.Zero));
        return (member, number, price);
    }

    private static async Task<HttpResponseMessage> StatementAsync(HttpClient client, string query, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/billing/statement?" + query);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
        return await client.SendAsync(request);
    }

    private static async Task<string> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Utf8.GetString(bytes[3..]);
    }

    private async Task PostAsync(Guid memberId, string kind, string description, long minor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerPostings>();
        var account = await db.Set<BillingAccount>().Where(a => a.MemberId == memberId).Select(a => a.LedgerAccountId).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var adjustments = await ledger.SystemAccountAsync(SystemAccounts.Adjustments, CancellationToken.None);
        await ledger.PostAsync(new Posting(kind, DeferredText.Line(description), [new Leg(account, minor), new Leg(adjustments, -minor)]), CancellationToken.None);
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task BIL21_csv_statement_has_the_opening_balance_the_lines_of_the_local_days_and_the_closing_balance()
    {
        var (member, number, price) = await MarchAsync();
        Assert.Equal(2490m, price);
        using var client = app.Api(member.Token);
        var response = await StatementAsync(client, "from=2026-03-02&to=2026-03-31&format=csv");
        var csv = await CsvAsync(response);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"statement-{number}-2026-03-02-2026-03-31.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,kind,description,amount,balanceAfter", rows[0]);
        Assert.Equal("2026-03-02,opening,Opening balance,,1000.00", rows[1]);
        // The first day's top-up was booked on 1 March in UTC: only the site's time zone puts it inside the period.
        Assert.StartsWith("2026-03-02 00:30:00,\"topup.gateway\",", rows[2], StringComparison.Ordinal);
        Assert.EndsWith(",2000.00,3000.00", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("2026-03-10 12:00:00,\"charge\",", rows[3], StringComparison.Ordinal);
        Assert.EndsWith(",-2490.00,510.00", rows[3], StringComparison.Ordinal);
        Assert.StartsWith("2026-03-31 23:59:00,\"topup.gateway\",", rows[4], StringComparison.Ordinal);
        Assert.EndsWith(",500.00,1010.00", rows[4], StringComparison.Ordinal);
        Assert.Equal("2026-03-31,totalIn,Total in,2500.00,", rows[5]);
        Assert.Equal("2026-03-31,totalOut,Total out,-2490.00,", rows[6]);
        Assert.Equal("2026-03-31,closing,Closing balance,,1010.00", rows[7]);
        Assert.Equal(8, rows.Length);

        // Opening plus the movements is the closing balance, and the next day starts from it.
        var next = await CsvAsync(await StatementAsync(client, "from=2026-04-01&to=2026-04-30&format=csv"));
        Assert.Contains("2026-04-01,opening,Opening balance,,1010.00", next, StringComparison.Ordinal);
        Assert.Contains("2026-04-30,closing,Closing balance,,1310.00", next, StringComparison.Ordinal);
        Assert.Contains("2026-04-01 00:01:00,\"topup.gateway\"", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BIL21_pdf_statement_shows_the_operator_account_period_and_lines_in_the_members_language()
    {
        var (member, number, _) = await MarchAsync();
        using var client = app.Api(member.Token);
        var response = await StatementAsync(client, "from=2026-03-02&to=2026-03-31&format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"statement-{number}-2026-03-02-2026-03-31.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var text = await PdfText.ReadAsync(bytes);
        Assert.Contains($"Statement of personal account {number}", text, StringComparison.Ordinal);
        Assert.Contains("Tradehall Demo Operator LLC", text, StringComparison.Ordinal);
        Assert.Contains("INN 7700000000", text, StringComparison.Ordinal);
        Assert.Contains("time zone Moscow (UTC+3)", text, StringComparison.Ordinal);
        Assert.Matches(@"Opening balance\s+1,000\.00 RUB", text);
        Assert.Matches(@"Total in\s+2,500\.00 RUB", text);
        Assert.Matches(@"Total out\s+-2,490\.00 RUB", text);
        Assert.Matches(@"Closing balance\s+1,010\.00 RUB", text);
        // The date over the time in the first column.
        Assert.Contains("3/2/2026", text, StringComparison.Ordinal);
        Assert.Matches(@"12:30\sAM", text);
        Assert.Contains("-2,490.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("300.00", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);

        var russian = await PdfText.ReadAsync(await (await StatementAsync(client, "from=2026-03-02&to=2026-03-31&format=pdf", "ru")).Content.ReadAsByteArrayAsync());
        Assert.Contains($"Выписка по лицевому счёту {number}", russian, StringComparison.Ordinal);
        Assert.Contains("Входящий остаток", russian, StringComparison.Ordinal);
        Assert.Contains("Пополнение", russian, StringComparison.Ordinal);
        Assert.Contains("02.03.2026", russian, StringComparison.Ordinal);
        Assert.Matches(@"\b0?0:30\b", russian);
        Assert.Contains("Москва (UTC+3)", russian, StringComparison.Ordinal);
        Assert.Matches(@"1\s010,00 RUB", russian);

        // Without a language in the request, the member's own language (the one of their emails) is used.
        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Culture, "ru")));
        var own = await PdfText.ReadAsync(await (await StatementAsync(client, "from=2026-03-02&to=2026-03-31&format=pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains($"Выписка по лицевому счёту {number}", own, StringComparison.Ordinal);
        var english = await PdfText.ReadAsync(await (await StatementAsync(client, "from=2026-03-02&to=2026-03-31&format=pdf", "en")).Content.ReadAsByteArrayAsync());
        Assert.Contains($"Statement of personal account {number}", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BIL21_long_statement_pdf_runs_over_several_numbered_pages()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.Zero));
        var (member, _, _, _) = await Subscribers.CreateAsync(app, 0m);
        for (var i = 1; i <= 90; i++)
        {
            await PostAsync(member.Id, "topup.manual", $"Credit by the operator: delivery {i} of sawn timber, grade A, invoice {i}", 100_00);
        }
        using var client = app.Api(member.Token);
        var text = await PdfText.ReadAsync(await (await StatementAsync(client, "from=2026-05-01&to=2026-05-31&format=pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Page 1 of ", text, StringComparison.Ordinal);
        Assert.Contains("Page 2 of ", text, StringComparison.Ordinal);
        Assert.Contains("delivery 1 of", text, StringComparison.Ordinal);
        Assert.Contains("delivery 90 of", text, StringComparison.Ordinal);
        Assert.Matches(@"Closing balance\s+9,000\.00 RUB", text);
    }

    [Fact]
    public async Task BIL21_csv_cells_that_would_start_a_formula_are_neutralised()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero));
        var (member, _, _, _) = await Subscribers.CreateAsync(app, 0m);
        await PostAsync(member.Id, "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"Refund\")", 10_00);
        await PostAsync(member.Id, "+topup", "@SUM(1+1)", 10_00);
        await PostAsync(member.Id, "-topup", "-2+3, \"quoted\"\nsecond line", 10_00);
        using var client = app.Api(member.Token);
        var csv = await CsvAsync(await StatementAsync(client, "from=2026-06-01&to=2026-06-30"));
        Assert.Contains("\"'=cmd|' /C calc'!A0\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Refund\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'+topup\",\"'@SUM(1+1)\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'-topup\",\"'-2+3, \"\"quoted\"\"\nsecond line\"", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?m)(^|,)\"?[=+@]", csv);
        Assert.Equal("\"'=1+2\"", StatementCsv.Cell("=1+2"));
        Assert.Equal("\"'\tx\"", StatementCsv.Cell("\tx"));
        Assert.Equal("\"plain, text\"", StatementCsv.Cell("plain, text"));
    }

    [Theory]
    [InlineData("from=2026-03-10&to=2026-03-01&format=csv", "from")]
    [InlineData("from=2025-01-01&to=2026-03-01&format=csv", "to")]
    [InlineData("from=2026-03-01&to=2026-03-31&format=xlsx", "format")]
    [InlineData("from=2026-02-30&to=2026-03-31&format=csv", "from")]
    [InlineData("from=01.03.2026&to=2026-03-31&format=pdf", "from")]
    [InlineData("from=2026-03-01&format=csv", "to")]
    public async Task BIL21_a_bad_range_or_format_is_refused_naming_the_field(string query, string field)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await StatementAsync(client, query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BIL21_the_longest_allowed_period_is_accepted()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var longest = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Tradehall.Core.Billing.BillingOptions>>().Value.StatementMaxDays;
        var from = new DateOnly(2025, 1, 1);
        var to = from.AddDays(longest - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await StatementAsync(client, $"from=2025-01-01&to={to}")).StatusCode);
        var over = from.AddDays(longest).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.BadRequest, (await StatementAsync(client, $"from=2025-01-01&to={over}")).StatusCode);
    }

    [Fact]
    public async Task BIL21_a_member_gets_only_their_own_statement()
    {
        var (owner, ownerNumber, _) = await MarchAsync();
        var other = await Members.RegisterAsync(app);
        using var otherClient = app.Api(other.Token);
        var otherNumber = (await (await otherClient.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        // There is no way to name an account: whatever the query says, the statement is the caller's.
        var response = await StatementAsync(otherClient, $"from=2026-03-01&to=2026-03-31&format=csv&account={ownerNumber}&number={ownerNumber}&memberId={owner.Id}");
        var csv = await CsvAsync(response);
        Assert.Equal($"statement-{otherNumber}-2026-03-01-2026-03-31.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.DoesNotContain("topup", csv, StringComparison.Ordinal);
        Assert.Contains("2026-03-31,closing,Closing balance,,0.00", csv, StringComparison.Ordinal);

        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await StatementAsync(anonymous, "from=2026-03-01&to=2026-03-31")).StatusCode);
    }

    [Fact]
    public async Task RUN04_statement_and_forecast_routes_are_in_the_openapi_document()
    {
        using var client = app.Api();
        var paths = (await (await client.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/billing/statement", out _));
        Assert.True(paths.TryGetProperty("/api/v1/billing/forecast", out _));
    }
}
