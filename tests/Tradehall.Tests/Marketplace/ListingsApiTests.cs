using System.Text;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Tests.Network;
using static Tradehall.Tests.Marketplace.ListingSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-01, MKT-05, MKT-06, ANL-04: listings through the JSON API.</summary>
public sealed class ListingsApiTests(ListingSteps.App app) : IClassFixture<ListingSteps.App>
{
    private Task<ListingSearchEntry?> EntryAsync(Guid id) =>
        app.WithDb(db => db.Set<ListingSearchEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.ListingId == id));

    [Fact]
    public async Task MKT01_a_member_posts_a_listing_and_anyone_reads_it_with_every_field()
    {
        var owner = await Members.RegisterAsync(app);
        var category = await CategoryAsync(app);
        var created = await PostAsync(app, owner, Body(category));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        using var anonymous = app.Api();
        var view = await (await anonymous.GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.Equal("offer", view.GetProperty("type").GetString());
        Assert.Equal("active", view.GetProperty("status").GetString());
        Assert.Equal("Spruce boards 50x150, grade A", view.GetProperty("title").GetString());
        Assert.Contains("**spruce**", view.GetProperty("description").GetString());
        Assert.Equal(category, view.GetProperty("category").GetProperty("id").GetInt32());
        Assert.Equal("Boards", view.GetProperty("category").GetProperty("name").GetString());
        Assert.Equal(18500.50m, view.GetProperty("price").GetDecimal());
        Assert.Equal("RUB", view.GetProperty("currency").GetString());
        Assert.Equal("m3", view.GetProperty("unit").GetString());
        Assert.Equal(120.5m, view.GetProperty("quantity").GetDecimal());
        Assert.Equal("RU", view.GetProperty("country").GetString());
        Assert.Equal("Arkhangelsk oblast", view.GetProperty("region").GetString());
        Assert.Equal(owner.Id, view.GetProperty("owner").GetProperty("id").GetGuid());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(60), view.GetProperty("expiresAt").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(JsonValueKindNull, view.GetProperty("stats").ValueKind);
        Assert.False(view.GetProperty("highlighted").GetBoolean());

        var entry = await EntryAsync(id);
        Assert.NotNull(entry);
        Assert.False(entry.Highlighted);
        Assert.Equal(1850050, entry.Price);
        Assert.DoesNotContain("**", entry.Description, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/listings/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/listings", Body(category))).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    public static TheoryData<string, object?, string> BadInputs() => new()
    {
        { "type", "sell", "type" },
        { "title", "", "title" },
        { "title", "   ", "title" },
        { "title", new string('x', 151), "title" },
        { "description", "", "description" },
        { "description", new string('d', 20_001), "description" },
        { "description", new string('m', 1_000_000), "description" },
        { "categoryId", 999_999, "categoryId" },
        { "categoryId", null, "categoryId" },
        { "price", 0m, "price" },
        { "price", -5m, "price" },
        { "price", 10_000_000_001m, "price" },
        { "price", 10.005m, "price" },
        { "currency", "XYZ", "currency" },
        { "currency", null, "currency" },
        { "unit", "parsec", "unit" },
        { "quantity", 0m, "quantity" },
        { "quantity", -1m, "quantity" },
        { "quantity", 1_000_000_000_000m, "quantity" },
        { "country", "XX", "country" },
        { "country", "RUS", "country" },
        { "region", "", "region" },
        { "region", new string('r', 101), "region" },
        { "organizationId", "0196f000-0000-7000-8000-000000000001", "organizationId" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task MKT01_bad_input_is_refused_naming_the_field_and_nothing_is_written(string field, object? value, string errorKey)
    {
        var owner = await Members.RegisterAsync(app);
        var body = Body(await CategoryAsync(app));
        body[field] = value;
        var response = await PostAsync(app, owner, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorKey, out _), problem.ToString());
        Assert.Equal(0, await app.WithDb(db => db.Set<Listing>().CountAsync(l => l.OwnerId == owner.Id)));
    }

    [Fact]
    public async Task MKT01_a_listing_may_be_posted_for_an_organization_of_the_owner_only()
    {
        var owner = await Members.RegisterAsync(app);
        var stranger = await Members.RegisterAsync(app);
        await NetworkSteps.ConfirmAsync(app, owner.Id);
        using var ownerClient = app.Api(owner.Token);
        var organizationCreated = await ownerClient.PostAsJsonAsync("/api/v1/organizations", new { name = "Pomor Timber " + Guid.NewGuid().ToString("N")[..6] });
        Assert.True(organizationCreated.IsSuccessStatusCode, await organizationCreated.Content.ReadAsStringAsync());
        var organization = (await organizationCreated.JsonAsync()).GetProperty("id").GetGuid();
        var word = "pomor" + Guid.NewGuid().ToString("N")[..8];
        var body = Body(await CategoryAsync(app), "Larch sleepers " + word);
        body["organizationId"] = organization;

        var refused = await PostAsync(app, stranger, body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));

        var created = await PostAsync(app, owner, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await (await app.Api().GetAsync($"/api/v1/listings/{(await created.JsonAsync()).GetProperty("id").GetGuid()}")).JsonAsync();
        Assert.Equal(organization, view.GetProperty("organization").GetProperty("id").GetGuid());
        Assert.Equal(owner.Id, view.GetProperty("owner").GetProperty("id").GetGuid());

        // Search names the company beside the member who posted for it, in the API and on the page.
        var found = (await (await app.Api().GetAsync("/api/v1/listings/search?q=" + word)).JsonAsync()).GetProperty("items").EnumerateArray().Single();
        var company = found.GetProperty("organization");
        Assert.Equal(organization, company.GetProperty("id").GetGuid());
        Assert.Equal(view.GetProperty("organization").GetProperty("slug").GetString(), company.GetProperty("slug").GetString());
        Assert.StartsWith("Pomor Timber ", company.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(owner.Id, found.GetProperty("owner").GetProperty("id").GetGuid());
        var page = await app.Api().GetStringAsync("/listings?q=" + word);
        Assert.Contains($"href=\"/o/{company.GetProperty("slug").GetString()}\"", page, StringComparison.Ordinal);
        var personal = await PostedAsync(app, owner, "Larch beams " + word);
        var items = (await (await app.Api().GetAsync("/api/v1/listings/search?sort=newest&q=" + word)).JsonAsync()).GetProperty("items");
        Assert.Equal(JsonValueKind.Null, items.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == personal).GetProperty("organization").ValueKind);
    }

    [Fact]
    public async Task MKT05_free_member_cannot_post_a_fourth_active_listing()
    {
        var owner = await Members.RegisterAsync(app);
        for (var i = 0; i < 3; i++)
        {
            await PostedAsync(app, owner, $"Pine logs lot {i}");
        }
        var fourth = await PostAsync(app, owner, Body(await CategoryAsync(app), "One too many"));
        Assert.Equal(HttpStatusCode.Forbidden, fourth.StatusCode);
        Assert.Equal("marketplace.listing_limit", (await fourth.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(3, await app.WithDb(db => db.Set<Listing>().CountAsync(l => l.OwnerId == owner.Id)));

        using var client = app.Api(owner.Token);
        var mine = await (await client.GetAsync("/api/v1/me/listings")).JsonAsync();
        Assert.Equal(3, mine.GetProperty("activeCount").GetInt32());
        Assert.Equal(3, mine.GetProperty("activeLimit").GetInt32());

        // Withdrawing one frees a place.
        var first = mine.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/listings/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, owner, Body(await CategoryAsync(app), "Now it fits"))).StatusCode);
    }

    [Fact]
    public async Task MKT05_racing_posts_of_a_free_member_never_pass_the_limit()
    {
        var owner = await Members.RegisterAsync(app);
        var category = await CategoryAsync(app);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostAsync(app, owner, Body(category, $"Racing lot {i}"))));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
        Assert.Equal(3, await app.WithDb(db => db.Set<Listing>().CountAsync(l => l.OwnerId == owner.Id && l.Status == ListingStatus.Active)));
    }

    [Fact]
    public async Task MKT05_a_marketplace_subscriber_posts_without_limit_and_is_highlighted()
    {
        var subscriber = await SubscriberAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await PostedAsync(app, subscriber, $"Birch plywood lot {i}"));
        }
        Assert.All(await Task.WhenAll(ids.Select(EntryAsync)), e => Assert.True(e!.Highlighted));
        using var client = app.Api(subscriber.Token);
        var mine = await (await client.GetAsync("/api/v1/me/listings")).JsonAsync();
        Assert.Equal(5, mine.GetProperty("activeCount").GetInt32());
        Assert.Equal(JsonValueKindNull, mine.GetProperty("activeLimit").ValueKind);
        Assert.True((await (await app.Api().GetAsync($"/api/v1/listings/{ids[0]}")).JsonAsync()).GetProperty("highlighted").GetBoolean());
    }

    [Fact]
    public async Task MKT01_only_the_owner_edits_renews_withdraws_and_outsiders_get_404()
    {
        var owner = await Members.RegisterAsync(app);
        var other = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner);
        var category = await CategoryAsync(app);
        using var otherClient = app.Api(other.Token);
        var edit = Body(category, "Hijacked");
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.PutAsJsonAsync($"/api/v1/listings/{id}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.PostAsync($"/api/v1/listings/{id}/renew", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.DeleteAsync($"/api/v1/listings/{id}")).StatusCode);

        using var ownerClient = app.Api(owner.Token);
        var bad = Body(category, "");
        Assert.Equal(HttpStatusCode.BadRequest, (await ownerClient.PutAsJsonAsync($"/api/v1/listings/{id}", bad)).StatusCode);
        var good = Body(category, "Spruce boards, now 6.1 m");
        good["price"] = 19000m;
        var edited = await ownerClient.PutAsJsonAsync($"/api/v1/listings/{id}", good);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Spruce boards, now 6.1 m", (await (await app.Api().GetAsync($"/api/v1/listings/{id}")).JsonAsync()).GetProperty("title").GetString());
        var entry = await EntryAsync(id);
        Assert.Equal("Spruce boards, now 6.1 m", entry!.Title);
        Assert.Equal(1900000, entry.Price);
    }

    [Fact]
    public async Task MKT01_a_withdrawn_listing_leaves_the_index_and_the_public()
    {
        var owner = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner);
        Assert.NotNull(await EntryAsync(id));
        using var client = app.Api(owner.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/listings/{id}")).StatusCode);
        Assert.Null(await EntryAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/listings/{id}")).StatusCode);
        // The owner still sees it, as withdrawn, and cannot bring it back by renewal.
        Assert.Equal("withdrawn", (await (await client.GetAsync($"/api/v1/listings/{id}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/listings/{id}/renew", null)).StatusCode);
    }

    [Fact]
    public async Task MKT01_photos_are_reencoded_served_inert_limited_and_removable()
    {
        var owner = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner);
        using var client = app.Api(owner.Token);
        static MultipartFormDataContent Form(byte[] content) => new() { { new ByteArrayContent(content), "photo", "photo.jpg" } };

        var added = await client.PostAsync($"/api/v1/listings/{id}/photos", Form(NetworkPageTests.JpegWithGps()));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var photo = await added.JsonAsync();
        var url = photo.GetProperty("url").GetString()!;
        var served = await app.Api().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True((await served.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf("GPS-MARK"u8) < 0);
        var view = await (await app.Api().GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.Equal(url, view.GetProperty("photos")[0].GetProperty("url").GetString());

        var refused = await client.PostAsync($"/api/v1/listings/{id}/photos", Form(Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("photo", out _));

        var other = await Members.RegisterAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(other.Token).PostAsync($"/api/v1/listings/{id}/photos", Form(NetworkPageTests.JpegWithGps()))).StatusCode);

        var photoId = photo.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/listings/{id}/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task MKT06_a_complaint_reaches_the_operator_and_blocking_removes_the_listing_and_tells_the_owner()
    {
        var owner = await Members.RegisterAsync(app);
        var reporter = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner, "Suspiciously cheap pellets");
        using var reporterClient = app.Api(reporter.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporterClient.PostAsJsonAsync($"/api/v1/listings/{id}/complaints", new { reason = "" })).StatusCode);
        var reported = await reporterClient.PostAsJsonAsync($"/api/v1/listings/{id}/complaints", new { reason = "Looks like a scam" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await app.Api(owner.Token).PostAsJsonAsync($"/api/v1/listings/{id}/complaints", new { reason = "Me" })).StatusCode);

        var operatorToken = await Operators.TokenAsync(app);
        using var staff = app.Api(operatorToken);
        var queue = await (await staff.GetAsync("/api/v1/operator/listing-complaints")).JsonAsync();
        var item = queue.EnumerateArray().Single(c => c.GetProperty("listingId").GetGuid() == id);
        Assert.Equal("Looks like a scam", item.GetProperty("reason").GetString());
        Assert.Equal("Suspiciously cheap pellets", item.GetProperty("listingTitle").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporterClient.PostAsync($"/api/v1/operator/listings/{id}/block", null)).StatusCode);

        // The console page shows the listing complaint beside message complaints.
        using var console = await Operators.ConsoleBrowserAsync(app);
        var (_, page) = await console.GetAsync("/operator/complaints");
        Assert.Contains("Looks like a scam", page.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/operator/listings/{id}/block", null)).StatusCode);
        Assert.Null(await EntryAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/listings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Api(owner.Token).PostAsync($"/api/v1/listings/{id}/renew", null)).StatusCode);
        Assert.True(await app.WithDb(db => db.Set<Core.Notifications.Notification>()
            .AnyAsync(n => n.MemberId == owner.Id && n.Type == Core.Notifications.NotificationType.ListingBlocked)));
    }

    [Fact]
    public async Task ANL04_views_by_others_and_inquiry_chats_are_counted_for_the_owner()
    {
        var owner = await Messaging.ChatSteps.TrustedAsync(app);
        var buyer = await Messaging.ChatSteps.TrustedAsync(app);
        var id = await PostedAsync(app, owner);
        using var ownerClient = app.Api(owner.Token);
        using var buyerClient = app.Api(buyer.Token);

        await ownerClient.GetAsync($"/api/v1/listings/{id}");
        await buyerClient.GetAsync($"/api/v1/listings/{id}");
        // The same viewer again soon after is not a new view.
        await buyerClient.GetAsync($"/api/v1/listings/{id}");
        var started = await buyerClient.PostAsJsonAsync("/api/v1/chats", new { to = owner.Id.ToString(), listingId = id, text = "Is it still available?" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        // Writing again into the same inquiry is not a second inquiry.
        await buyerClient.PostAsJsonAsync("/api/v1/chats", new { to = owner.Id.ToString(), listingId = id, text = "And the price for 200 m3?" });

        var stats = (await (await ownerClient.GetAsync($"/api/v1/listings/{id}")).JsonAsync()).GetProperty("stats");
        Assert.Equal(1, stats.GetProperty("views").GetInt64());
        Assert.Equal(1, stats.GetProperty("inquiries").GetInt64());
        var mine = (await (await ownerClient.GetAsync("/api/v1/me/listings")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(1, mine.GetProperty("views").GetInt64());
        Assert.Equal(1, mine.GetProperty("inquiries").GetInt64());
    }

    [Fact]
    public async Task MKT03_an_inquiry_must_name_an_active_listing_of_the_addressee()
    {
        var owner = await Messaging.ChatSteps.TrustedAsync(app);
        var buyer = await Messaging.ChatSteps.TrustedAsync(app);
        var third = await Messaging.ChatSteps.TrustedAsync(app);
        var id = await PostedAsync(app, owner);
        using var buyerClient = app.Api(buyer.Token);

        var wrongOwner = await buyerClient.PostAsJsonAsync("/api/v1/chats", new { to = third.Id.ToString(), listingId = id, text = "Hello" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongOwner.StatusCode);
        Assert.True((await wrongOwner.JsonAsync()).GetProperty("errors").TryGetProperty("listingId", out _));
        var unknown = await buyerClient.PostAsJsonAsync("/api/v1/chats", new { to = owner.Id.ToString(), listingId = Guid.NewGuid(), text = "Hello" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        await app.Api(owner.Token).DeleteAsync($"/api/v1/listings/{id}");
        var withdrawn = await buyerClient.PostAsJsonAsync("/api/v1/chats", new { to = owner.Id.ToString(), listingId = id, text = "Hello" });
        Assert.Equal(HttpStatusCode.BadRequest, withdrawn.StatusCode);
    }
}
