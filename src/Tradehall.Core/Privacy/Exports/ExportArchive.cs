using System.IO.Compression;
using Microsoft.AspNetCore.Http.Json;

namespace Tradehall.Core.Privacy.Exports;

/// <summary>
/// PRV-03: writes a member's data as a zip: <c>data.json</c> with one section per module that keeps their data, and
/// their files under <c>files/{section}/</c>. Each module decides what of its data is the member's (<see cref="IPersonalDataSource"/>).
/// </summary>
public sealed class ExportArchive(IEnumerable<IPersonalDataSource> sources, IOptions<JsonOptions> json, TimeProvider time)
{
    public const string DataEntry = "data.json";

    private readonly JsonSerializerOptions serializer = new(json.Value.SerializerOptions) { WriteIndented = true };

    public async Task WriteAsync(Guid memberId, Stream output, CancellationToken cancellationToken)
    {
        var sections = new List<PersonalDataSection>();
        foreach (var source in sources)
        {
            sections.Add(await source.ExportAsync(memberId, cancellationToken));
        }
        sections.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await using (var entry = zip.CreateEntry(DataEntry, CompressionLevel.Optimal).Open())
        {
            var document = new Dictionary<string, object?>
            {
                ["exportedAt"] = time.UtcNow(),
                ["memberId"] = memberId,
            };
            foreach (var section in sections)
            {
                document[section.Name] = section.Parts;
            }
            await JsonSerializer.SerializeAsync(entry, document, serializer, cancellationToken);
        }
        foreach (var section in sections)
        {
            foreach (var file in section.Files)
            {
                await using var content = await file.Open(cancellationToken);
                if (content is null)
                {
                    continue;
                }
                await using var entry = zip.CreateEntry($"files/{section.Name}/{file.Path}", CompressionLevel.Optimal).Open();
                await content.CopyToAsync(entry, cancellationToken);
            }
        }
    }
}
