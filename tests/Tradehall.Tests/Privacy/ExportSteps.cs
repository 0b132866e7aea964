using System.IO.Compression;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Privacy;

/// <summary>A host whose members can pay by the gateway, for the export tests.</summary>
public sealed class ExportApp : TradehallApp
{
    public ExportApp() => Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
}

/// <summary>An export as downloaded: the parsed <c>data.json</c> and every entry's bytes by name.</summary>
public sealed record DownloadedExport(JsonElement Data, IReadOnlyDictionary<string, byte[]> Entries);

/// <summary>PRV-03: the steps of asking for an export, waiting until the member is told it is ready and opening the zip.</summary>
public static class ExportSteps
{
    public static async Task<Guid> RequestAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/me/exports", null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits for the "ready" email the member gets, then answers the export as the API shows it.</summary>
    public static async Task<JsonElement> ReadyAsync(TradehallApp app, HttpClient client, string email, Guid id)
    {
        await app.Mail.Received.NextAsync(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("Your data is ready", StringComparison.Ordinal),
            "the export's ready notice");
        var response = await client.GetAsync($"/api/v1/me/exports/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await response.JsonAsync();
        Assert.Equal("ready", export.GetProperty("status").GetString());
        return export;
    }

    public static async Task<DownloadedExport> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var content = new MemoryStream();
                await using (var stream = entry.Open())
                {
                    await stream.CopyToAsync(content);
                }
                entries[entry.FullName] = content.ToArray();
            }
        }
        return new DownloadedExport(JsonDocument.Parse(entries["data.json"]).RootElement, entries);
    }
}
