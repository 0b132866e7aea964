using Microsoft.Extensions.Logging.Abstractions;
using Tradehall.Core.Network.Directory;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

/// <summary>
/// NET-06: the directory finds a name or a city typed in the other alphabet, on the engine the run uses. The fixture's
/// database holds only these tests' members, so plain names can be used and unrelated ones are really absent.
/// </summary>
public sealed class DirectoryTransliterationTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    private async Task<List<string>> FindAsync(string query)
    {
        using var anonymous = app.Api();
        var response = await anonymous.GetAsync("/api/v1/directory?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(x => x.GetProperty("address").GetString()!).ToList();
    }

    private static string Q(string text) => Uri.EscapeDataString(text);

    private async Task<string> OrganizationAsync(NetMember founder, string name, string city, string industry)
    {
        using var client = app.Api(founder.Token);
        var created = await client.PostAsJsonAsync("/api/v1/organizations", new { name, legalForm = "ООО", industry, country = "RU", city });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("slug").GetString()!;
    }

    [Fact]
    public async Task NET06_Cyrillic_query_finds_latin_surname()
    {
        var petrova = await MemberAsync(app, "Olga", "Petrova");
        var sidorov = await MemberAsync(app, "Ivan", "Sidorov");

        var found = await FindAsync($"q={Q("Петрова")}");
        Assert.Contains(petrova.Handle, found);
        Assert.DoesNotContain(sidorov.Handle, found);
        Assert.Contains(petrova.Handle, await FindAsync($"q={Q("Ольга Петрова")}"));
        // A surname begun in the other alphabet, as the people picker asks while it is typed.
        Assert.Contains(petrova.Handle, await FindAsync($"q={Q("петр")}"));
        Assert.DoesNotContain(petrova.Handle, await FindAsync($"q={Q("Сидорова")}"));

        using var anonymous = app.Api();
        var html = await anonymous.GetStringAsync($"/people?q={Q("Петрова")}");
        Assert.Contains($"href=\"/u/{petrova.Handle}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NET06_Latin_query_finds_cyrillic_surname()
    {
        var shcherbakova = await MemberAsync(app, "Юлия", "Щербакова");
        var zhukov = await MemberAsync(app, "Юрий", "Жуков");

        Assert.Contains(shcherbakova.Handle, await FindAsync($"q=Shcherbakova"));
        Assert.Contains(shcherbakova.Handle, await FindAsync($"q=Scherbakova"));
        Assert.Contains(shcherbakova.Handle, await FindAsync($"q={Q("Yulia Shcherbakova")}"));
        Assert.Contains(shcherbakova.Handle, await FindAsync($"q={Q("Julia Shch")}"));
        Assert.Contains(zhukov.Handle, await FindAsync($"q={Q("Yuriy Zhukov")}"));
        Assert.Contains(zhukov.Handle, await FindAsync($"q=Jukov"));
        Assert.DoesNotContain(zhukov.Handle, await FindAsync("q=Shcherbakova"));
        Assert.DoesNotContain(shcherbakova.Handle, await FindAsync("q=Zharov"));
    }

    [Fact]
    public async Task NET06_Cyrillic_city_finds_an_organization_and_a_member_in_Arkhangelsk()
    {
        var founder = await MemberAsync(app, "Pavel", "Belov", confirmed: true);
        await SavePageAsync(app, founder, new { city = "Arkhangelsk", cityVisibility = "public" });
        var elsewhere = await MemberAsync(app, "Pavel", "Belousov", confirmed: true);
        await SavePageAsync(app, elsewhere, new { city = "Astrakhan", cityVisibility = "public" });
        var pomor = await OrganizationAsync(founder, "Pomor Timber", "Arkhangelsk", "Logging");
        var delta = await OrganizationAsync(elsewhere, "Delta Fish", "Astrakhan", "Fishing");

        var organizations = await FindAsync($"kind=organizations&city={Q("Архангельск")}");
        Assert.Contains(pomor, organizations);
        Assert.DoesNotContain(delta, organizations);
        Assert.Equal([pomor], await FindAsync($"kind=organizations&q={Q("Помор Тимбер")}&city={Q("Архангельск")}"));
        var people = await FindAsync($"q={Q("Павел Белов")}&city={Q("Архангельск")}");
        Assert.Equal([founder.Handle], people);
        Assert.Equal([founder.Handle], await FindAsync($"q={Q("Belov")}&industry={Q("Логгинг")}"));
    }

    [Fact]
    public async Task NET06_Latin_city_finds_an_organization_and_a_member_in_Архангельск()
    {
        var founder = await MemberAsync(app, "Нина", "Коровина", confirmed: true);
        await SavePageAsync(app, founder, new { city = "Архангельск", cityVisibility = "public" });
        var elsewhere = await MemberAsync(app, "Нина", "Коротова", confirmed: true);
        await SavePageAsync(app, elsewhere, new { city = "Астрахань", cityVisibility = "public" });
        var wharf = await OrganizationAsync(founder, "Беломорская верфь", "Архангельск", "Лесозаготовка");
        var fishery = await OrganizationAsync(elsewhere, "Каспийский рыбзавод", "Астрахань", "Рыболовство");

        foreach (var city in new[] { "Arkhangelsk", "Arhangelsk", "ARKHANGELSK", "Ark" })
        {
            var organizations = await FindAsync($"kind=organizations&city={city}");
            Assert.Contains(wharf, organizations);
            Assert.DoesNotContain(fishery, organizations);
        }
        Assert.Equal([wharf], await FindAsync($"kind=organizations&q={Q("Belomorskaya verf")}&industry=lesozagotovka"));
        Assert.Equal([founder.Handle], await FindAsync($"q=Korovina&city=Arkhangelsk"));
        Assert.Empty(await FindAsync($"q=Korovina&city=Astrakhan"));
    }

    [Fact]
    public async Task NET06_rows_indexed_before_transliteration_get_their_keys_at_start()
    {
        var member = await MemberAsync(app, "Kira", "Smirnova");
        var founder = await MemberAsync(app, "Kira", "Lebedeva", confirmed: true);
        var slug = await OrganizationAsync(founder, "Smirnov Sawmill", "Kotlas", "Sawmilling");
        // As the migration leaves rows that existed: folded columns filled, keys empty, version 0.
        await app.WithDb(async db =>
        {
            await db.Set<Profile>().Where(p => p.MemberId == member.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SearchNameKey, "").SetProperty(p => p.SearchCityKey, (string?)null).SetProperty(p => p.SearchKeyVersion, 0));
            await db.Set<Organization>().Where(o => o.Slug == slug)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.SearchNameKey, "").SetProperty(o => o.SearchCityKey, (string?)null)
                    .SetProperty(o => o.SearchIndustryKey, (string?)null).SetProperty(o => o.SearchKeyVersion, 0));
        });
        // Unkeyed rows are still found by their folded columns.
        Assert.Contains(member.Handle, await FindAsync("q=Smirnova"));

        var keyed = await app.WithDb(db => new DirectoryKeys(db, NullLogger<DirectoryKeys>.Instance).BackfillAsync(CancellationToken.None));
        Assert.Equal(2, keyed);
        Assert.Contains(member.Handle, await FindAsync($"q={Q("Смирнова")}"));
        Assert.Equal([slug], await FindAsync($"kind=organizations&q={Q("Смирнов")}&city={Q("Котлас")}"));
        Assert.Equal(0, await app.WithDb(db => new DirectoryKeys(db, NullLogger<DirectoryKeys>.Instance).BackfillAsync(CancellationToken.None)));
    }
}
