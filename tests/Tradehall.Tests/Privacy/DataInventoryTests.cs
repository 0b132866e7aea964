using System.Reflection;
using System.Xml.Linq;
using Tradehall.Core.Data;
using Tradehall.Core.Privacy.Inventory;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Privacy;

/// <summary>PRV-01: "What we store about you" is the list of the code's personal-data marks, every one and nothing else.</summary>
public sealed class DataInventoryTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    /// <summary>Every property of a stored record that carries a mark, read from the database model rather than the assembly.</summary>
    private static List<PropertyInfo> MarkedInModel()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Model.GetEntityTypes().Select(e => e.ClrType).Distinct()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<PersonalDataAttribute>(true) is not null))];
    }

    [Fact]
    public void PRV01_the_inventory_lists_every_marked_field_of_every_module_and_only_those()
    {
        var model = MarkedInModel().Select(p => $"{p.ReflectedType!.FullName}.{p.Name}").Order(StringComparer.Ordinal).ToList();
        var listed = DataInventory.Marks.Select(m => $"{m.Entity.FullName}.{m.Property.Name}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(model, listed);
        Assert.True(listed.Count >= 60, $"only {listed.Count} marks found");
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task PRV01_the_api_answers_field_purpose_and_retention_in_a_stable_order_and_in_russian()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var english = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/data-inventory");
        var items = english.EnumerateArray().ToList();
        Assert.Equal(DataInventory.Marks.Count, items.Count);
        var phone = Assert.Single(items, i => i.GetProperty("field").GetString() == "Member: Phone number");
        Assert.Equal("confirming the member and sending codes", phone.GetProperty("purpose").GetString());
        Assert.Equal(Retention.WhileAccountExists, phone.GetProperty("retention").GetString());
        Assert.Equal(items.Select(i => i.GetProperty("field").GetString()),
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/data-inventory")).EnumerateArray().Select(i => i.GetProperty("field").GetString()));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/data-inventory");
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var russian = (await (await client.SendAsync(request)).JsonAsync()).EnumerateArray().ToList();
        var index = items.IndexOf(phone);
        Assert.NotEqual(phone.GetProperty("field").GetString(), russian[index].GetProperty("field").GetString());
        Assert.NotEqual(phone.GetProperty("purpose").GetString(), russian[index].GetProperty("purpose").GetString());
    }

    [Fact]
    public void PRV01_RUN07_every_record_field_purpose_and_retention_of_the_inventory_has_a_russian_translation()
    {
        var translated = XDocument.Load(Path.Combine(Repository.Root, "src", "Tradehall.Core", "Shared", "SharedResource.ru.resx"))
            .Root!.Elements("data").Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var missing = DataInventory.Marks.SelectMany(m => new[] { m.Record, m.Name, m.Purpose, m.Retention })
            .Where(k => !translated.Contains(k)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Missing Russian texts:\n" + string.Join('\n', missing));
    }
}
