using Tradehall.Core.Billing.Catalog;
using static Tradehall.Tests.Billing.CatalogueSteps;

namespace Tradehall.Tests.Billing;

public sealed class CatalogAdminTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private async Task<HttpClient> OperatorAsync() => app.Api(await Operators.TokenAsync(app));

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    [Fact]
    public async Task BIL06_operator_defined_kind_and_tariff_can_be_ordered_by_a_member()
    {
        using var ops = await OperatorAsync();
        var code = NewCode();
        var created = await ops.PostAsJsonAsync("/api/v1/operator/catalog/kinds", new { code, nameEn = "Web hosting", nameRu = "Веб-хостинг" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var kind = await created.JsonAsync();
        Assert.Equal(14, kind.GetProperty("graceDays").GetInt32());
        Assert.Equal(7, kind.GetProperty("reserveDays").GetInt32());
        Assert.False(kind.GetProperty("builtIn").GetBoolean());

        var response = await ops.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}/tariffs",
            new { name = "Hosting S", price = 500.50m, periodMonths = 3, taxMode = "vat", vatRate = 20, refundable = false });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tariff = await response.JsonAsync();
        Assert.Equal("vat", tariff.GetProperty("taxMode").GetString());
        Assert.Equal(20, tariff.GetProperty("vatRate").GetInt32());
        var id = tariff.GetProperty("id").GetGuid();

        var (_, client) = await SubscriberAsync(app, 600m);
        using (client)
        {
            var listed = await CatalogTariffAsync(client, code, id);
            Assert.NotNull(listed);
            Assert.Equal(["id", "name", "price", "period", "refundable", "description"], listed.Value.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(500.50m, listed.Value.GetProperty("price").GetDecimal());
            Assert.Equal("P3M", listed.Value.GetProperty("period").GetString());
            Assert.False(listed.Value.GetProperty("refundable").GetBoolean());

            var order = await OrderAsync(client, id);
            Assert.Equal(HttpStatusCode.Created, order.StatusCode);
            Assert.Equal("active", (await order.JsonAsync()).GetProperty("status").GetString());
            Assert.Equal(99.50m, await BalanceAsync(client));
        }
    }

    [Fact]
    public async Task BIL06_bad_input_is_refused_naming_the_field_and_nothing_is_stored()
    {
        using var ops = await OperatorAsync();
        var code = await KindAsync(ops);
        var kindsBefore = await app.WithDb(db => db.Set<ServiceKind>().CountAsync());
        var tariffsBefore = await app.WithDb(db => db.Set<Tariff>().CountAsync());

        Assert.Equal(["price"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}/tariffs", new { name = "Three decimals", price = 10.005m })));
        Assert.Equal(["price"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}/tariffs", new { name = "Free", price = 0m })));
        Assert.Equal(["periodMonths"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}/tariffs", new { name = "Long", price = 10m, periodMonths = 37 })));
        Assert.Equal(["vatRate"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}/tariffs", new { name = "Taxed", price = 10m, taxMode = "vat" })));
        Assert.Equal(["reserveDays"], await ErrorFieldsAsync(await ops.PostAsJsonAsync("/api/v1/operator/catalog/kinds", new { code = NewCode(), nameEn = "VDS", nameRu = "VDS", graceDays = 5, reserveDays = 6 })));
        Assert.Equal(["code"], await ErrorFieldsAsync(await ops.PostAsJsonAsync("/api/v1/operator/catalog/kinds", new { code, nameEn = "Again", nameRu = "Снова" })));
        Assert.Equal(["code"], await ErrorFieldsAsync(await ops.PostAsJsonAsync("/api/v1/operator/catalog/kinds", new { code = "Web Hosting", nameEn = "Upper", nameRu = "Верх" })));
        Assert.Equal(["reserveDays"], await ErrorFieldsAsync(await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}", new { graceDays = 3 })));

        Assert.Equal(kindsBefore, await app.WithDb(db => db.Set<ServiceKind>().CountAsync()));
        Assert.Equal(tariffsBefore, await app.WithDb(db => db.Set<Tariff>().CountAsync()));
        var kind = await app.WithDb(db => db.Set<ServiceKind>().SingleAsync(k => k.Code == code));
        Assert.Equal((14, 7), (kind.GraceDays, kind.ReserveDays));
    }

    [Fact]
    public async Task BIL06_a_built_in_kind_keeps_its_code_but_takes_new_names()
    {
        using var ops = await OperatorAsync();
        Assert.Equal(["code"], await ErrorFieldsAsync(await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{ServiceCatalog.PriceReview}", new { code = "reviews" })));
        var renamed = await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{ServiceCatalog.PriceReview}", new { nameEn = "Monthly price reviews", nameRu = "Обзоры цен за месяц" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Обзоры цен за месяц", (await renamed.JsonAsync()).GetProperty("nameRu").GetString());
        var kinds = await (await ops.GetAsync("/api/v1/operator/catalog/kinds")).JsonAsync();
        Assert.Contains(kinds.EnumerateArray(), k => k.GetProperty("code").GetString() == ServiceCatalog.PriceReview && k.GetProperty("builtIn").GetBoolean());
    }

    [Fact]
    public async Task SEC05_a_member_gets_403_on_the_operator_catalogue()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/operator/catalog/kinds")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/operator/catalog/kinds", new { code = NewCode(), nameEn = "Mine", nameRu = "Моё" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{ServiceCatalog.Analytics}/tariffs", new { name = "Cheap", price = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/operator/services/awaiting")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/operator/services/{Guid.NewGuid()}/confirm", null)).StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Set<Tariff>().CountAsync(t => t.Name == "Cheap")));
    }

    [Fact]
    public async Task BIL14_a_new_price_is_announced_ahead_and_applies_from_its_day()
    {
        using var ops = await OperatorAsync();
        var code = await KindAsync(ops);
        var id = await TariffAsync(ops, code, 100m);
        var (member, client) = await SubscriberAsync(app, 100m);
        using var _ = client;
        Assert.Equal(HttpStatusCode.Created, (await OrderAsync(client, id)).StatusCode);
        var today = Today;

        var tooSoon = await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{id}", new { price = 120m, effectiveOn = today.AddDays(9) });
        Assert.Equal(["effectiveOn"], await ErrorFieldsAsync(tooSoon));
        var changed = await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{id}", new { price = 120m });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var view = await changed.JsonAsync();
        Assert.Equal(100m, view.GetProperty("price").GetDecimal());
        Assert.Equal(120m, view.GetProperty("pendingPrice").GetDecimal());
        Assert.Equal(today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), view.GetProperty("pendingPriceFrom").GetString());

        var tariff = await app.WithDb(db => db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(100_00, ServiceCatalog.PriceOn(tariff, today.AddDays(9)));
        Assert.Equal(120_00, ServiceCatalog.PriceOn(tariff, today.AddDays(10)));
        Assert.Equal(100m, (await CatalogTariffAsync(client, code, id))!.Value.GetProperty("price").GetDecimal());

        var body = (await app.Mail.NextAsync(member.Email, "The price of your tariff changes")).Body;
        Assert.Contains("120.00 RUB", body, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(10));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ServiceCatalog>().ApplyDuePricesAsync(CancellationToken.None) >= 1);
        }
        Assert.Equal(120m, (await CatalogTariffAsync(client, code, id))!.Value.GetProperty("price").GetDecimal());
        tariff = await app.WithDb(db => db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal((120_00L, (long?)null), (tariff.Price, tariff.PendingPrice));
        Assert.Equal(100_00, ServiceCatalog.PriceOn(new Tariff { Name = "before", Price = 100_00, PendingPrice = 120_00, PendingPriceFrom = today.AddDays(10) }, today));
    }

    [Fact]
    public async Task BIL14_closing_a_tariff_needs_an_open_successor_of_the_same_kind()
    {
        using var ops = await OperatorAsync();
        var code = await KindAsync(ops);
        var old = await TariffAsync(ops, code, 200m);
        var successor = await TariffAsync(ops, code, 250m);
        var elsewhere = await TariffAsync(ops, await KindAsync(ops), 300m);
        var (member, client) = await SubscriberAsync(app, 200m);
        using var _ = client;
        Assert.Equal(HttpStatusCode.Created, (await OrderAsync(client, old)).StatusCode);

        Assert.Equal(["successorTariffId"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{old}/close", new { })));
        Assert.Equal(["successorTariffId"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{old}/close", new { successorTariffId = elsewhere })));
        Assert.Equal(["successorTariffId"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{old}/close", new { successorTariffId = old })));
        Assert.NotNull(await CatalogTariffAsync(client, code, old));

        var closed = await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{old}/close", new { successorTariffId = successor });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var view = await closed.JsonAsync();
        Assert.False(view.GetProperty("active").GetBoolean());
        Assert.Equal(successor, view.GetProperty("successorTariffId").GetGuid());
        Assert.Null(await CatalogTariffAsync(client, code, old));
        Assert.Equal(HttpStatusCode.BadRequest, (await OrderAsync(client, old)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{old}/close", new { successorTariffId = successor })).StatusCode);
        Assert.Contains("Plan 250", (await app.Mail.NextAsync(member.Email, "Your tariff is closing")).Body, StringComparison.Ordinal);
    }
}
