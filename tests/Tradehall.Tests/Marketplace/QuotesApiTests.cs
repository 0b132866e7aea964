using System.Globalization;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Quotes;
using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Messaging;
using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-08: quotes in a trade chat, their answers and the deals they become, through the JSON API.</summary>
public sealed class QuotesApiTests(ChatApp app) : IClassFixture<ChatApp>
{
    /// <summary>Today in the operator's zone (Europe/Moscow by default) by the test clock.</summary>
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private Dictionary<string, object?> Terms(int validDays = 10) => new()
    {
        ["price"] = 120.50m,
        ["currency"] = "EUR",
        ["unit"] = "m3",
        ["quantity"] = 40.5m,
        ["incoterms"] = "FCA",
        ["deliveryPlace"] = "Arkhangelsk",
        ["validUntil"] = Today.AddDays(validDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["comment"] = "Kiln dried, grade A.",
    };

    private static async Task<JsonElement> QuoteAsync(HttpClient client, Guid chatId, Dictionary<string, object?> terms)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/quotes", terms);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(TestMember Seller, TestMember Buyer, Guid ChatId, Guid QuoteId)> QuotedAsync(int validDays = 10)
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller, "Do you have pine boards?");
        using var client = app.Api(seller.Token);
        var quote = await QuoteAsync(client, chatId, Terms(validDays));
        return (seller, buyer, chatId, quote.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("en", "Quote: 120.50 EUR per tonne × 40.5 tonne, FCA Arkhangelsk")]
    [InlineData("ru", "Предложение: 120,50 EUR за т × 40,5 т, FCA Arkhangelsk")]
    public async Task MKT08_a_quote_names_its_unit_as_listings_do_in_the_quoting_members_language(string language, string expected)
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller);
        using var client = app.Api(seller.Token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var terms = Terms();
        terms["unit"] = "t";
        await QuoteAsync(client, chatId, terms);

        var history = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        Assert.StartsWith(expected, history.GetProperty("items").EnumerateArray().Last().GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MKT08_a_quote_is_a_chat_message_with_its_terms_and_both_participants_see_it()
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller);
        using var client = app.Api(seller.Token);
        var created = await QuoteAsync(client, chatId, Terms());
        var messageId = created.GetProperty("messageId").GetInt64();

        var history = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        var message = history.GetProperty("items").EnumerateArray().Last();
        Assert.Equal(messageId, message.GetProperty("id").GetInt64());
        var text = message.GetProperty("text").GetString()!;
        Assert.StartsWith("Quote: 120.50 EUR per m³ × 40.5 m³, FCA Arkhangelsk, valid until", text);
        Assert.EndsWith("Kiln dried, grade A.", text);

        using var other = app.Api(buyer.Token);
        var quotes = await (await other.GetAsync($"/api/v1/chats/{chatId}/quotes")).JsonAsync();
        var quote = Assert.Single(quotes.EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetGuid(), quote.GetProperty("id").GetGuid());
        Assert.Equal(messageId, quote.GetProperty("messageId").GetInt64());
        Assert.Equal(120.50m, quote.GetProperty("price").GetDecimal());
        Assert.Equal(4880.25m, quote.GetProperty("total").GetDecimal());
        Assert.Equal(40.5m, quote.GetProperty("quantity").GetDecimal());
        Assert.Equal("pending", quote.GetProperty("status").GetString());
        Assert.Equal(seller.Id, quote.GetProperty("fromId").GetGuid());
        Assert.Equal(buyer.Id, quote.GetProperty("toId").GetGuid());

        // The message's notification and live events are those of any message, plus the quote's own event.
        Assert.True(await app.WithDb(db => db.Set<Notification>().AnyAsync(n => n.MemberId == buyer.Id && n.Type == NotificationType.Message
            && n.Excerpt!.StartsWith("Quote:"))));
        Assert.Single(app.Live.InChat(chatId, "message"), e => e.Payload.GetProperty("message").GetProperty("id").GetInt64() == messageId);
        var live = Assert.Single(app.Live.InChat(chatId, "quote"));
        Assert.Equal([buyer.Id, seller.Id], live.To.Order());
        Assert.Equal("pending", live.Payload.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MKT08_accepting_a_quote_makes_a_deal_on_both_sides_lists()
    {
        var (seller, buyer, chatId, quoteId) = await QuotedAsync();
        using var client = app.Api(buyer.Token);
        var response = await client.PostAsync($"/api/v1/quotes/{quoteId}/accept", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dealId = (await response.JsonAsync()).GetProperty("dealId").GetGuid();

        var mine = Assert.Single((await (await client.GetAsync("/api/v1/deals")).JsonAsync()).EnumerateArray());
        Assert.Equal(dealId, mine.GetProperty("id").GetGuid());
        Assert.Equal("buyer", mine.GetProperty("role").GetString());
        Assert.Equal(seller.Id, mine.GetProperty("counterpart").GetProperty("id").GetGuid());
        Assert.Equal(chatId, mine.GetProperty("chatId").GetGuid());
        Assert.Equal(4880.25m, mine.GetProperty("total").GetDecimal());
        Assert.Equal("FCA", mine.GetProperty("incoterms").GetString());
        Assert.Equal("Arkhangelsk", mine.GetProperty("deliveryPlace").GetString());
        using var sellerClient = app.Api(seller.Token);
        var theirs = Assert.Single((await (await sellerClient.GetAsync("/api/v1/deals")).JsonAsync()).EnumerateArray());
        Assert.Equal(dealId, theirs.GetProperty("id").GetGuid());
        Assert.Equal("seller", theirs.GetProperty("role").GetString());
        Assert.Equal(buyer.Id, theirs.GetProperty("counterpart").GetProperty("id").GetGuid());

        var quote = (await (await sellerClient.GetAsync($"/api/v1/chats/{chatId}/quotes")).JsonAsync())[0];
        Assert.Equal("accepted", quote.GetProperty("status").GetString());
        Assert.Equal(dealId, quote.GetProperty("dealId").GetGuid());
        // The quoting member is told, and both sides' tabs learn the answer.
        var notification = await app.WithDb(db => db.Set<Notification>().SingleAsync(n => n.MemberId == seller.Id && n.Type == NotificationType.QuoteAnswered));
        Assert.Equal(buyer.Id, notification.ActorId);
        Assert.StartsWith("Accepted: Quote:", notification.Excerpt);
        Assert.Contains(app.Live.InChat(chatId, "quote"), e => e.Payload.GetProperty("status").GetString() == "accepted" && e.To.Count == 2);

        // Answered once.
        await AssertProblemAsync(await client.PostAsync($"/api/v1/quotes/{quoteId}/accept", null), HttpStatusCode.Conflict, code: "marketplace.quote_answered");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/quotes/{quoteId}/decline", null), HttpStatusCode.Conflict, code: "marketplace.quote_answered");
        await AssertProblemAsync(await sellerClient.PostAsync($"/api/v1/quotes/{quoteId}/withdraw", null), HttpStatusCode.Conflict, code: "marketplace.quote_answered");
    }

    [Fact]
    public async Task MKT08_declining_a_quote_makes_no_deal_and_tells_the_quoting_member()
    {
        var (seller, buyer, chatId, quoteId) = await QuotedAsync();
        using var client = app.Api(buyer.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/quotes/{quoteId}/decline", null)).StatusCode);
        var quote = (await (await client.GetAsync($"/api/v1/chats/{chatId}/quotes")).JsonAsync())[0];
        Assert.Equal("declined", quote.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("dealId").ValueKind);
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/deals")).JsonAsync()).GetArrayLength());
        var notification = await app.WithDb(db => db.Set<Notification>().SingleAsync(n => n.MemberId == seller.Id && n.Type == NotificationType.QuoteAnswered));
        Assert.StartsWith("Declined: Quote:", notification.Excerpt);
        await AssertProblemAsync(await client.PostAsync($"/api/v1/quotes/{quoteId}/accept", null), HttpStatusCode.Conflict, code: "marketplace.quote_answered");
    }

    [Fact]
    public async Task MKT08_a_quote_past_its_last_day_shows_as_expired_and_cannot_be_accepted()
    {
        var (_, buyer, chatId, quoteId) = await QuotedAsync(validDays: 2);
        using var client = app.Api(buyer.Token);
        // Still valid on its last day.
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("pending", (await (await client.GetAsync($"/api/v1/quotes/{quoteId}")).JsonAsync()).GetProperty("status").GetString());
        app.Clock.Advance(TimeSpan.FromDays(1));
        await AssertProblemAsync(await client.PostAsync($"/api/v1/quotes/{quoteId}/accept", null), HttpStatusCode.Conflict, code: "marketplace.quote_expired");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/quotes/{quoteId}/decline", null), HttpStatusCode.Conflict, code: "marketplace.quote_expired");
        var quote = (await (await client.GetAsync($"/api/v1/chats/{chatId}/quotes")).JsonAsync())[0];
        Assert.Equal("expired", quote.GetProperty("status").GetString());
        Assert.Equal(0, await app.WithDb(db => db.Set<Deal>().CountAsync(d => d.QuoteId == quoteId)));
    }

    [Fact]
    public async Task MKT08_two_accepts_at_once_make_one_deal()
    {
        var (_, buyer, _, quoteId) = await QuotedAsync();
        using var one = app.Api(buyer.Token);
        using var two = app.Api(buyer.Token);
        var answers = await Task.WhenAll(one.PostAsync($"/api/v1/quotes/{quoteId}/accept", null), two.PostAsync($"/api/v1/quotes/{quoteId}/accept", null));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await app.WithDb(db => db.Set<Deal>().CountAsync(d => d.QuoteId == quoteId)));
    }

    [Fact]
    public async Task MKT08_the_quoting_member_cannot_answer_their_own_quote_and_outsiders_do_not_see_it()
    {
        var (seller, _, chatId, quoteId) = await QuotedAsync();
        using var own = app.Api(seller.Token);
        await AssertProblemAsync(await own.PostAsync($"/api/v1/quotes/{quoteId}/accept", null), HttpStatusCode.Forbidden, code: "marketplace.quote_not_yours");
        await AssertProblemAsync(await own.PostAsync($"/api/v1/quotes/{quoteId}/decline", null), HttpStatusCode.Forbidden, code: "marketplace.quote_not_yours");

        var outsider = await TrustedAsync(app);
        using var client = app.Api(outsider.Token);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/chats/{chatId}/quotes"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/quotes", Terms()), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/quotes/{quoteId}"), HttpStatusCode.NotFound);
        foreach (var verb in new[] { "accept", "decline", "withdraw" })
        {
            await AssertProblemAsync(await client.PostAsync($"/api/v1/quotes/{quoteId}/{verb}", null), HttpStatusCode.NotFound, code: "marketplace.quote_not_found");
        }
        await AssertProblemAsync(await client.PostAsync($"/api/v1/quotes/{Guid.NewGuid()}/accept", null), HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/deals")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync("/api/v1/deals")).StatusCode);
    }

    [Fact]
    public async Task MKT08_the_quoting_member_withdraws_a_pending_quote_and_it_can_no_longer_be_accepted()
    {
        var (seller, buyer, chatId, quoteId) = await QuotedAsync();
        using var other = app.Api(buyer.Token);
        await AssertProblemAsync(await other.PostAsync($"/api/v1/quotes/{quoteId}/withdraw", null), HttpStatusCode.Forbidden, code: "marketplace.quote_not_yours");
        using var client = app.Api(seller.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/quotes/{quoteId}/withdraw", null)).StatusCode);
        Assert.Equal("withdrawn", (await (await client.GetAsync($"/api/v1/quotes/{quoteId}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Contains(app.Live.InChat(chatId, "quote"), e => e.Payload.GetProperty("status").GetString() == "withdrawn");
        await AssertProblemAsync(await other.PostAsync($"/api/v1/quotes/{quoteId}/accept", null), HttpStatusCode.Conflict, code: "marketplace.quote_answered");
    }

    [Theory]
    [InlineData("price", 0)]
    [InlineData("price", -5)]
    [InlineData("price", 10.125)]
    [InlineData("quantity", 0)]
    [InlineData("quantity", 1.0005)]
    [InlineData("currency", "XXX")]
    [InlineData("unit", "barrel")]
    [InlineData("incoterms", "FOR")]
    [InlineData("deliveryPlace", "  ")]
    [InlineData("validUntil", "past")]
    [InlineData("validUntil", "far")]
    public async Task MKT08_bad_terms_are_refused_naming_the_field_and_change_nothing(string field, object value)
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller);
        var terms = Terms();
        terms[field] = value switch
        {
            "past" => Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "far" => Today.AddDays(400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            int i => (decimal)i,
            double d => (decimal)d,
            _ => value,
        };
        using var client = app.Api(seller.Token);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/quotes", terms), HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await app.WithDb(db => db.Set<Quote>().CountAsync(q => q.ChatId == chatId)));
        Assert.Equal(1, await app.WithDb(db => db.Set<Message>().CountAsync(m => m.ChatId == chatId)));
    }

    [Fact]
    public async Task MKT08_a_quote_without_a_date_is_valid_for_the_configured_days()
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller);
        var terms = Terms();
        terms.Remove("validUntil");
        terms.Remove("comment");
        using var client = app.Api(seller.Token);
        var id = (await QuoteAsync(client, chatId, terms)).GetProperty("id").GetGuid();
        var quote = await (await client.GetAsync($"/api/v1/quotes/{id}")).JsonAsync();
        Assert.Equal(Today.AddDays(14), DateOnly.Parse(quote.GetProperty("validUntil").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("comment").ValueKind);
    }

    [Fact]
    public async Task MKT08_NET07_a_blocked_member_cannot_quote()
    {
        var buyer = await TrustedAsync(app);
        var seller = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, buyer, seller);
        await app.WithDb(db =>
        {
            db.Set<Block>().Add(new Block { BlockerId = buyer.Id, BlockedId = seller.Id, At = app.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        using var client = app.Api(seller.Token);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/quotes", Terms()), HttpStatusCode.Forbidden, code: "messaging.blocked");
        Assert.Equal(0, await app.WithDb(db => db.Set<Quote>().CountAsync(q => q.ChatId == chatId)));
    }

    [Fact]
    public async Task MKT08_MKT03_on_a_request_listing_the_owner_buys_and_on_an_offer_the_owner_sells()
    {
        var owner = await TrustedAsync(app);
        var other = await TrustedAsync(app);
        var request = await ListingAsync(owner, ListingType.Request, "Wanted: 200 m³ of pine boards");
        var offer = await ListingAsync(owner, ListingType.Offer, "Spruce pellets, 6 mm");

        // The owner of a request receives a quote from a supplier and accepts it: the owner buys.
        var (requestChat, _) = await StartWithListingAsync(other, owner, request);
        using var supplier = app.Api(other.Token);
        var quoted = (await QuoteAsync(supplier, requestChat, Terms())).GetProperty("id").GetGuid();
        using var ownerClient = app.Api(owner.Token);
        Assert.Equal(HttpStatusCode.Created, (await ownerClient.PostAsync($"/api/v1/quotes/{quoted}/accept", null)).StatusCode);

        // On an offer the owner sells, even when the buyer names the price and the owner accepts.
        var (offerChat, _) = await StartWithListingAsync(other, owner, offer);
        var counter = (await QuoteAsync(supplier, offerChat, Terms())).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await ownerClient.PostAsync($"/api/v1/quotes/{counter}/accept", null)).StatusCode);

        var deals = (await (await ownerClient.GetAsync("/api/v1/deals")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, deals.Count);
        var onRequest = deals.Single(d => d.GetProperty("listingId").GetGuid() == request);
        Assert.Equal("buyer", onRequest.GetProperty("role").GetString());
        Assert.Equal("Wanted: 200 m³ of pine boards", onRequest.GetProperty("listingTitle").GetString());
        Assert.Equal("seller", deals.Single(d => d.GetProperty("listingId").GetGuid() == offer).GetProperty("role").GetString());
    }

    private async Task<(Guid ChatId, long MessageId)> StartWithListingAsync(TestMember from, TestMember to, Guid listingId)
    {
        using var client = app.Api(from.Token);
        var started = await (await client.PostAsJsonAsync("/api/v1/chats", new { to = to.Id.ToString(), listingId, text = "About your listing" })).JsonAsync();
        return (started.GetProperty("chatId").GetGuid(), started.GetProperty("messageId").GetInt64());
    }

    private Task<Guid> ListingAsync(TestMember owner, ListingType type, string title) => app.WithDb(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var listing = new Listing
        {
            Type = type,
            Status = ListingStatus.Active,
            OwnerId = owner.Id,
            Title = title,
            Description = "Dry, planed.",
            CategoryId = await db.Set<Category>().Select(c => c.Id).FirstAsync(),
            Price = 1_500_000,
            Currency = "RUB",
            Unit = "m3",
            Quantity = 200,
            Country = "RU",
            Region = "Arkhangelsk",
            PostedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddDays(60),
        };
        db.Set<Listing>().Add(listing);
        await db.SaveChangesAsync();
        return listing.Id;
    });
}
