using System.Diagnostics;
using System.Text;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

public sealed class NetworkPageTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    private async Task<Browser> SignedInAsync(NetMember member)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(member.Member.Email, member.Member.Password);
        return browser;
    }

    [Fact]
    public async Task NET01_pages_show_each_viewer_what_they_may_see_and_edit_pages_refuse_others()
    {
        var owner = await MemberAsync(app, confirmed: true);
        var contact = await MemberAsync(app);
        var other = await MemberAsync(app);
        await SavePageAsync(app, owner, new { city = "Kotlas", cityVisibility = "public", company = "Dvina Mills", workVisibility = "contacts", about = "Secret plans", aboutVisibility = "private" });
        await ConnectAsync(app, contact, owner);
        using var o = app.Api(owner.Token);
        var slug = (await (await o.PostAsJsonAsync("/api/v1/organizations", new { name = "Dvina Mills " + owner.Handle, industry = "Sawmill" })).JsonAsync()).GetProperty("slug").GetString()!;

        using var anonymous = new Browser(app);
        var (response, page) = await anonymous.GetAsync($"/u/{owner.Handle}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kotlas", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Dvina Mills", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret plans", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/u/no-such-member-here")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/people")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/o/{slug}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/o/no-such-organization")).Response.StatusCode);
        foreach (var url in new[] { "/settings/page", "/contacts", "/organizations/new", $"/o/{slug}/edit" })
        {
            var (redirect, _) = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Contains("/account/sign-in", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        // A visitor's button press asks them to sign in and changes nothing.
        Assert.False((await anonymous.PostRawAsync($"/u/{owner.Handle}?handler=Block", [])).IsSuccessStatusCode);
        Assert.False(await app.WithDb(db => db.Set<Core.Network.Blocking.Block>().AnyAsync(b => b.BlockedId == owner.Id)));

        using var byContact = await SignedInAsync(contact);
        var seen = (await byContact.GetAsync($"/u/{owner.Handle}")).Page.Body!.TextContent;
        Assert.Contains("Dvina Mills", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret plans", seen, StringComparison.Ordinal);

        using var byOther = await SignedInAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await byOther.GetAsync($"/o/{slug}/edit")).Response.StatusCode);
        Assert.DoesNotContain("Dvina Mills", (await byOther.GetAsync($"/u/{owner.Handle}")).Page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);

        using var byOwner = await SignedInAsync(owner);
        Assert.Contains("Secret plans", (await byOwner.GetAsync($"/u/{owner.Handle}")).Page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await byOwner.GetAsync($"/o/{slug}/edit")).Response.StatusCode);
        var saved = await byOwner.SubmitAsync("/settings/page", "Save my page", new()
        {
            ["City"] = "Onega", ["CityVisibility"] = "Contacts", ["WorkVisibility"] = "Public", ["EducationVisibility"] = "Public",
            ["AboutVisibility"] = "Private", ["PhotoVisibility"] = "Public", ["ContactsVisibility"] = "Public", ["About"] = "Secret plans",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("Onega", (await anonymous.GetAsync($"/u/{owner.Handle}")).Page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Onega", (await byContact.GetAsync($"/u/{owner.Handle}")).Page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NET04_contacts_page_lists_requests_and_the_page_buttons_connect_accept_and_block()
    {
        var alice = await MemberAsync(app);
        var bob = await MemberAsync(app, "Boris", "Sokolov");
        using var a = await SignedInAsync(alice);
        using var b = await SignedInAsync(bob);
        Assert.Equal(HttpStatusCode.Redirect, (await a.SubmitAsync($"/u/{bob.Handle}", "Add to contacts")).StatusCode);
        var (_, contacts) = await b.GetAsync("/contacts");
        Assert.Contains(alice.Handle, contacts.QuerySelector("#h-incoming")!.ParentElement!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync($"/u/{alice.Handle}", "Accept request")).StatusCode);
        Assert.Contains(bob.Handle, (await a.GetAsync("/contacts")).Page.QuerySelector("#h-accepted")!.ParentElement!.InnerHtml, StringComparison.Ordinal);

        // Carol knows Alice; on Bob's page she sees Alice as a mutual contact.
        var carol = await MemberAsync(app);
        await ConnectAsync(app, carol, alice);
        using var c = await SignedInAsync(carol);
        var mutual = (await c.GetAsync($"/u/{bob.Handle}")).Page.QuerySelector("#mutual-title")!.ParentElement!.InnerHtml;
        Assert.Contains(alice.Handle, mutual, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync($"/u/{alice.Handle}", "Block")).StatusCode);
        Assert.DoesNotContain(bob.Handle, (await a.GetAsync("/contacts")).Page.QuerySelector("#h-accepted")!.ParentElement!.InnerHtml, StringComparison.Ordinal);
        var (_, blockedView) = await a.GetAsync($"/u/{bob.Handle}");
        Assert.Null(blockedView.QuerySelector("textarea[name=Text]"));
        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync("/contacts", "Unblock")).StatusCode);
    }

    [Fact]
    public async Task NET03_SEC07_script_tags_and_markdown_in_every_text_field_are_rendered_inert()
    {
        const string Evil = "<script>alert(1)</script> **bold** [click](javascript:alert(2)) <img src=x onerror=alert(3)>";
        var owner = await MemberAsync(app, confirmed: true);
        await SavePageAsync(app, owner, new { city = Evil, position = Evil, company = Evil, education = Evil, about = Evil });
        var author = await MemberAsync(app);
        using var client = app.Api(author.Token);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/people/{owner.Handle}/comments", new { text = Evil })).StatusCode);
        using var o = app.Api(owner.Token);
        var slug = (await (await o.PostAsJsonAsync("/api/v1/organizations", new { name = "Evil " + owner.Handle, legalForm = Evil, industry = Evil, city = Evil, description = Evil })).JsonAsync())
            .GetProperty("slug").GetString()!;

        using var anonymous = app.Api();
        foreach (var url in new[] { $"/u/{owner.Handle}", $"/o/{slug}", $"/people?q={owner.Handle}", "/people?kind=organizations&q=evil" })
        {
            var html = await anonymous.GetStringAsync(url);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<strong>bold", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task NET02_a_photo_with_gps_exif_is_served_re_encoded_without_any_metadata()
    {
        var owner = await MemberAsync(app);
        using var browser = await SignedInAsync(owner);
        var original = JpegWithGps();
        Assert.True(original.AsSpan().IndexOf("GPS-MARK"u8) > 0);
        var response = await browser.SubmitFileAsync("/settings/page", "Upload photo", "Photo", "holiday.jpg", original);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var anonymous = app.Api();
        var photo = await anonymous.GetAsync($"/u/{owner.Handle}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        Assert.True(bytes.AsSpan().IndexOf("Exif"u8) < 0, "The served photo still has an Exif block.");
        Assert.True(bytes.AsSpan().IndexOf("GPS-MARK"u8) < 0);
        Assert.True(bytes.AsSpan().IndexOf(new byte[] { 0xFF, 0xE1 }) < 0, "The served photo still has an APP1 segment.");

        // A photo only the owner may see is not served to others.
        await SavePageAsync(app, owner, new { photoVisibility = "private" });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/u/{owner.Handle}/photo")).StatusCode);
        using var own = app.Api(owner.Token);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/u/{owner.Handle}/photo")).StatusCode);
    }

    [Fact]
    public async Task NET02_text_named_jpg_and_oversize_files_are_refused_beside_the_field()
    {
        var owner = await MemberAsync(app);
        using var browser = await SignedInAsync(owner);
        var text = await browser.SubmitFileAsync("/settings/page", "Upload photo", "Photo", "photo.jpg", Encoding.UTF8.GetBytes("this is not a picture at all"));
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Contains("The file is not a JPEG, PNG or WebP image.", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Starts like a JPEG, so only the size refuses it.
        var big = new byte[5 * 1024 * 1024 + 1];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;
        var oversize = await browser.SubmitFileAsync("/settings/page", "Upload photo", "Photo", "big.jpg", big);
        Assert.Equal(HttpStatusCode.OK, oversize.StatusCode);
        Assert.Contains("The image is larger than the limit.", await oversize.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A file that claims JPEG but does not decode is refused by the decoder.
        var fake = new byte[2000];
        fake[0] = 0xFF;
        fake[1] = 0xD8;
        fake[2] = 0xFF;
        var broken = await browser.SubmitFileAsync("/settings/page", "Upload photo", "Photo", "broken.jpg", fake);
        Assert.Contains("The file is not a JPEG, PNG or WebP image.", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/u/{owner.Handle}/photo")).StatusCode);
    }

    [Fact]
    public async Task NET05_logo_goes_through_the_same_pipeline_and_only_admins_upload_it()
    {
        var admin = await MemberAsync(app, confirmed: true);
        using var client = app.Api(admin.Token);
        var slug = (await (await client.PostAsJsonAsync("/api/v1/organizations", new { name = "Logo " + admin.Handle })).JsonAsync()).GetProperty("slug").GetString()!;
        using var browser = await SignedInAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFileAsync($"/o/{slug}/edit", "Upload logo", "Logo", "logo.jpg", JpegWithGps())).StatusCode);
        var logo = await app.Api().GetAsync($"/o/{slug}/logo");
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType!.MediaType);
        Assert.True((await logo.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf("GPS-MARK"u8) < 0);
    }

    [Fact]
    public async Task NET02_NET05_photo_and_logo_upload_through_the_api_with_field_errors_for_bad_files()
    {
        var owner = await MemberAsync(app, confirmed: true);
        using var client = app.Api(owner.Token);
        static MultipartFormDataContent Form(string field, string name, byte[] content) => new() { { new ByteArrayContent(content), field, name } };

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync("/api/v1/me/page/photo", Form("photo", "me.jpg", JpegWithGps()))).StatusCode);
        var photo = await app.Api().GetAsync($"/u/{owner.Handle}/photo");
        Assert.True((await photo.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf("GPS-MARK"u8) < 0);

        var refused = await client.PutAsync("/api/v1/me/page/photo", Form("photo", "me.jpg", Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("photo", out _));

        var slug = (await (await client.PostAsJsonAsync("/api/v1/organizations", new { name = "Api logo " + owner.Handle })).JsonAsync()).GetProperty("slug").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync($"/api/v1/organizations/{slug}/logo", Form("logo", "logo.png", JpegWithGps()))).StatusCode);
        var outsider = await MemberAsync(app);
        using var other = app.Api(outsider.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsync($"/api/v1/organizations/{slug}/logo", Form("logo", "logo.jpg", JpegWithGps()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PutAsync("/api/v1/me/page/photo", Form("photo", "me.jpg", JpegWithGps()))).StatusCode);
    }

    /// <summary>A real JPEG made by libvips, with an APP1 Exif segment holding a GPS IFD spliced in after SOI.</summary>
    internal static byte[] JpegWithGps()
    {
        var path = Path.Combine(Path.GetTempPath(), $"net02-{Guid.NewGuid():N}.jpg");
        var vips = Process.Start(new ProcessStartInfo("vips", ["gaussnoise", path, "64", "48"]) { RedirectStandardError = true })!;
        vips.WaitForExit();
        Assert.Equal(0, vips.ExitCode);
        var jpeg = File.ReadAllBytes(path);
        File.Delete(path);

        // TIFF, little-endian: IFD0 with one entry (GPSInfo → GPS IFD); the GPS IFD has GPSLatitudeRef "N" and a
        // GPSMapDatum whose text is a marker the test can look for.
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(int v) => tiff.AddRange(BitConverter.GetBytes((uint)v));
        tiff.AddRange("II"u8.ToArray());
        U16(42);
        U32(8);
        U16(1);                         // IFD0: one entry
        U16(0x8825); U16(4); U32(1); U32(26); // GPSInfo IFD pointer at offset 26
        U32(0);                         // no next IFD
        U16(2);                         // GPS IFD: two entries
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());
        U16(0x0012); U16(2); U32(9); U32(26 + 2 + 24 + 4);
        U32(0);
        tiff.AddRange("GPS-MARK\0"u8.ToArray());
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(payload);
        return jpeg[..2].Concat(app1).Concat(jpeg[2..]).ToArray();
    }
}
