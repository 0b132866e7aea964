using System.Text.RegularExpressions;

namespace Tradehall.Core.Shared;

/// <summary>
/// RUN-03, SEC-07: where uploaded files live. Names are generated here, never taken from the upload, so a
/// file name cannot choose a path; every node reaches the same files when the folder is shared.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content under a new generated key (<c>area/ab/abcdef…</c>) and returns the key.</summary>
    Task<string> SaveAsync(string area, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored content, or null when the key is unknown or malformed.</summary>
    Stream? Open(string key);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>The default store: a folder under the data path (<c>files/</c>), which several nodes may share.</summary>
public sealed partial class FolderFileStore(IOptions<TradehallOptions> options) : IFileStore
{
    private string Root => Path.Combine(options.Value.FullDataPath, "files");

    public async Task<string> SaveAsync(string area, Stream content, CancellationToken cancellationToken)
    {
        if (!AreaPattern().IsMatch(area))
        {
            throw new ArgumentException("An area is lower-case letters and hyphens.", nameof(area));
        }
        var name = Guid.NewGuid().ToString("N");
        var key = $"{area}/{name[..2]}/{name}";
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and renamed, so a reader never sees half a file.
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        File.Move(partial, path);
        return key;
    }

    public Stream? Open(string key)
    {
        var path = PathOf(key);
        return path is not null && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (PathOf(key) is { } path)
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }

    private string? PathOf(string key) => KeyPattern().IsMatch(key) ? Path.Combine(Root, key) : null;

    [GeneratedRegex("^[a-z][a-z-]{0,39}$")]
    private static partial Regex AreaPattern();

    [GeneratedRegex("^[a-z][a-z-]{0,39}/[0-9a-f]{2}/[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
