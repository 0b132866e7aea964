using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Tradehall.Tests.Billing;

namespace Tradehall.BrowserTests;

/// <summary>
/// BIL-03 (b), BIL-05, NTF-01 in a browser: the member asks for an invoice, the bank pays it as the invoice says, the
/// operator imports the 1C statement, and the member finds the money credited, the invoice paid, a notice in the
/// centre and an SMS — without the operator resolving anything by hand.
/// </summary>
public sealed class PaymentJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task BIL03_BIL05_NTF01_an_invoice_paid_by_the_book_is_credited_marked_paid_and_announced()
    {
        var registration = Members.Registration();
        var phone = Tradehall.Core.Accounts.Registration.PhoneRules.ToE164((string)registration["phone"]!, "7")!;
        string number;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registered.GetProperty("token").GetString());
            (await http.PostAsJsonAsync("/api/v1/account/phone/confirm", new { code = await site.SmsCodeAsync(phone) })).EnsureSuccessStatusCode();
            number = (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("number").GetString()!;
        }
        var member = await site.PhoneAsync();
        await site.SignInAsync(member, (string)registration["email"]!, Members.Password);
        await member.GotoAsync(site.BaseUrl + "/billing");
        await member.FillAsync("#Amount", "3500.00");
        await member.GetByRole(AriaRole.Button, new() { Name = "Get an invoice" }).ClickAsync();
        var row = member.Locator("#invoices-title ~ div table tbody tr").First;
        await row.WaitForAsync();
        var invoiceNumber = (await row.Locator("td").First.InnerTextAsync()).Trim();
        Assert.Contains("Pay by", await row.InnerTextAsync(), StringComparison.Ordinal);

        // The bank pays with the purpose the invoice asks to quote; the statement comes as a Windows-1251 1C file.
        var purpose = $"Пополнение лицевого счёта {number}, счёт {invoiceNumber}. Без НДС.";
        var statement = Path.Combine(site.Artifacts, "kl_to_1c.txt");
        var oneC = BankStatementTests.OneC(BankStatementTests.OneCDocument(BankStatementTests.NewDocumentNumber(), "3500.00", purpose,
            date: DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        await File.WriteAllBytesAsync(statement, CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(oneC.Replace("\n", "\r\n", StringComparison.Ordinal)));
        var console = await site.PhoneAsync();
        await site.OperatorSignInAsync(console, "payments@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator/bank-import");
        await console.SetInputFilesAsync("#StatementFile", statement);
        await console.GetByRole(AriaRole.Button, new() { Name = "Import the statement" }).ClickAsync();
        await console.Locator("[role=status]").WaitForAsync();
        Assert.Matches(new Regex(@"Credited\D*1"), await console.Locator("[role=status]").InnerTextAsync());

        await member.GotoAsync(site.BaseUrl + "/billing");
        var account = await member.Locator("main").InnerTextAsync();
        Assert.Contains("3,500.00 RUB", account, StringComparison.Ordinal);
        var paidRow = member.Locator("#invoices-title ~ div table tbody tr", new() { HasText = invoiceNumber });
        Assert.Contains("Paid", await paidRow.InnerTextAsync(), StringComparison.Ordinal);
        var problems = (await Accessibility.SeriousViolationsAsync(member)).ToList();
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "40-billing-invoice-paid-phone.png"), FullPage = true });

        await member.GotoAsync(site.BaseUrl + "/notifications");
        var centre = await member.Locator("main").InnerTextAsync();
        Assert.Contains("Payment received", centre, StringComparison.Ordinal);
        Assert.Contains($"3,500.00 RUB was credited to your personal account {number} by a bank transfer", centre, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(member));
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "41-notifications-payment-phone.png"), FullPage = true });
        Assert.Empty(problems);

        var sms = await site.SmsAsync(phone, "was credited");
        Assert.StartsWith($"3,500.00 RUB was credited to your personal account {number}", sms, StringComparison.Ordinal);
    }
}
