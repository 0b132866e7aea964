using AngleSharp.Html.Parser;
using Tradehall.Tests.Messaging;
using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-08 through the pages, without JavaScript: the quote form, the card's buttons and the deals page.</summary>
public sealed class QuotesPageTests(ChatApp app) : IClassFixture<ChatApp>
{
    private async Task<Browser> SignedInAsync(TestMember member)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        return browser;
    }

    private static Dictionary<string, string> Terms(string price = "120,50") => new()
    {
        ["Price"] = price,
        ["Currency"] = "EUR",
        ["Unit"] = "m3",
        ["Quantity"] = "40",
        ["Incoterms"] = "FCA",
        ["DeliveryPlace"] = "Arkhangelsk",
        ["Comment"] = "Kiln dried.",
    };

    [Fact]
    public async Task MKT08_a_quote_sent_from_the_chat_page_is_accepted_with_its_button_and_shows_on_both_deals_pages()
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller);
        var chatUrl = $"/chats/{chatId}";
        using var sellerBrowser = await SignedInAsync(seller);

        // Errors land beside the fields and keep the form open.
        var refused = await sellerBrowser.SubmitAsync(chatUrl, "Send the quote", new(Terms("abc")) { ["Quantity"] = "0", ["Incoterms"] = "XYZ" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refusedPage.QuerySelector("#Price-error"));
        Assert.NotNull(refusedPage.QuerySelector("#Quantity-error"));
        Assert.NotNull(refusedPage.QuerySelector("#Incoterms-error"));
        Assert.True(refusedPage.QuerySelector("#quote-form")!.HasAttribute("open"));

        // A decimal comma is read as Russian keyboards type it.
        var sent = await sellerBrowser.SubmitAsync(chatUrl, "Send the quote", Terms());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, sellerView) = await sellerBrowser.GetAsync(chatUrl);
        var card = sellerView.QuerySelector(".chat-message-mine .quote-card")!;
        Assert.Equal("pending", card.GetAttribute("data-status"));
        Assert.Contains("4,820.00 EUR", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("FCA Arkhangelsk", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Withdraw the quote"], card.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToArray());

        using var buyerBrowser = await SignedInAsync(buyer);
        var (_, buyerView) = await buyerBrowser.GetAsync(chatUrl);
        Assert.Equal(["Accept the quote", "Decline"], buyerView.QuerySelectorAll(".quote-card button").Select(b => b.TextContent.Trim()).ToArray());
        var accepted = await buyerBrowser.SubmitAsync(chatUrl, "Accept the quote");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, afterView) = await buyerBrowser.GetAsync(chatUrl);
        Assert.Equal("accepted", afterView.QuerySelector(".quote-card")!.GetAttribute("data-status"));
        Assert.Empty(afterView.QuerySelectorAll(".quote-card button"));
        Assert.NotNull(afterView.QuerySelector(".quote-card a[href='/deals']"));

        foreach (var (browser, role) in new[] { (buyerBrowser, "Buyer"), (sellerBrowser, "Seller") })
        {
            var (response, deals) = await browser.GetAsync("/deals");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var row = Assert.Single(deals.QuerySelectorAll("tbody tr"));
            Assert.Equal(role, row.QuerySelector("td[data-label='You are']")!.TextContent.Trim());
            Assert.Equal("4,820.00 EUR", row.QuerySelector("td[data-label='Total']")!.TextContent.Trim());
            Assert.NotNull(row.QuerySelector($"a[href='{chatUrl}']"));
        }
    }

    [Fact]
    public async Task MKT08_only_participants_get_a_quote_card_and_visitors_are_sent_to_sign_in_for_deals()
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller);
        using var sellerBrowser = await SignedInAsync(seller);
        Assert.Equal(HttpStatusCode.Redirect, (await sellerBrowser.SubmitAsync($"/chats/{chatId}", "Send the quote", Terms())).StatusCode);
        var (_, page) = await sellerBrowser.GetAsync($"/chats/{chatId}");
        var quoteId = page.QuerySelector(".quote-card")!.GetAttribute("data-quote-id");

        var (own, card) = await sellerBrowser.GetAsync($"/chats/{chatId}?handler=QuoteCard&quoteId={quoteId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotNull(card.QuerySelector(".quote-card form input[name=__RequestVerificationToken]"));

        var outsider = await TrustedAsync(app);
        using var outsiderBrowser = await SignedInAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderBrowser.GetAsync($"/chats/{chatId}?handler=QuoteCard&quoteId={quoteId}")).Response.StatusCode);
        var (_, empty) = await outsiderBrowser.GetAsync("/deals");
        Assert.NotNull(empty.QuerySelector(".empty"));

        using var visitor = new Browser(app);
        var (response, _) = await visitor.GetAsync("/deals");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
