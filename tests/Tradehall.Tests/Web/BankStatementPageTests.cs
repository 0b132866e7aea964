using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Web;

/// <summary>BIL-03 (b) in the operator console: upload a statement through the form, then resolve the held payments.</summary>
public sealed class BankStatementPageTests
{
    private const string OperatorEmail = "bank.ops@operator.example.org";
    private const string OperatorPassword = "Operator pass phrase 2026";

    private static async Task<Browser> OperatorConsoleAsync(BankStatementTests.App app)
    {
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync(OperatorEmail, OperatorPassword);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            var op = (await users.FindByEmailAsync(OperatorEmail))!;
            await users.ResetAuthenticatorKeyAsync(op);
            key = (await users.GetAuthenticatorKeyAsync(op))!;
            await users.SetTwoFactorEnabledAsync(op, true);
        }
        var browser = new Browser(app);
        var step = await browser.SubmitAsync("/account/sign-in", "Sign in", new() { ["Email"] = OperatorEmail, ["Password"] = OperatorPassword });
        await browser.SubmitAsync(step.Headers.Location!.ToString(), "Continue", new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        return browser;
    }

    [Fact]
    public async Task BIL03_operator_uploads_a_statement_through_the_form_and_resolves_the_held_payments()
    {
        using var app = new BankStatementTests.App();
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        using var browser = await OperatorConsoleAsync(app);

        var (console, consolePage) = await browser.GetAsync("/operator");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.NotNull(consolePage.QuerySelector("a[href='/operator/bank-import']"));
        Assert.NotNull(consolePage.QuerySelector("a[href='/operator/suspense']"));

        var file = BankStatementTests.Csv(
            BankStatementTests.CsvRow("9001", "1200.00", BankStatementTests.Purpose(number, member.Email)),
            BankStatementTests.CsvRow("9002", "not money", BankStatementTests.Purpose(number, member.Email)),
            BankStatementTests.CsvRow("9003", "300.00", "Оплата без указания счёта", payer: "ООО Неизвестный"),
            BankStatementTests.CsvRow("9004", "450.00", "Оплата по письму, логин не указан", payer: "ООО Второй"));
        var uploaded = await browser.SubmitFileAsync("/operator/bank-import", "Import the statement", "StatementFile", "statement.csv", file);
        var html = await uploaded.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var report = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var stats = report.QuerySelectorAll("section[aria-labelledby='report-title'] .stat")
            .ToDictionary(s => s.QuerySelector("dt")!.TextContent.Trim(), s => s.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("1", stats["Credited"]);
        Assert.Equal("2", stats["Held in suspense"]);
        var broken = Assert.Single(report.QuerySelectorAll("section[aria-labelledby='report-title'] tbody tr"));
        Assert.Equal("3", broken.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("amount", broken.TextContent, StringComparison.Ordinal);

        var (_, queue) = await browser.GetAsync("/operator/suspense");
        Assert.Contains("ООО Неизвестный", queue.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("750.00", queue.Body!.TextContent, StringComparison.Ordinal);
        foreach (var label in queue.QuerySelectorAll("form label"))
        {
            Assert.NotNull(queue.GetElementById(label.GetAttribute("for")!));
        }

        var wrong = await browser.SubmitAsync("/operator/suspense", "Credit to this account", new() { ["AccountNumber"] = "12345", ["Reason"] = "Typo" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var refused = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("9 digits", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12345", refused.QuerySelector("details[open] input[name='AccountNumber']")!.GetAttribute("value"));

        // The oldest held payment (document 9003) goes to the member; the other back to its payer.
        var assigned = await browser.SubmitAsync("/operator/suspense", "Credit to this account",
            new() { ["AccountNumber"] = number, ["Reason"] = "The member sent the payment order by email" });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var returned = await browser.SubmitAsync("/operator/suspense", "Return to the payer", new() { ["Reason"] = "Unknown payer, no reply to our letter" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var (_, empty) = await browser.GetAsync("/operator/suspense");
        Assert.NotNull(empty.QuerySelector("p.empty"));
        Assert.Contains("0.00", empty.QuerySelector(".stats")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(1500m, (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal());
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));

        // SEC-04: the upload form carries its antiforgery token.
        var (_, page) = await browser.GetAsync("/operator/bank-import");
        Assert.NotNull(page.QuerySelector("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']"));
    }
}
