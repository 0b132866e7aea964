using Tradehall.Core.Accounts;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;

namespace Tradehall.BrowserTests;

/// <summary>
/// NET-01, NET-04, NET-06 in a browser on a phone-sized window: a member fills in their page, another finds them in
/// the directory and asks to connect, the first accepts. The network's pages are checked with axe on the way.
/// </summary>
public sealed class NetworkJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<(Dictionary<string, object?> Registration, string Token)> RegisterAsync(string firstName, string lastName)
    {
        var registration = Members.Registration();
        registration["firstName"] = firstName;
        registration["lastName"] = lastName;
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
        return (registration, registered.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task NET01_NET04_NET06_a_member_fills_in_their_page_another_finds_them_and_they_connect_on_a_phone()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var (anna, annaToken) = await RegisterAsync("Анна", "Белова" + tag);
        var (boris, _) = await RegisterAsync("Boris", "Sokolov" + tag);
        var problems = new List<string>();

        // Anna's organization, made through the API once her email and phone count as confirmed.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<Member>().Where(m => m.Email == (string)anna["email"]!)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.EmailConfirmed, true).SetProperty(m => m.PhoneNumberConfirmed, true));
        }
        string slug;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", annaToken);
            var created = await (await http.PostAsJsonAsync("/api/v1/organizations", new
            {
                name = "Беломорский лес " + tag, legalForm = "ООО", industry = "Лесозаготовка", country = "RU", city = "Архангельск",
                description = "Пиломатериалы", website = "https://belomor.example",
            })).Content.ReadFromJsonAsync<JsonElement>();
            slug = created.GetProperty("slug").GetString()!;
        }

        var annaPage = await site.PhoneAsync();
        await site.SignInAsync(annaPage, (string)anna["email"]!, (string)anna["password"]!);
        await annaPage.GotoAsync(site.BaseUrl + "/settings/page");
        await annaPage.FillAsync("#City", "Архангельск");
        await annaPage.FillAsync("#Position", "Timber buyer");
        await annaPage.FillAsync("#About", "Buying sawn timber for export.");
        await annaPage.SelectOptionAsync("#AboutVisibility", "Contacts");
        await annaPage.GetByRole(AriaRole.Button, new() { Name = "Save my page" }).ClickAsync();
        await annaPage.Locator("[role=status]").WaitForAsync();
        await annaPage.GetByRole(AriaRole.Link, new() { Name = "View my page" }).ClickAsync();
        await annaPage.WaitForURLAsync(url => url.Contains("/u/", StringComparison.Ordinal));
        var annaUrl = annaPage.Url;
        Assert.Contains("Timber buyer", await annaPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var borisPage = await site.PhoneAsync();
        await site.SignInAsync(borisPage, (string)boris["email"]!, (string)boris["password"]!);
        await borisPage.GotoAsync(site.BaseUrl + "/people");
        await borisPage.FillAsync("#q", "белова" + tag);
        await borisPage.FillAsync("#city", "АРХАНГЕЛЬСК");
        await borisPage.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await borisPage.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        problems.AddRange(await Accessibility.SeriousViolationsAsync(borisPage));
        await borisPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "40-people-phone.png"), FullPage = true });
        await borisPage.GetByRole(AriaRole.Link, new() { Name = "Анна Белова" + tag }).ClickAsync();
        await borisPage.WaitForURLAsync(annaUrl);
        // The text about Anna is for her contacts; Boris is not one yet.
        Assert.DoesNotContain("Buying sawn timber", await borisPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(borisPage));
        await borisPage.GetByRole(AriaRole.Button, new() { Name = "Add to contacts" }).ClickAsync();
        await borisPage.Locator("[role=status]").WaitForAsync();
        Assert.Contains("Request sent", await borisPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await annaPage.GotoAsync(site.BaseUrl + "/contacts");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(annaPage));
        await annaPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "41-contacts-phone.png"), FullPage = true });
        await annaPage.GetByRole(AriaRole.Button, new() { Name = "Accept Boris Sokolov" + tag }).ClickAsync();
        await annaPage.Locator("[role=status]").WaitForAsync();
        Assert.Contains("Boris Sokolov" + tag, await annaPage.Locator("section:has(#h-accepted)").InnerTextAsync(), StringComparison.Ordinal);

        await borisPage.GotoAsync(annaUrl);
        Assert.Contains("Buying sawn timber", await borisPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(borisPage));
        await borisPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "42-person-phone.png"), FullPage = true });

        await borisPage.GotoAsync(site.BaseUrl + $"/o/{slug}");
        Assert.Contains("Лесозаготовка", await borisPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(borisPage.GetByRole(AriaRole.Link, new() { Name = "Send a message" })).ToHaveAttributeAsync("href", annaUrl.Replace(site.BaseUrl + "/u/", "/chats/new?to=", StringComparison.Ordinal));
        problems.AddRange(await Accessibility.SeriousViolationsAsync(borisPage));
        await borisPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "48-organization-phone.png"), FullPage = true });
        await annaPage.GotoAsync(site.BaseUrl + "/settings/page");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(annaPage));

        // NET-05: Anna invites Boris to her organization by picking him by name, not by his page address.
        await annaPage.GotoAsync(site.BaseUrl + $"/o/{slug}/edit");
        await annaPage.Locator("#Member").PressSequentiallyAsync("sokolov" + tag);
        var option = annaPage.GetByRole(AriaRole.Option, new() { Name = "Boris Sokolov" + tag });
        await option.WaitForAsync();
        await Assertions.Expect(annaPage.Locator("#Member")).ToHaveAttributeAsync("aria-expanded", "true");
        await annaPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "47-people-picker-phone.png") });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(annaPage));
        await annaPage.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await annaPage.Keyboard.PressAsync("Enter");
        await Assertions.Expect(annaPage.Locator("#Member")).ToHaveAttributeAsync("aria-expanded", "false");
        var borisHandle = await annaPage.InputValueAsync("#Member");
        Assert.StartsWith("boris-sokolov", borisHandle, StringComparison.Ordinal);
        Assert.Contains("Boris Sokolov" + tag, await annaPage.Locator("[data-picker-chosen]").InnerTextAsync(), StringComparison.Ordinal);
        await annaPage.GetByRole(AriaRole.Button, new() { Name = "Invite or change role" }).ClickAsync();
        await annaPage.Locator(".notice-success", new() { HasText = "Invitation sent" }).WaitForAsync();
        Assert.Empty(problems);
    }

    private async Task<string> HandleAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await (await http.GetAsync("/api/v1/me/page")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString()!;
    }

    [Fact]
    public async Task MSG01_the_message_button_opens_a_chat_and_the_phone_menu_opens_by_keyboard()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var (anna, annaToken) = await RegisterAsync("Анна", "Орлова" + tag);
        var (boris, _) = await RegisterAsync("Boris", "Lebedev" + tag);
        var annaHandle = await HandleAsync(annaToken);
        var problems = new List<string>();

        // Boris writes to Anna from her page; the same button later opens the chat they have.
        var desktop = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, BypassCSP = true, Locale = "en-GB",
        });
        var borisPage = await desktop.NewPageAsync();
        await site.SignInAsync(borisPage, (string)boris["email"]!, (string)boris["password"]!);
        await borisPage.GotoAsync(site.BaseUrl + "/u/" + annaHandle);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(borisPage));
        await borisPage.GetByRole(AriaRole.Link, new() { Name = "Send a message" }).ClickAsync();
        await borisPage.WaitForURLAsync(url => url.Contains("/chats/new", StringComparison.Ordinal));
        await borisPage.FillAsync("#Text", "Good afternoon! Do you still buy larch?");
        await borisPage.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await borisPage.WaitForURLAsync(new Regex("/chats/[0-9a-f-]{36}"));
        var chatUrl = borisPage.Url.Split('#')[0];
        await borisPage.GotoAsync(site.BaseUrl + "/u/" + annaHandle);
        await borisPage.GetByRole(AriaRole.Link, new() { Name = "Send a message" }).ClickAsync();
        await borisPage.WaitForURLAsync(chatUrl);

        // The account menu holds the member's own pages, "Create a company page" among them.
        await borisPage.Locator("header .account-toggle").ClickAsync();
        await Assertions.Expect(borisPage.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Create a company page" })).ToBeVisibleAsync();
        await Assertions.Expect(borisPage.Locator("header .account-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await borisPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "45-account-menu-desktop.png") });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(borisPage));
        await borisPage.Keyboard.PressAsync("Escape");
        await Assertions.Expect(borisPage.Locator("header .account-toggle")).ToHaveAttributeAsync("aria-expanded", "false");

        // On a phone the header is one "Menu" button: reached with Tab, opened with Enter, closed with Escape.
        var annaPage = await site.PhoneAsync();
        await site.SignInAsync(annaPage, (string)anna["email"]!, (string)anna["password"]!);
        await annaPage.GotoAsync(site.BaseUrl + "/");
        var menu = annaPage.Locator("header .nav-toggle");
        var chats = annaPage.Locator("#chats-link");
        await Assertions.Expect(chats).Not.ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        for (var i = 0; i < 5 && !await menu.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await annaPage.Keyboard.PressAsync("Tab");
        }
        Assert.True(await menu.EvaluateAsync<bool>("e => e === document.activeElement"), "Tab does not reach the menu button");
        await annaPage.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chats).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Equal("1", await annaPage.Locator("#chats-link [data-unread]").GetAttributeAsync("data-unread"));
        await Assertions.Expect(annaPage.Locator("header").GetByRole(AriaRole.Link, new() { Name = "My page" })).ToBeVisibleAsync();
        await annaPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "43-menu-phone-open.png") });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(annaPage));
        await annaPage.Keyboard.PressAsync("Escape");
        await Assertions.Expect(chats).Not.ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.True(await menu.EvaluateAsync<bool>("e => e === document.activeElement"), "Escape does not return to the menu button");
        Assert.Contains("Chats with unread messages", await annaPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await annaPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "44-home-phone-menu-closed.png") });

        await annaPage.GotoAsync(site.BaseUrl + "/?culture=ru");
        await annaPage.Locator("header .nav-toggle").ClickAsync();
        await Assertions.Expect(annaPage.Locator("#chats-link")).ToBeVisibleAsync();
        await annaPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "46-menu-phone-open-ru.png") });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(annaPage));

        // The chat opens from the menu.
        await annaPage.Locator("#chats-link").ClickAsync();
        await annaPage.WaitForURLAsync(new Regex("/chats$"));
        Assert.Contains("Boris Lebedev" + tag, await annaPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}
