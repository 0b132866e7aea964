using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tradehall.Tests.Billing;
using Tradehall.Tests.Infrastructure;
using Tradehall.Tests.Messaging;

namespace Tradehall.Tests.Hosting;

/// <summary>
/// SEC-07: an upload endpoint is held to its own option's limit, not to the API's JSON limit, and every
/// body refused for its size answers 413 problem+json with one code.
/// </summary>
public sealed class BodyLimitTests(BodyLimitTests.App app) : IClassFixture<BodyLimitTests.App>
{
    private const int StatementLimit = 1024 * 1024;
    private const int AttachmentLimit = 64 * 1024;

    public sealed class App : ChatApp
    {
        public App()
        {
            // The in-memory test server enforces no body limit; Kestrel does.
            ServeOverKestrel();
            Settings["Billing:BankImport:SettlementAccount"] = BankStatementTests.OperatorAccount;
            Settings["Billing:BankImport:MaxFileBytes"] = StatementLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Messaging:MaxAttachmentBytes"] = AttachmentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A statement of unmatched payments: each is held in suspense, none is an error.</summary>
    private static byte[] Statement(int bytes)
    {
        var rows = new List<string>();
        var size = 0;
        while (size < bytes)
        {
            var row = BankStatementTests.CsvRow(BankStatementTests.NewDocumentNumber(), "10.00", "Оплата по договору поставки пиломатериалов, без указания лицевого счёта. Без НДС.");
            rows.Add(row);
            size += Encoding.UTF8.GetByteCount(row) + 2;
        }
        return BankStatementTests.Csv([.. rows]);
    }

    [Fact]
    public async Task SEC07_a_bank_statement_larger_than_the_api_json_limit_is_imported()
    {
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var file = Statement(450 * 1024);
        Assert.True(file.Length > 256 * 1024);
        var response = await BankStatementTests.UploadAsync(operatorClient, file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = await response.JsonAsync();
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
        Assert.True(report.GetProperty("held").GetInt32() > 1000);
    }
}
