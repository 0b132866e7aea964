using Microsoft.Extensions.Options;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Shared;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Marketplace.Search.Index;
using static Tradehall.Tests.Marketplace.ListingSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-02: the in-memory index follows the database — on the writing node at once, on other nodes at their next read of the feed.</summary>
public sealed class SearchFeedTests(ListingSteps.App app) : IClassFixture<ListingSteps.App>
{
    private static async Task<IReadOnlyList<Guid>> FindAsync(TradehallApp node, string words)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ListingSearch>().SearchAsync(new SearchCriteria(words), PageRequest.Of(1, 100), CancellationToken.None);
        return [.. result.Items.Select(i => i.Id)];
    }

    private static string Unique() => "w" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task MKT02_a_poster_finds_the_listing_as_soon_as_it_is_saved_and_not_once_withdrawn()
    {
        var owner = await Members.RegisterAsync(app);
        var word = Unique();
        var id = await PostedAsync(app, owner, "Spruce boards " + word);
        Assert.Equal([id], await FindAsync(app, word));

        using var client = app.Api(owner.Token);
        (await client.DeleteAsync($"/api/v1/listings/{id}")).EnsureSuccessStatusCode();
        Assert.Empty(await FindAsync(app, word));
    }

    [Fact]
    public async Task MKT02_a_set_based_change_of_entries_reaches_the_index_before_the_writer_goes_on()
    {
        var owner = await Members.RegisterAsync(app);
        var word = Unique();
        var id = await PostedAsync(app, owner, "Birch plywood " + word);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SearchIndex>().RemoveOwnerAsync(owner.Id, CancellationToken.None);
        }
        Assert.DoesNotContain(id, await FindAsync(app, word));
    }

    [PostgresFact("several nodes share PostgreSQL; SQLite is one node")]
    public async Task MKT02_another_node_finds_a_new_listing_at_its_next_read_of_the_feed()
    {
        using var nodeB = Nodes.SecondNodeOf(app);
        var word = Unique();
        Assert.Empty(await FindAsync(nodeB, word));
        var owner = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner, "Larch decking " + word);
        // The clock stands still, so node B has not read the feed since: it cannot know the listing yet.
        Assert.Empty(await FindAsync(nodeB, word));

        // One feed interval later node B reads the feed (on the clock's word, not after a real wait) and finds it.
        var read = nodeB.Services.GetRequiredService<ListingIndexFeed>().NextReadAsync(CancellationToken.None);
        app.Clock.Advance(nodeB.Services.GetRequiredService<IOptions<MarketplaceOptions>>().Value.SearchFeedInterval);
        await read.WaitAsync(Arrival.Patience);
        Assert.Equal([id], await FindAsync(nodeB, word));
    }

    [PostgresFact("only PostgreSQL commits change numbers out of order")]
    public async Task MKT02_a_change_that_commits_after_a_later_one_is_not_missed()
    {
        var owner = await Members.RegisterAsync(app);
        var (early, late) = (Unique(), Unique());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var held = await SearchData.AddAsync(app, owner.Id, Seed(early), db);

        // A later change commits first: the index reads it and remembers the number still open before it.
        var committed = await SearchData.AddAsync(app, owner.Id, Seed(late));
        Assert.Equal([committed], await FindAsync(app, late));
        Assert.Empty(await FindAsync(app, early));

        await transaction.CommitAsync();
        Assert.Equal([held], await FindAsync(app, early));
    }

    [Fact]
    public async Task MKT02_an_index_built_again_from_the_database_answers_as_the_running_one()
    {
        var owner = await Members.RegisterAsync(app);
        var word = Unique();
        await PostedAsync(app, owner, "Pine beams " + word);
        await using var scope = app.Services.CreateAsyncScope();
        var (rebuilt, _, _) = await scope.ServiceProvider.GetRequiredService<ListingIndexSource>().BuildAsync(CancellationToken.None);
        var running = await app.Services.GetRequiredService<ListingIndexFeed>().IndexAsync(CancellationToken.None);
        var criteria = await scope.ServiceProvider.GetRequiredService<SearchCriteriaRules>().ResolveAsync(new SearchCriteria("pine"), new(), CancellationToken.None);
        Assert.Equal(running.LiveCount, rebuilt.LiveCount);
        Assert.Equal(running.Search(criteria, 0, 1_000, 10_000).Page.Select(h => h.ListingId), rebuilt.Search(criteria, 0, 1_000, 10_000).Page.Select(h => h.ListingId));
    }

    private static SeedListing Seed(string word) => new("Oak planks " + word, "", ListingType.Offer, 17, "RU", "RUB", 100_000, 0);
}
