using Microsoft.Extensions.Hosting;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network.Directory;

/// <summary>
/// NET-06: gives the transliteration keys to profiles and organizations keyed before them or by an older
/// <see cref="NameSkeleton.Version"/>. The reduction cannot be written in SQL, so the migration only adds the columns and
/// this runs at start; until a row is keyed it is still found by its folded columns. Each key is made from the row's own
/// folded columns and written only while they are unchanged, so a page saved meanwhile (which keys itself) is never
/// overwritten, and nodes starting together do the same work harmlessly.
/// </summary>
public sealed partial class DirectoryKeys(AppDbContext db, ILogger<DirectoryKeys> logger)
{
    private const int Batch = 500;

    /// <summary>Keys every outdated row; answers how many were keyed.</summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken)
    {
        var keyed = await ProfilesAsync(cancellationToken) + await OrganizationsAsync(cancellationToken);
        if (keyed > 0)
        {
            Keyed(logger, keyed, NameSkeleton.Version);
        }
        return keyed;
    }

    private Task<int> ProfilesAsync(CancellationToken cancellationToken) => InBatchesAsync(
        token => db.Set<Profile>().AsNoTracking()
            .Where(p => p.SearchKeyVersion < NameSkeleton.Version)
            .OrderBy(p => p.MemberId).Take(Batch)
            .Select(p => new { p.MemberId, p.SearchName, p.SearchCity })
            .ToListAsync(token),
        (row, token) =>
        {
            var (name, city) = Profile.Keys(row.SearchName, row.SearchCity);
            return db.Set<Profile>()
                .Where(p => p.MemberId == row.MemberId && p.SearchKeyVersion < NameSkeleton.Version
                    && p.SearchName == row.SearchName && p.SearchCity == row.SearchCity)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SearchNameKey, name).SetProperty(p => p.SearchCityKey, city)
                    .SetProperty(p => p.SearchKeyVersion, NameSkeleton.Version), token);
        }, cancellationToken);

    private Task<int> OrganizationsAsync(CancellationToken cancellationToken) => InBatchesAsync(
        token => db.Set<Organization>().AsNoTracking()
            .Where(o => o.SearchKeyVersion < NameSkeleton.Version)
            .OrderBy(o => o.Id).Take(Batch)
            .Select(o => new { o.Id, o.SearchName, o.SearchCity, o.SearchIndustry })
            .ToListAsync(token),
        (row, token) =>
        {
            var (name, city, industry) = Organization.Keys(row.SearchName, row.SearchCity, row.SearchIndustry);
            return db.Set<Organization>()
                .Where(o => o.Id == row.Id && o.SearchKeyVersion < NameSkeleton.Version
                    && o.SearchName == row.SearchName && o.SearchCity == row.SearchCity && o.SearchIndustry == row.SearchIndustry)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.SearchNameKey, name).SetProperty(o => o.SearchCityKey, city)
                    .SetProperty(o => o.SearchIndustryKey, industry).SetProperty(o => o.SearchKeyVersion, NameSkeleton.Version), token);
        }, cancellationToken);

    /// <summary>
    /// Keys the <paramref name="outdated"/> rows a batch at a time, each batch in one transaction, until none is left — or
    /// until every row of a batch changed while it was keyed: a page saved then keys itself, and the next start takes the rest.
    /// </summary>
    private async Task<int> InBatchesAsync<TRow>(
        Func<CancellationToken, Task<List<TRow>>> outdated, Func<TRow, CancellationToken, Task<int>> key, CancellationToken cancellationToken)
    {
        var keyed = 0;
        while (true)
        {
            var rows = await outdated(cancellationToken);
            if (rows.Count == 0)
            {
                return keyed;
            }
            var before = keyed;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in rows)
            {
                keyed += await key(row, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            if (keyed == before)
            {
                return keyed;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory: {Count} profiles and organizations given transliteration keys of version {Version}")]
    private static partial void Keyed(ILogger logger, int count, int version);
}

/// <summary>Runs <see cref="DirectoryKeys"/> once, after the start's migrations, off the start path.</summary>
public sealed partial class DirectoryKeysWorker(IServiceScopeFactory scopes, ILogger<DirectoryKeysWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DirectoryKeys>().BackfillAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unkeyed rows are still found by their folded columns; the next start tries again.
            Failed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Directory: giving transliteration keys failed; the next start tries again")]
    private static partial void Failed(ILogger logger, Exception exception);
}
