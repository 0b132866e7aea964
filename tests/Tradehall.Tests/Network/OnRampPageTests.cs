using Tradehall.Tests.Messaging;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

/// <summary>The first hour's ways in, without JavaScript: "My page", "Message" buttons, the Chats badge, the people picker's source.</summary>
public sealed class OnRampPageTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    private async Task<Browser> SignedInAsync(TestMember member)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        return browser;
    }

    [Fact]
    public async Task NET01_my_page_opens_the_public_page_where_the_owner_finds_edit_and_no_message_button()
    {
        var owner = await MemberAsync(app);
        using var browser = await SignedInAsync(owner.Member);
        var (home, homePage) = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/my/page", homePage.QuerySelectorAll("header a").Single(a => a.TextContent.Trim() == "My page").GetAttribute("href"));
        var (redirect, _) = await browser.GetAsync("/my/page");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/u/{owner.Handle}", redirect.Headers.Location!.ToString());
        var (_, page) = await browser.GetAsync($"/u/{owner.Handle}");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/settings/page");
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.StartsWith("/chats/new", StringComparison.Ordinal));

        using var anonymous = new Browser(app);
        Assert.Contains("/account/sign-in", (await anonymous.GetAsync("/my/page")).Response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MSG01_message_buttons_write_to_the_person_or_the_company_contact_and_reopen_the_pairs_chat()
    {
        var writer = await ChatSteps.TrustedAsync(app);
        var owner = await MemberAsync(app, "Olga", "Ivanova", confirmed: true);
        using var o = app.Api(owner.Token);
        var slug = (await (await o.PostAsJsonAsync("/api/v1/organizations", new { name = "Pinega Wood " + owner.Handle })).JsonAsync()).GetProperty("slug").GetString()!;
        using var browser = await SignedInAsync(writer);

        var (_, person) = await browser.GetAsync($"/u/{owner.Handle}");
        var toPerson = person.QuerySelectorAll("main a.button").Single(a => a.TextContent.Trim() == "Send a message").GetAttribute("href");
        Assert.Equal($"/chats/new?to={owner.Handle}", toPerson);
        var (_, company) = await browser.GetAsync($"/o/{slug}");
        var toCompany = company.QuerySelectorAll("main a.button").Single(a => a.TextContent.Trim() == "Send a message").GetAttribute("href");
        Assert.Equal(toPerson, toCompany);
        Assert.Contains("Olga Ivanova", company.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // No chat yet: the write form. Once the pair has one, the same button opens it.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(toPerson!)).Response.StatusCode);
        var (chatId, _) = await ChatSteps.StartAsync(app, writer, owner.Member, "Is the pine still on offer?");
        var (again, _) = await browser.GetAsync(toPerson!);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/chats/{chatId}", again.Headers.Location!.ToString());

        // The owner's header counts the chat with an unread message; the company's own admin gets no button to herself.
        using var ownerBrowser = await SignedInAsync(owner.Member);
        var (_, ownerHome) = await ownerBrowser.GetAsync("/");
        Assert.Equal("1", ownerHome.QuerySelector("#chats-link [data-unread]")!.GetAttribute("data-unread"));
        var (count, _) = await ownerBrowser.GetAsync("/chats?handler=Count");
        Assert.Equal(1, JsonDocument.Parse(await count.Content.ReadAsStringAsync()).RootElement.GetProperty("chats").GetInt32());
        var (_, ownCompany) = await ownerBrowser.GetAsync($"/o/{slug}");
        Assert.DoesNotContain(ownCompany.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.StartsWith("/chats/new", StringComparison.Ordinal));
        Assert.True((await o.PostAsync($"/api/v1/chats/{chatId}/read", null)).IsSuccessStatusCode);
        var (_, read) = await ownerBrowser.GetAsync("/");
        Assert.Null(read.QuerySelector("#chats-link [data-unread]"));
    }

    [Fact]
    public async Task NET05_the_people_picker_suggests_members_by_name_and_the_form_takes_the_chosen_address()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ivan = await MemberAsync(app, "Иван", "Пикеров" + tag);
        using var a = app.Api(admin.Token);
        var slug = (await (await a.PostAsJsonAsync("/api/v1/organizations", new { name = "Picker mills " + tag })).JsonAsync()).GetProperty("slug").GetString()!;
        using var browser = await SignedInAsync(admin.Member);

        var (edit, form) = await browser.GetAsync($"/o/{slug}/edit");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var picker = form.QuerySelector("[data-picker]")!;
        Assert.Equal("/people?handler=Suggest", picker.GetAttribute("data-source"));
        Assert.Equal("text", picker.QuerySelector("input#Member")!.GetAttribute("type"));

        var (suggest, _) = await browser.GetAsync("/people?handler=Suggest&q=" + Uri.EscapeDataString("пикеров" + tag));
        var people = JsonDocument.Parse(await suggest.Content.ReadAsStringAsync()).RootElement;
        var found = Assert.Single(people.EnumerateArray());
        Assert.Equal(ivan.Handle, found.GetProperty("address").GetString());
        Assert.Equal("Иван Пикеров" + tag, found.GetProperty("name").GetString());
        var (blank, _) = await browser.GetAsync("/people?handler=Suggest&q=%20");
        Assert.Equal(0, JsonDocument.Parse(await blank.Content.ReadAsStringAsync()).RootElement.GetArrayLength());

        var invited = await browser.SubmitAsync($"/o/{slug}/edit", "Invite or change role", new() { ["Member"] = ivan.Handle });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
    }
}
