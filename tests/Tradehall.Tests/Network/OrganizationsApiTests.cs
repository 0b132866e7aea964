using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

public sealed class OrganizationsApiTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    private static object Body(string name, string? website = "https://north-wood.example") => new
    {
        name, legalForm = "ООО", industry = "Лесозаготовка", country = "RU", city = "Архангельск", description = "Sawn timber", website,
    };

    [Fact]
    public async Task NET05_only_a_confirmed_member_creates_and_gets_id_and_slug_from_the_name()
    {
        var unconfirmed = await MemberAsync(app);
        using var u = app.Api(unconfirmed.Token);
        var refused = await u.PostAsJsonAsync("/api/v1/organizations", Body("Северный лес"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("network.confirmation_required", (await refused.JsonAsync()).GetProperty("code").GetString());

        var founder = await MemberAsync(app, confirmed: true);
        using var f = app.Api(founder.Token);
        var created = await f.PostAsJsonAsync("/api/v1/organizations", Body("Северный лес"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal(["id", "slug"], body.EnumerateObject().Select(p => p.Name).ToArray());
        var slug = body.GetProperty("slug").GetString()!;
        Assert.StartsWith("severnyi-les", slug, StringComparison.Ordinal);
        var again = await (await f.PostAsJsonAsync("/api/v1/organizations", Body("Северный лес"))).JsonAsync();
        Assert.NotEqual(slug, again.GetProperty("slug").GetString());

        using var anonymous = app.Api();
        var view = await (await anonymous.GetAsync($"/api/v1/organizations/{slug}")).JsonAsync();
        Assert.Equal("Северный лес", view.GetProperty("name").GetString());
        Assert.Equal(founder.Handle, Assert.Single(view.GetProperty("members").EnumerateArray()).GetProperty("handle").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/organizations/no-such-organization")).StatusCode);

        var bad = await f.PostAsJsonAsync("/api/v1/organizations", Body("", "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("website", out _));
    }

    [Fact]
    public async Task NET05_organizations_of_one_name_created_at_once_get_different_slugs()
    {
        var founder = await MemberAsync(app, confirmed: true);
        using var f = app.Api(founder.Token);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => f.PostAsJsonAsync("/api/v1/organizations", Body("Twin Timber"))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var slugs = await Task.WhenAll(answers.Select(async a => (await a.JsonAsync()).GetProperty("slug").GetString()));
        Assert.Equal(6, slugs.Distinct().Count());
    }

    [Fact]
    public async Task NET05_admins_edit_and_manage_people_who_accepted_and_one_admin_always_stays()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var employee = await MemberAsync(app);
        var outsider = await MemberAsync(app);
        using var a = app.Api(admin.Token);
        using var e = app.Api(employee.Token);
        using var o = app.Api(outsider.Token);
        var slug = (await (await a.PostAsJsonAsync("/api/v1/organizations", Body("Pomor Timber"))).JsonAsync()).GetProperty("slug").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await o.PutAsJsonAsync($"/api/v1/organizations/{slug}", Body("Taken over"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await o.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = outsider.Handle, role = "admin" })).StatusCode);
        var invited = await a.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = employee.Handle, role = "employee" });
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await e.PostAsync($"/api/v1/me/organization-invitations/{(await invited.JsonAsync()).GetProperty("id").GetGuid()}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await e.PutAsJsonAsync($"/api/v1/organizations/{slug}", Body("Renamed"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await e.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = outsider.Handle })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await o.DeleteAsync($"/api/v1/organizations/{slug}/members/{employee.Handle}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = outsider.Handle, role = "owner" })).StatusCode);

        var updated = await a.PutAsJsonAsync($"/api/v1/organizations/{slug}", Body("Pomor Timber Group"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Pomor Timber Group", (await updated.JsonAsync()).GetProperty("name").GetString());

        var last = await a.DeleteAsync($"/api/v1/organizations/{slug}/members/{admin.Handle}");
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Equal("network.last_admin", (await last.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = employee.Handle, role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/organizations/{slug}/members/{admin.Handle}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PutAsJsonAsync($"/api/v1/organizations/{slug}", Body("Back"))).StatusCode);

        var page = await (await o.GetAsync($"/api/v1/people/{employee.Handle}")).JsonAsync();
        Assert.Equal(slug, Assert.Single(page.GetProperty("organizations").EnumerateArray()).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task NET06_directory_finds_cyrillic_names_cities_and_industries_case_insensitively()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ivan = await MemberAsync(app, "Иван", "Петров" + tag, confirmed: true);
        await SavePageAsync(app, ivan, new { city = "Архангельск", cityVisibility = "public" });
        var hidden = await MemberAsync(app, "Иван", "Скрытов" + tag);
        await SavePageAsync(app, hidden, new { city = "Архангельск", cityVisibility = "private" });
        using var i = app.Api(ivan.Token);
        var slug = (await (await i.PostAsJsonAsync("/api/v1/organizations", Body("Беломорская верфь " + tag))).JsonAsync()).GetProperty("slug").GetString()!;

        using var anonymous = app.Api();
        async Task<List<string>> Find(string query)
        {
            var response = await anonymous.GetAsync("/api/v1/directory?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(x => x.GetProperty("address").GetString()!).ToList();
        }

        Assert.Equal([ivan.Handle], await Find($"q={Uri.EscapeDataString("ПЕТРОВ" + tag.ToUpperInvariant())}"));
        Assert.Equal([ivan.Handle, hidden.Handle], (await Find($"q={Uri.EscapeDataString("иван")}&city=")).Where(h => h == ivan.Handle || h == hidden.Handle).ToList());
        // A city only the owner sees does not find them.
        var byCity = await Find($"q={tag}&city={Uri.EscapeDataString("архангельск")}");
        Assert.DoesNotContain(hidden.Handle, byCity);
        Assert.Contains(ivan.Handle, await Find($"q={Uri.EscapeDataString("петров" + tag)}&city={Uri.EscapeDataString("АРХАНГЕЛЬСК")}"));
        Assert.Contains(ivan.Handle, await Find($"q={Uri.EscapeDataString("петров" + tag)}&industry={Uri.EscapeDataString("лесозаготовка")}"));
        Assert.Equal([slug], await Find($"kind=organizations&q={Uri.EscapeDataString("БЕЛОМОРСКАЯ ВЕРФЬ " + tag)}&industry={Uri.EscapeDataString("ЛЕСО")}&city={Uri.EscapeDataString("архангельск")}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/directory?kind=robots")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/directory?page=0")).StatusCode);
    }
}

public sealed class DirectoryPagingTests(DirectoryPagingTests.App app) : IClassFixture<DirectoryPagingTests.App>
{
    public sealed class App : TradehallApp
    {
        public App() => Settings["Network:DirectoryPageSize"] = "2";
    }

    [Fact]
    public async Task NET06_results_come_in_pages_with_the_total()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var n = 0; n < 3; n++)
        {
            await MemberAsync(app, "Ольга", $"Тестова{tag}{n}");
        }
        using var anonymous = app.Api();
        var first = await (await anonymous.GetAsync($"/api/v1/directory?q={tag}")).JsonAsync();
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var second = await (await anonymous.GetAsync($"/api/v1/directory?q={tag}&page=2")).JsonAsync();
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var html = await anonymous.GetStringAsync($"/people?q={tag}");
        Assert.Contains("page=2", html, StringComparison.Ordinal);
    }
}
