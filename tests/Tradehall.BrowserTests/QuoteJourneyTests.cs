namespace Tradehall.BrowserTests;

/// <summary>
/// MKT-08 in two phone-sized browsers: one member sends a quote from the chat page, the other sees it arrive as a card
/// and accepts it; the quoting member's open page shows the answer without a reload, and both find the deal on /deals.
/// axe checks the chat page with a quote card and the deals page.
/// </summary>
public sealed class QuoteJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<(string Email, Guid Id, string Token)> RegisterAsync()
    {
        var registration = Members.Registration();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
        return ((string)registration["email"]!, registered.GetProperty("accountId").GetGuid(), registered.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task MKT08_a_quote_is_sent_accepted_live_and_becomes_a_deal_on_both_deals_pages()
    {
        var buyer = await RegisterAsync();
        var seller = await RegisterAsync();
        using var api = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", buyer.Token);
        var started = await (await api.PostAsJsonAsync("/api/v1/chats", new { to = seller.Id.ToString(), text = "We need 40 m³ of pine boards." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var chatPath = "/chats/" + started.GetProperty("chatId").GetGuid();
        var problems = new List<string>();

        var s = await site.PhoneAsync();
        await site.SignInAsync(s, seller.Email, Members.Password);
        await s.GotoAsync(site.BaseUrl + chatPath);
        var b = await site.PhoneAsync();
        await site.SignInAsync(b, buyer.Email, Members.Password);
        await b.GotoAsync(site.BaseUrl + chatPath);

        await s.Locator("#quote-form summary").ClickAsync();
        await s.FillAsync("#Price", "120.50");
        await s.SelectOptionAsync("#Currency", "EUR");
        await s.SelectOptionAsync("#Unit", "m3");
        await s.FillAsync("#Quantity", "40");
        await s.SelectOptionAsync("#Incoterms", "FCA");
        await s.FillAsync("#DeliveryPlace", "Arkhangelsk");
        await s.FillAsync("#Comment", "Kiln dried, grade A.");
        await s.GetByRole(AriaRole.Button, new() { Name = "Send the quote", Exact = true }).ClickAsync();
        await Assertions.Expect(s.Locator(".chat-message-mine .quote-card[data-status=pending]")).ToHaveCountAsync(1);

        // The other side's open page turns the new message into a card with the answer buttons.
        var card = b.Locator(".chat-message-theirs .quote-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Accept the quote" })).ToBeVisibleAsync();
        Assert.Contains("4,820.00 EUR", await card.InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(b));
        await b.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "60-quote-card-phone.png"), FullPage = true });

        await card.GetByRole(AriaRole.Button, new() { Name = "Accept the quote" }).ClickAsync();
        await Assertions.Expect(b.Locator(".quote-card[data-status=accepted]")).ToHaveCountAsync(1);
        await Assertions.Expect(b.Locator(".quote-card button")).ToHaveCountAsync(0);
        // The quoting member sees the answer live: no reload, the withdraw button gone.
        await Assertions.Expect(s.Locator(".quote-card[data-status=accepted]")).ToHaveCountAsync(1);
        await Assertions.Expect(s.Locator(".quote-card button")).ToHaveCountAsync(0);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(s));

        foreach (var (page, role) in new[] { (b, "Buyer"), (s, "Seller") })
        {
            await page.GotoAsync(site.BaseUrl + "/deals");
            var row = page.Locator("tbody tr");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            Assert.Contains(role, await row.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("FCA Arkhangelsk", await row.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await row.Locator($"a[href='{chatPath}']").CountAsync());
            problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        }
        await s.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "61-deals-phone.png"), FullPage = true });

        Assert.True(problems.Count == 0, "Accessibility problems:\n" + string.Join("\n", problems.Distinct()));
    }
}
