using Tradehall.Tests.Billing;
using static Tradehall.Tests.Billing.CreditSteps;

namespace Tradehall.Tests.Web;

/// <summary>BIL-13, BIL-25 on the pages: the operator sets the credit limit, the subscriber sees the debt invoice and gives notice of non-extension.</summary>
public sealed class ContractPagesTests
{
    [Fact]
    public async Task BIL13_BIL25_the_operator_sets_the_limit_and_the_subscriber_sees_the_debt_and_gives_notice_on_the_pages()
    {
        using var app = new CreditApp(new DateOnly(2026, 3, 30));
        var s = await Subscribers.CreateAsync(app, 100m);
        using var client = app.Api(s.Member.Token);
        using var console = await Operators.ConsoleBrowserAsync(app);
        var page = $"/operator/credit-limit?number={s.Number}";

        var refused = await console.SubmitAsync(page, "Set the limit", new() { ["Limit"] = "-5" });
        Assert.Contains("may not be negative", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0m, (await CreditAsync(client)).GetProperty("limit").GetDecimal());
        var set = await console.SubmitAsync(page, "Set the limit", new() { ["Limit"] = "3000" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(3000m, (await CreditAsync(client)).GetProperty("limit").GetDecimal());
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);

        using var browser = new Browser(app);
        await browser.SignInAsync(s.Member.Email, s.Member.Password);
        var (_, billing) = await browser.GetAsync("/billing");
        var debt = billing.QuerySelector("#debts tbody tr")!.TextContent;
        Assert.Contains("2026", debt, StringComparison.Ordinal);
        Assert.Contains("Awaiting payment", debt, StringComparison.Ordinal);
        Assert.NotNull(billing.QuerySelector("#contract-summary"));

        var unconfirmed = await browser.SubmitAsync("/billing", "Give notice of non-extension");
        Assert.Contains("Confirm that the contract is to end with its term.", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Day(await ContractAsync(client), "nonExtensionNoticeOn"));
        var given = await browser.SubmitAsync("/billing", "Give notice of non-extension", new() { ["NoticeConfirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(new DateOnly(2026, 3, 30), Day(await ContractAsync(client), "nonExtensionNoticeOn"));
        (_, billing) = await browser.GetAsync("/billing");
        Assert.Contains("The contract ends with its current term", billing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
