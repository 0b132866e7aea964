using Tradehall.Core.Marketplace.Listings;
using static Tradehall.Tests.Marketplace.ListingSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>ANL-04: a listing's views count each viewer once per repeat window (30 minutes), on every node, with the fake clock.</summary>
public sealed class ListingViewTests(ListingSteps.App app) : IClassFixture<ListingSteps.App>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    private static async Task ViewAsync(TradehallApp node, Guid id, string? token = null)
    {
        using var client = node.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/listings/{id}")).StatusCode);
    }

    private Task<long> ViewsAsync(Guid id) => app.WithDb(db => db.Set<Listing>().Where(l => l.Id == id).Select(l => l.Views).SingleAsync());

    private Task<int> MarksAsync(Guid id) => app.WithDb(db => db.Set<ListingViewMark>().CountAsync(m => m.ListingId == id));

    [Fact]
    public async Task ANL04_the_same_viewer_counts_again_only_once_the_repeat_window_has_passed()
    {
        var owner = await Members.RegisterAsync(app);
        var buyer = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner);

        await ViewAsync(app, id, owner.Token);
        await ViewAsync(app, id, buyer.Token);
        app.Clock.Advance(Window - TimeSpan.FromSeconds(1));
        await ViewAsync(app, id, buyer.Token);
        Assert.Equal(1, await ViewsAsync(id));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await ViewAsync(app, id, buyer.Token);
        // A visitor without an account is a viewer of its own (by address).
        await ViewAsync(app, id);
        await ViewAsync(app, id);
        Assert.Equal(3, await ViewsAsync(id));

        // Housekeeping forgets the marks once their window has passed; none is kept for the owner, who is never counted.
        Assert.Equal(2, await MarksAsync(id));
        app.Clock.Advance(Window);
        await RunExpiryAsync(app);
        Assert.Equal(0, await MarksAsync(id));
    }

    [PostgresFact("several nodes share PostgreSQL; SQLite is one node")]
    public async Task ANL04_a_repeat_answered_by_another_node_is_not_counted_twice()
    {
        using var nodeB = Nodes.SecondNodeOf(app);
        var owner = await Members.RegisterAsync(app);
        var buyer = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner);

        await Task.WhenAll(ViewAsync(app, id, buyer.Token), ViewAsync(nodeB, id, buyer.Token));
        await ViewAsync(nodeB, id, buyer.Token);
        Assert.Equal(1, await ViewsAsync(id));
    }
}
