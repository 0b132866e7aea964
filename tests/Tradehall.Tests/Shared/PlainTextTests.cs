using Tradehall.Core.Messaging.Attachments;
using Tradehall.Core.Shared;
using Tradehall.Tests.Marketplace;
using Tradehall.Tests.Messaging;

namespace Tradehall.Tests.Shared;

/// <summary>
/// SEC-07: single-line names and titles hold something visible and no direction controls; file names have the
/// controls replaced, so "‮gnp.exe.pdf" can never display as "fdp.exe.png".
/// </summary>
public sealed class PlainTextTests(ListingSteps.App app) : IClassFixture<ListingSteps.App>
{
    public static TheoryData<string> Hidden => new() { "\u200B\u200B\u200B", "\u200B \u2060\uFEFF", "\u200D\u200C", "\u3164\u3164" };

    public static TheoryData<string> Turned => new() { "Spruce \u202Eboards", "\u2067Pine\u2069 boards", "Oak\u200F boards" };

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Theory]
    [MemberData(nameof(Hidden))]
    [MemberData(nameof(Turned))]
    public async Task SEC07_a_listing_title_of_invisible_or_direction_characters_is_refused(string title)
    {
        var member = await ListingSteps.SubscriberAsync(app);
        await AssertNamesFieldAsync(await ListingSteps.PostAsync(app, member, ListingSteps.Body(await ListingSteps.CategoryAsync(app), title)), "title");
    }

    [Fact]
    public async Task SEC07_a_listing_title_in_a_right_to_left_script_is_accepted()
    {
        var member = await ListingSteps.SubscriberAsync(app);
        await ListingSteps.PostedAsync(app, member, "ألواح خشب التنوب");
    }

    [Theory]
    [MemberData(nameof(Hidden))]
    [MemberData(nameof(Turned))]
    public async Task SEC07_personal_page_names_of_invisible_or_direction_characters_are_refused(string text)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        await AssertNamesFieldAsync(await client.PutAsJsonAsync("/api/v1/me/page", new { company = text }), "company");
    }

    [Fact]
    public void SEC07_direction_controls_in_a_file_name_are_replaced()
    {
        Assert.Equal("_gnp.exe.pdf", FileNames.Sanitise("\u202Egnp.exe.pdf"));
        Assert.Equal("file", FileNames.Sanitise("\u200B\u200B"));
        Assert.Equal("Прайс-лист.pdf", FileNames.Sanitise("Прайс-лист.pdf"));
        Assert.True(PlainText.IsAcceptable("Ёлка"));
        Assert.False(PlainText.IsAcceptable("\u2066x"));
    }

    [Fact]
    public async Task SEC07_a_chat_attachment_named_with_a_right_to_left_override_is_shown_without_it()
    {
        var a = await ChatSteps.TrustedAsync(app);
        var b = await ChatSteps.TrustedAsync(app);
        var (chatId, _) = await ChatSteps.StartAsync(app, a, b);
        using var client = app.Api(a.Token);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Messaging.AttachmentTests.Pdf), "file", "\u202Egnp.exe.pdf" } };
        var sent = await client.PostAsync($"/api/v1/chats/{chatId}/attachments", form);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var history = await (await client.GetAsync($"/api/v1/chats/{chatId}/messages")).JsonAsync();
        var name = history.GetProperty("items")[1].GetProperty("attachments")[0].GetProperty("name").GetString()!;
        Assert.DoesNotContain('\u202E', name);
    }
}
