using System.IO.Compression;
using System.Text;
using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Messaging;

/// <summary>MSG-04, SEC-07: files are accepted by their content, stored under generated names and downloaded safely.</summary>
public sealed class AttachmentTests(ChatApp app) : IClassFixture<ChatApp>
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    private static readonly byte[] Exe = [.. "MZ"u8, .. new byte[200]];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    private static byte[] OfficeZip(string folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", folder + "document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(TestMember member, Guid chatId, string name, byte[] content, string? text = null)
    {
        using var client = app.Api(member.Token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        // The claimed type is ignored; the content decides.
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }
        return await client.PostAsync($"/api/v1/chats/{chatId}/attachments", form);
    }

    [Fact]
    public async Task MSG04_a_pdf_is_sent_and_downloads_as_an_attachment_with_the_sniffed_type()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b);
        var sent = await UploadAsync(a, chatId, "../../Price list <2026>.pdf", Pdf, "Our prices");
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var attachmentId = (await sent.JsonAsync()).GetProperty("attachmentId").GetGuid();

        using var client = app.Api(b.Token);
        var history = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        var message = history.GetProperty("items")[1];
        Assert.Equal("Our prices", message.GetProperty("text").GetString());
        var file = message.GetProperty("attachments")[0];
        Assert.Equal("Price list _2026_.pdf", file.GetProperty("name").GetString());
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());

        var download = await client.GetAsync($"/api/v1/chats/{chatId}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var live = app.Live.InChat(chatId, "message")[^1].Payload.GetProperty("message").GetProperty("attachments")[0];
        Assert.Equal(attachmentId, live.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task MSG04_images_and_office_documents_are_recognised_by_content()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b);
        foreach (var (name, content) in new[]
                 {
                     ("photo.png", Png), ("contract.docx", OfficeZip("word/")), ("prices.xlsx", OfficeZip("xl/")),
                     ("deck.pptx", OfficeZip("ppt/")), ("old.doc", Ole), ("old.xls", Ole),
                 })
        {
            var response = await UploadAsync(a, chatId, name, content);
            Assert.True(response.StatusCode == HttpStatusCode.Created, name + ": " + await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task MSG04_a_file_whose_content_does_not_match_its_name_or_is_too_large_is_refused()
    {
        var a = await TrustedAsync(app);
        var b = await TrustedAsync(app);
        var (chatId, _) = await StartAsync(app, a, b);
        await AssertProblemAsync(await UploadAsync(a, chatId, "invoice.pdf", Exe), HttpStatusCode.BadRequest, "file", "messaging.file_mismatch");
        await AssertProblemAsync(await UploadAsync(a, chatId, "invoice.pdf", Png), HttpStatusCode.BadRequest, "file", "messaging.file_mismatch");
        await AssertProblemAsync(await UploadAsync(a, chatId, "contract.docx", OfficeZip("xl/")), HttpStatusCode.BadRequest, "file");
        await AssertProblemAsync(await UploadAsync(a, chatId, "setup.exe", Exe), HttpStatusCode.BadRequest, "file", "messaging.file_type");
        var big = new byte[11 * 1024 * 1024];
        Pdf.CopyTo(big, 0);
        var tooBig = await UploadAsync(a, chatId, "big.pdf", big);
        Assert.True(tooBig.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode.ToString());
        using var client = app.Api(a.Token);
        Assert.Single((await (await client.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync()).GetProperty("items").EnumerateArray());
    }
}
