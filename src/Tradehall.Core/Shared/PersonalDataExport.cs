namespace Tradehall.Core.Shared;

/// <summary>
/// PRV-03: one module's part of a member's data export. Each module that keeps a member's data implements it over its
/// own tables, so the export reads no module's tables from outside; the export collects every implementation.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>What the module keeps about <paramref name="memberId"/>: the member's own data, never secrets or other members' contact details.</summary>
    Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken);
}

/// <summary>A section of <c>data.json</c> (<paramref name="Name"/>: its parts) and the files that go beside it.</summary>
public sealed record PersonalDataSection(string Name, IReadOnlyDictionary<string, object?> Parts, IReadOnlyList<PersonalDataFile> Files)
{
    public PersonalDataSection(string name, IReadOnlyDictionary<string, object?> parts) : this(name, parts, []) { }
}

/// <summary>
/// A file of the export, placed at <c>files/{section}/{Path}</c>; <see cref="Open"/> gives its content, or null when it is
/// gone (a stored file removed meanwhile), and the export then goes without it.
/// </summary>
public sealed record PersonalDataFile(string Path, Func<CancellationToken, Task<Stream?>> Open)
{
    /// <summary>A file kept in the <see cref="IFileStore"/> under <paramref name="key"/>.</summary>
    public static PersonalDataFile Stored(string path, IFileStore store, string key) => new(path, _ => Task.FromResult(store.Open(key)));

    /// <summary>A file made on demand (a document rendered from its record).</summary>
    public static PersonalDataFile Bytes(string path, Func<CancellationToken, Task<byte[]>> content) =>
        new(path, async ct => new MemoryStream(await content(ct), writable: false));
}
