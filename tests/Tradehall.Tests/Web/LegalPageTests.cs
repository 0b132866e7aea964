using AngleSharp.Html.Parser;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Tests.Web;

/// <summary>KYC-01..05 through the settings page, without JavaScript: choose the type, fill the form, see the data masked.</summary>
public sealed class LegalPageTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private const string Page = "/settings/legal";

    private static Dictionary<string, string> LegalEntityForm() => new()
    {
        ["Resident"] = "true",
        ["Country"] = "RU",
        ["LegalForm"] = "ПАО",
        ["Name"] = "Сбербанк",
        ["Inn"] = "7707083893",
        ["Kpp"] = "773601001",
        ["Ogrn"] = "1027700132195",
        ["LegalAddress"] = "117312, Москва, ул. Вавилова, д. 19",
        ["PostalAddress"] = "117312, Москва, ул. Вавилова, д. 19",
        ["Phone"] = "+7 495 500-55-50",
        ["Bic"] = "044525225",
        ["SettlementAccount"] = "4070 2810 9380 0001 2345",
        ["CorrespondentAccount"] = "30101810400000000225",
    };

    private async Task<(TestMember Member, Browser Browser)> SignedInAsync()
    {
        var member = await Members.RegisterAsync(app);
        var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        return (member, browser);
    }

    [Fact]
    public async Task KYC01_member_enters_legal_data_on_the_page_and_sees_it_masked()
    {
        var (member, browser) = await SignedInAsync();
        using var _ = browser;
        var (_, settings) = await browser.GetAsync("/settings");
        Assert.NotNull(settings.QuerySelector($"a[href='{Page}']"));

        // Before a type is chosen only the choice is offered; it is a GET form, so it works without script.
        var (first, choose) = await browser.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(3, choose.QuerySelectorAll("input[type=radio][name=type]").Length);
        Assert.Equal("get", choose.QuerySelector("input[name=type]")!.Closest("form")!.GetAttribute("method"));
        Assert.Null(choose.QuerySelector("input[name=Inn]"));

        var (_, form) = await browser.GetAsync(Page + "?type=legalEntity");
        Assert.NotNull(form.QuerySelector("input[name=Inn]"));
        Assert.NotNull(form.QuerySelector("label[for=SettlementAccount]"));
        Assert.Null(form.QuerySelector("input[name=DocumentNumber]"));
        // The notification contacts start from the account's own.
        Assert.Equal(member.Email, form.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Contains("10 working days", form.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        var saved = await browser.SubmitAsync(Page + "?type=legalEntity", "Save", LegalEntityForm());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Page, saved.Headers.Location!.ToString());

        var (_, shown) = await browser.GetAsync(Page);
        var html = shown.DocumentElement.OuterHtml;
        var details = shown.QuerySelector("dl.details")!.TextContent;
        Assert.Contains("•••• 2345", details, StringComparison.Ordinal);
        Assert.Contains("•••• 0225", details, StringComparison.Ordinal);
        Assert.Contains("7707083893", details, StringComparison.Ordinal);
        Assert.Contains("Сбербанк", details, StringComparison.Ordinal);
        Assert.DoesNotContain("40702810938000012345", html, StringComparison.Ordinal);
        Assert.DoesNotContain("30101810400000000225", html, StringComparison.Ordinal);
        Assert.DoesNotContain("044525225", html, StringComparison.Ordinal);
        // The form opens on the saved type with the sensitive fields empty and their masks as hints.
        Assert.True(shown.QuerySelector("input[name=type][value=legalEntity]")!.HasAttribute("checked"));
        Assert.Equal("", shown.QuerySelector("input[name=SettlementAccount]")!.GetAttribute("value") ?? "");
        Assert.Contains("•••• 2345", shown.QuerySelector("#SettlementAccount-hint")!.TextContent, StringComparison.Ordinal);

        // A change of the phone alone keeps the bank details that were left empty, as a new version.
        // (The test browser sends inputs only; a select is given by hand.)
        var changed = await browser.SubmitAsync(Page, "Save", new() { ["Phone"] = "+7 495 500-55-51", ["Country"] = "RU" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var versions = await app.WithDb(db => db.Set<LegalSubscriberVersion>().Where(v => v.MemberId == member.Id).CountAsync());
        Assert.Equal(2, versions);
        var (_, again) = await browser.GetAsync(Page);
        var after = again.QuerySelector("dl.details")!.TextContent;
        Assert.Contains("+74955005551", after, StringComparison.Ordinal);
        Assert.Contains("•••• 2345", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KYC02_page_shows_a_wrong_checksum_beside_its_field_and_keeps_nothing()
    {
        var (member, browser) = await SignedInAsync();
        using var _ = browser;
        var fields = LegalEntityForm();
        fields["Ogrn"] = "1027700132196";
        var refused = await browser.SubmitAsync(Page + "?type=legalEntity", "Save", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("OGRN", page.QuerySelector("#Ogrn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("input[name=Ogrn]")!.GetAttribute("aria-invalid"));
        Assert.Contains("Ogrn-error", page.QuerySelector("input[name=Ogrn]")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Ogrn']"));
        // What was typed comes back, except the sensitive values.
        Assert.Equal("Сбербанк", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal("7707083893", page.QuerySelector("input[name=Inn]")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("input[name=SettlementAccount]")!.GetAttribute("value") ?? "");
        Assert.Contains("enter them again", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Set<LegalSubscriber>().AnyAsync(s => s.MemberId == member.Id)));
    }

    [Fact]
    public async Task KYC01_page_offers_the_fields_of_an_individual_and_of_an_entrepreneur()
    {
        var (member, browser) = await SignedInAsync();
        using var _ = browser;
        var (_, individual) = await browser.GetAsync(Page + "?type=individual");
        Assert.NotNull(individual.QuerySelector("input[name=DocumentNumber]"));
        Assert.Null(individual.QuerySelector("input[name=Bic]"));
        var (_, entrepreneur) = await browser.GetAsync(Page + "?type=entrepreneur");
        Assert.NotNull(entrepreneur.QuerySelector("input[name=Ogrnip]"));
        Assert.NotNull(entrepreneur.QuerySelector("input[name=CertificateDate][type=date]"));

        var saved = await browser.SubmitAsync(Page + "?type=individual", "Save", new()
        {
            ["Resident"] = "true",
            ["Country"] = "RU",
            ["DocumentType"] = "Паспорт гражданина РФ",
            ["DocumentNumber"] = "4509 123456",
            ["DocumentIssuedOn"] = "2015-06-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, shown) = await browser.GetAsync(Page);
        var details = shown.QuerySelector("dl.details")!.TextContent;
        Assert.Contains("•••• 3456", details, StringComparison.Ordinal);
        Assert.Contains("Koroleva", details, StringComparison.Ordinal);
        Assert.DoesNotContain("123456<", shown.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.Set<LegalSubscriber>().AnyAsync(s => s.MemberId == member.Id && s.Type == Core.Legal.SubscriberType.Individual)));
    }
}
