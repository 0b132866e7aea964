using System.Net.Http.Headers;
using System.Text;
using Tradehall.Tests.Billing;
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

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("request.too_large", (await response.JsonAsync()).GetProperty("code").GetString());
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
        // SEC-08: Kestrel names itself to no one.
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task SEC07_a_bank_statement_body_beyond_the_import_limit_is_413_too_large()
    {
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var response = await BankStatementTests.UploadAsync(operatorClient, new byte[(StatementLimit * 2) + 1]);
        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task SEC07_a_chat_attachment_body_beyond_its_limit_is_413_too_large()
    {
        var a = await ChatSteps.TrustedAsync(app);
        var b = await ChatSteps.TrustedAsync(app);
        var (chatId, _) = await ChatSteps.StartAsync(app, a, b);
        using var client = app.Api(a.Token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[(AttachmentLimit * 2) + 1]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "big.pdf");
        await AssertTooLargeAsync(await client.PostAsync($"/api/v1/chats/{chatId}/attachments", form));
    }

    [Fact]
    public async Task SEC07_a_chunked_json_body_beyond_the_api_limit_is_413_too_large()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        // No Content-Length: the limit is found while the body is read.
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/chats") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await AssertTooLargeAsync(await client.SendAsync(request));
    }

    [Fact]
    public async Task SEC07_a_json_body_with_a_length_beyond_the_api_limit_is_413_too_large()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        using var content = new StringContent("{\"text\":\"" + new string('x', 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        await AssertTooLargeAsync(await client.PostAsync("/api/v1/chats", content));
    }
}
