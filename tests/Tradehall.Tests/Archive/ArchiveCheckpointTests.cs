using Tradehall.Core.Archive;

namespace Tradehall.Tests.Archive;

/// <summary>ARC-01: the chain's head anchored in the data folder, so removing the newest records is caught too.</summary>
public sealed class ArchiveCheckpointTests
{
    private static Task<(int Exit, string Out, string Err)> Tradehall(TradehallApp app, params string[] args) =>
        TradehallProcess.RunAsync(app.Database, "Production", null, args);

    private static async Task<TradehallApp> AppWithEvents(int members)
    {
        var app = new TradehallApp();
        for (var i = 0; i < members; i++)
        {
            await Members.RegisterAsync(app);
        }
        return app;
    }

    private static Task<ArchiveHead> DatabaseHeadAsync(TradehallApp app) =>
        app.WithDb(db => db.Set<ArchiveRecord>().AsNoTracking().OrderByDescending(r => r.Sequence)
            .Select(r => new ArchiveHead(r.Sequence, r.Hash)).FirstAsync());

    private static string CheckpointFile(TradehallApp app) => app.Services.GetRequiredService<ArchiveCheckpoint>().FilePath;

    private static Task<int> DeleteNewestAsync(TradehallApp app, long keep) =>
        app.WithDb(db => db.Database.ExecuteSqlAsync($"DELETE FROM archive_records WHERE \"Sequence\" > {keep}"));

    [Fact]
    public async Task ARC01_untouched_archive_verifies_intact_and_prints_the_head()
    {
        using var app = await AppWithEvents(2);
        var head = await DatabaseHeadAsync(app);
        Assert.Equal($"{head.Sequence} {head.Hash}", (await File.ReadAllTextAsync(CheckpointFile(app))).Trim());

        var (exit, output, error) = await Tradehall(app, "archive", "verify");
        Assert.True(exit == 0, output + error);
        Assert.Equal($"intact: {head.Sequence} records, head {head.Sequence} {head.Hash}", output.Trim());

        var expected = await Tradehall(app, "archive", "verify", "--expect-head", $"{head.Sequence}:{head.Hash}");
        Assert.True(expected.Exit == 0, expected.Out + expected.Err);
        Assert.StartsWith("intact", expected.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_removing_the_newest_record_is_detected_by_archive_verify()
    {
        using var app = await AppWithEvents(2);
        var head = await DatabaseHeadAsync(app);
        await DeleteNewestAsync(app, head.Sequence - 1);

        var (exit, output, error) = await Tradehall(app, "archive", "verify");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("intact", output, StringComparison.Ordinal);
        Assert.Contains($"the chain ends at record {head.Sequence - 1} but the checkpoint", error, StringComparison.Ordinal);
        Assert.Contains($"says {head.Sequence} with hash {head.Hash}: record {head.Sequence} is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_removing_the_three_newest_records_is_detected_by_archive_verify()
    {
        using var app = await AppWithEvents(3);
        var head = await DatabaseHeadAsync(app);
        await DeleteNewestAsync(app, head.Sequence - 3);

        var (exit, _, error) = await Tradehall(app, "archive", "verify");
        Assert.Equal(1, exit);
        Assert.Contains($"the chain ends at record {head.Sequence - 3} but the checkpoint", error, StringComparison.Ordinal);
        Assert.Contains($"records {head.Sequence - 2} to {head.Sequence} are missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_an_altered_checkpoint_hash_fails_verify()
    {
        using var app = await AppWithEvents(1);
        var head = await DatabaseHeadAsync(app);
        var forged = new string('a', 64);
        await File.WriteAllTextAsync(CheckpointFile(app), $"{head.Sequence} {forged}\n");

        var (exit, _, error) = await Tradehall(app, "archive", "verify");
        Assert.Equal(1, exit);
        Assert.Contains($"record {head.Sequence} has hash {head.Hash} but the checkpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_a_kept_head_catches_removal_even_without_the_checkpoint()
    {
        using var app = await AppWithEvents(2);
        var head = await DatabaseHeadAsync(app);
        await DeleteNewestAsync(app, head.Sequence - 1);
        File.Delete(CheckpointFile(app));

        var (exit, _, error) = await Tradehall(app, "archive", "verify", "--expect-head", $"{head.Sequence}:{head.Hash}");
        Assert.Equal(1, exit);
        Assert.Contains($"but the expected head says {head.Sequence} with hash {head.Hash}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC01_a_missing_checkpoint_fails_verify_until_the_operator_resets_it()
    {
        using var app = await AppWithEvents(1);
        var head = await DatabaseHeadAsync(app);
        File.Delete(CheckpointFile(app));

        var missing = await Tradehall(app, "archive", "verify");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("there is no checkpoint at", missing.Err, StringComparison.Ordinal);
        Assert.Contains($"intact up to head {head.Sequence} {head.Hash}", missing.Err, StringComparison.Ordinal);

        var kept = await Tradehall(app, "archive", "verify", "--expect-head", $"{head.Sequence}:{head.Hash}");
        Assert.True(kept.Exit == 0, kept.Out + kept.Err);
        Assert.Contains("warning: there is no checkpoint", kept.Err, StringComparison.Ordinal);

        var refused = await Tradehall(app, "archive", "checkpoint");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--reset", refused.Err, StringComparison.Ordinal);

        var reset = await Tradehall(app, "archive", "checkpoint", "--reset");
        Assert.True(reset.Exit == 0, reset.Out + reset.Err);
        var after = await DatabaseHeadAsync(app);
        Assert.Equal(head.Sequence + 1, after.Sequence);
        Assert.Equal($"checkpoint reset: head {after.Sequence} {after.Hash} (was none)", reset.Out.Trim());
        Assert.Equal(ArchiveAudit.ResetAction, await app.WithDb(db => db.Set<ArchiveRecord>().Where(r => r.Sequence == after.Sequence).Select(r => r.Action).SingleAsync()));

        var verified = await Tradehall(app, "archive", "verify");
        Assert.True(verified.Exit == 0, verified.Out + verified.Err);
        Assert.Equal($"intact: {after.Sequence} records, head {after.Sequence} {after.Hash}", verified.Out.Trim());
    }

    [Fact]
    public async Task ARC01_a_rolled_back_record_never_moves_the_checkpoint()
    {
        using var app = await AppWithEvents(1);
        var head = await DatabaseHeadAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Tradehall.Core.Data.AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<EvidenceArchive>().Record("test.rolled_back", "test:1", null);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.Equal(head, app.Services.GetRequiredService<ArchiveCheckpoint>().Read());
        await Members.RegisterAsync(app);
        var newer = await DatabaseHeadAsync(app);
        Assert.True(newer.Sequence > head.Sequence);
        Assert.Equal(newer, app.Services.GetRequiredService<ArchiveCheckpoint>().Read());
    }
}
