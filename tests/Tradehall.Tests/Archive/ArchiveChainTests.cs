using System.Diagnostics;
using Tradehall.Core.Archive;
using Tradehall.Core.Data;

namespace Tradehall.Tests.Archive;

public sealed class ArchiveChainTests
{
    private static async Task<TradehallApp> AppWithEvents(int members)
    {
        var app = new TradehallApp();
        for (var i = 0; i < members; i++)
        {
            await Members.RegisterAsync(app);
        }
        return app;
    }

    [Fact]
    public async Task ARC01_chain_of_real_events_verifies_intact()
    {
        using var app = await AppWithEvents(3);
        var result = await app.WithDb(db => ArchiveChain.VerifyAsync(db));
        Assert.True(result.Intact, result.Problem);
        Assert.True(result.RecordsChecked >= 9);
    }

    [Fact]
    public async Task ARC01_altered_record_is_detected()
    {
        using var app = await AppWithEvents(2);
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"UPDATE archive_records SET \"Subject\" = 'member:someone-else' WHERE \"Sequence\" = 3"));
        var result = await app.WithDb(db => ArchiveChain.VerifyAsync(db));
        Assert.False(result.Intact);
        Assert.Contains("record 3 was altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_removed_record_is_detected()
    {
        using var app = await AppWithEvents(2);
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"DELETE FROM archive_records WHERE \"Sequence\" = 2"));
        var result = await app.WithDb(db => ArchiveChain.VerifyAsync(db));
        Assert.False(result.Intact);
        Assert.Contains("record 2 is missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_recomputed_hash_of_an_altered_record_still_breaks_the_next_link()
    {
        using var app = await AppWithEvents(2);
        await app.WithDb(async db =>
        {
            var record = await db.Set<ArchiveRecord>().SingleAsync(r => r.Sequence == 2);
            record.Action = "account.nothing_happened";
            var forged = ArchiveChain.Compute(record);
            await db.Database.ExecuteSqlAsync($"UPDATE archive_records SET \"Action\" = 'account.nothing_happened', \"Hash\" = {forged} WHERE \"Sequence\" = 2");
        });
        var result = await app.WithDb(db => ArchiveChain.VerifyAsync(db));
        Assert.Contains("record 3 does not link to record 2", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_parallel_events_form_one_unbroken_chain()
    {
        using var app = new TradehallApp();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Members.RegisterAsync(app)));
        var result = await app.WithDb(db => ArchiveChain.VerifyAsync(db));
        Assert.True(result.Intact, result.Problem);
        var count = await app.WithDb(db => db.Set<ArchiveRecord>().CountAsync());
        Assert.Equal(count, result.RecordsChecked);
    }
}
