using System.Text;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;
using Tradehall.Core.Privacy;
using Tradehall.Core.Privacy.Exports;
using Tradehall.Core.Shared;
using Tradehall.Tests.Marketplace;
using Tradehall.Tests.Messaging;
using Tradehall.Tests.Network;
using static Tradehall.Tests.Privacy.ExportSteps;

namespace Tradehall.Tests.Privacy;

/// <summary>PRV-03: a member downloads all their data — data.json and their files, zipped — and nobody else can.</summary>
public sealed class DataExportTests(ExportApp app) : IClassFixture<ExportApp>
{
    [Fact]
    public async Task PRV03_the_export_holds_the_members_data_and_files_without_secrets_or_others_contacts_only_for_them_until_it_expires()
    {
        var subscriber = await Subscribers.CreateAsync(app, 1500m);
        var a = subscriber.Member;
        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == a.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.PhoneNumberConfirmed, true).SetProperty(m => m.RegisteredAt, app.Clock.GetUtcNow().UtcDateTime.AddDays(-30))));
        var b = await ChatSteps.TrustedAsync(app);
        using var client = app.Api(a.Token);
        using var other = app.Api(b.Token);
        await ListingSteps.PostedAsync(app, a, "Larch decking 28x140 for export");
        var (chatId, _) = await ChatSteps.StartAsync(app, a, b, "Written by the exporting member");
        var theirs = await ChatSteps.SendAsync(app, b, chatId, "Written by the other member");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{theirs}/report", new { reason = "Pushy offers" })).StatusCode);
        var their = await ListingSteps.PostedAsync(app, b, "Birch plywood from the other member");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/listings/{their}/complaints", new { reason = "Looks copied" })).StatusCode);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(AttachmentTests.Pdf), "file", "price-list.pdf" } })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/chats/{chatId}/attachments", form)).StatusCode);
        }
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(NetworkPageTests.JpegWithGps()), "photo", "me.jpg" } })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync("/api/v1/me/page/photo", form)).StatusCode);
        }

        var id = await RequestAsync(client);
        // Asking again while it is prepared answers the same export; once it is ready, a new one may be asked for.
        var again = await RequestAsync(client);
        var first = await (await client.GetAsync($"/api/v1/me/exports/{id}")).JsonAsync();
        Assert.True(again == id || first.GetProperty("status").GetString() == "ready", "a second export was started beside a pending one");
        var export = await ReadyAsync(app, client, a.Email, id);
        var url = export.GetProperty("url").GetString()!;
        var zip = await DownloadAsync(client, url);

        var data = zip.Data;
        Assert.Equal(a.Email, data.GetProperty("account").GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("Koroleva", data.GetProperty("legal").GetProperty("legalData").GetProperty("lastName").GetString());
        Assert.Contains(data.GetProperty("marketplace").GetProperty("listings").EnumerateArray(), l => l.GetProperty("title").GetString() == "Larch decking 28x140 for export");
        var chat = Assert.Single(data.GetProperty("chats").GetProperty("chats").EnumerateArray());
        var sent = chat.GetProperty("messagesSent").EnumerateArray().ToList();
        Assert.Contains(sent, m => m.GetProperty("text").GetString() == "Written by the exporting member");
        Assert.Equal(await ChatSteps.HandleAsync(app, b.Id), chat.GetProperty("with").GetProperty("handle").GetString());
        // The complaints the member filed are theirs; the message complained about is the other member's and stays out.
        Assert.Equal("Pushy offers", Assert.Single(data.GetProperty("chats").GetProperty("complaintsFiled").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal("Looks copied", Assert.Single(data.GetProperty("marketplace").GetProperty("complaintsFiled").EnumerateArray()).GetProperty("reason").GetString());
        var ledger = data.GetProperty("billing").GetProperty("ledger").EnumerateArray().ToList();
        Assert.Contains(ledger, l => l.GetProperty("amount").GetDecimal() == 1500m);
        Assert.Equal(subscriber.Number, data.GetProperty("billing").GetProperty("account").GetProperty("number").GetString());
        Assert.NotEmpty(data.GetProperty("legal").GetProperty("consents").EnumerateArray());
        var attachment = Assert.Single(zip.Entries.Keys, k => k.StartsWith("files/chats/attachments/", StringComparison.Ordinal));
        Assert.EndsWith("-price-list.pdf", attachment, StringComparison.Ordinal);
        Assert.Equal(AttachmentTests.Pdf, zip.Entries[attachment]);
        Assert.Equal([0xFF, 0xD8], zip.Entries["files/network/photo.jpg"][..2]);

        // No secret of the member and nothing of the other member beyond the name and handle the chat shows.
        var text = string.Join('\n', zip.Entries.Values.Select(Encoding.UTF8.GetString));
        var hash = await app.WithDb(db => db.Set<Member>().Where(m => m.Id == a.Id).Select(m => m.PasswordHash).SingleAsync());
        Assert.DoesNotContain(hash!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(a.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(b.Phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Written by the other member", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Members.Password, text, StringComparison.Ordinal);

        // Another member finds neither the export nor its file.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/me/exports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain((await (await other.GetAsync("/api/v1/me/exports")).JsonAsync()).EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);

        // After its lifetime the worker's sweep deletes the file; the export is gone for its owner too.
        var key = await app.WithDb(db => db.Set<DataExport>().Where(e => e.Id == id).Select(e => e.FileKey).SingleAsync());
        var lifetime = app.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value.ExportLifetime;
        app.Clock.Advance(lifetime + TimeSpan.FromMinutes(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DataExports>().RunDueAsync(CancellationToken.None);
        }
        Assert.Null(app.Services.GetRequiredService<IFileStore>().Open(key!));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/me/exports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var listed = (await (await client.GetAsync("/api/v1/me/exports")).JsonAsync()).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal("expired", listed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("url").ValueKind);
    }
}
