using System.Runtime.CompilerServices;
using Tradehall.Core.Archive;
using Tradehall.Core.Legal;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Tests.Legal;

/// <summary>KYC-01..05 through the real API: PUT, GET and history of a member's own legal data.</summary>
public sealed class LegalDataApiTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    /// <summary>Sberbank's published details, with a settlement account computed for its BIC.</summary>
    public static Dictionary<string, object?> LegalEntity() => new()
    {
        ["type"] = "legalEntity",
        ["resident"] = true,
        ["country"] = "RU",
        ["notificationPhone"] = "+7 916 555-01-02",
        ["email"] = "accounts@sawmill-north.example.com",
        ["name"] = "Сбербанк",
        ["legalForm"] = "ПАО",
        ["inn"] = "7707083893",
        ["kpp"] = "773601001",
        ["ogrn"] = "1027700132195",
        ["legalAddress"] = "117312, Москва, ул. Вавилова, д. 19",
        ["postalAddress"] = "117312, Москва, ул. Вавилова, д. 19",
        ["bic"] = "044525225",
        ["settlementAccount"] = "40702810938000012345",
        ["correspondentAccount"] = "30101810400000000225",
        ["phone"] = "+7 495 500-55-50",
    };

    public static Dictionary<string, object?> Entrepreneur() => new()
    {
        ["type"] = "entrepreneur",
        ["resident"] = true,
        ["country"] = "RU",
        ["notificationPhone"] = "+7 916 555-03-04",
        ["email"] = "sokolov.timber@example.com",
        ["lastName"] = "Соколов",
        ["firstName"] = "Иван",
        ["patronymic"] = "Петрович",
        ["inn"] = "770712345633",
        ["ogrnip"] = "319774600123453",
        ["certificateSeries"] = "77",
        ["certificateNumber"] = "017654321",
        ["certificateDate"] = "2019-03-14",
        ["postalAddress"] = "160000, Вологда, ул. Мира, д. 1",
        ["bic"] = "044525974",
        ["settlementAccount"] = "40802810000000123456",
        ["correspondentAccount"] = "30101810145250000974",
        ["phone"] = "+7 817 272-00-01",
    };

    public static Dictionary<string, object?> Individual() => new()
    {
        ["type"] = "individual",
        ["resident"] = false,
        ["country"] = "KZ",
        ["notificationPhone"] = "+7 701 555-05-06",
        ["email"] = "lind.maria@example.com",
        ["lastName"] = "Lind",
        ["firstName"] = "Maria",
        ["documentType"] = "passport",
        ["documentNumber"] = "N 12345678",
        ["documentIssuedOn"] = "2018-06-01",
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, object? value)
    {
        body[field] = value;
        return body;
    }

    private static readonly ConditionalWeakTable<TradehallApp, Task<TestMember>> Refused = new();

    /// <summary>One member for the tests whose every request is refused: nothing is ever stored for them, which each such test checks.</summary>
    private Task<TestMember> RefusedMemberAsync() => Refused.GetValue(app, a => Members.RegisterAsync(a));

    private static async Task AssertNothingStoredAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/me/legal")).StatusCode);

    private static void AssertFieldError(JsonElement problem, string field)
    {
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"No error for {field}: {problem}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
    }

    [Fact]
    public async Task KYC01_legal_entity_is_saved_and_answered_with_bank_details_masked()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/legal", LegalEntity());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = JsonDocument.Parse(text).RootElement;
        Assert.Equal("legalEntity", saved.GetProperty("type").GetString());
        Assert.Equal("ПАО", saved.GetProperty("legalForm").GetString());
        Assert.Equal("7707083893", saved.GetProperty("inn").GetString());
        Assert.Equal("773601001", saved.GetProperty("kpp").GetString());
        Assert.Equal("1027700132195", saved.GetProperty("ogrn").GetString());
        Assert.Equal("•••• 5225", saved.GetProperty("bic").GetString());
        Assert.Equal("•••• 2345", saved.GetProperty("settlementAccount").GetString());
        Assert.Equal("•••• 0225", saved.GetProperty("correspondentAccount").GetString());
        Assert.Equal("+74955005550", saved.GetProperty("phone").GetString());
        Assert.Equal("+79165550102", saved.GetProperty("notificationPhone").GetString());
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        Assert.False(saved.TryGetProperty("documentNumber", out _));
        Assert.DoesNotContain("40702810938000012345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("30101810400000000225", text, StringComparison.Ordinal);

        var read = await client.GetAsync("/api/v1/me/legal");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var got = await read.JsonAsync();
        Assert.Equal("•••• 2345", got.GetProperty("settlementAccount").GetString());
        Assert.Equal("117312, Москва, ул. Вавилова, д. 19", got.GetProperty("legalAddress").GetString());
        Assert.True(got.GetProperty("resident").GetBoolean());
        Assert.Equal("RU", got.GetProperty("country").GetString());
    }

    [Fact]
    public async Task KYC01_entrepreneur_is_saved_with_the_inn_and_bank_details_masked()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/legal", Entrepreneur());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.JsonAsync();
        Assert.Equal("entrepreneur", saved.GetProperty("type").GetString());
        Assert.Equal("•••• 5633", saved.GetProperty("inn").GetString());
        Assert.Equal("319774600123453", saved.GetProperty("ogrnip").GetString());
        Assert.Equal("2019-03-14", saved.GetProperty("certificateDate").GetString());
        Assert.Equal("Петрович", saved.GetProperty("patronymic").GetString());
        Assert.Equal("•••• 3456", saved.GetProperty("settlementAccount").GetString());
        Assert.False(saved.TryGetProperty("kpp", out _));
    }

    [Fact]
    public async Task KYC01_individual_is_saved_with_the_document_number_masked_and_residency_kept()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/legal", Individual());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await (await client.GetAsync("/api/v1/me/legal")).JsonAsync();
        Assert.Equal("individual", saved.GetProperty("type").GetString());
        Assert.Equal("•••• 5678", saved.GetProperty("documentNumber").GetString());
        Assert.Equal("passport", saved.GetProperty("documentType").GetString());
        Assert.Equal("2018-06-01", saved.GetProperty("documentIssuedOn").GetString());
        Assert.False(saved.TryGetProperty("patronymic", out _));
        // KYC-03: residency and country are kept as given.
        Assert.False(saved.GetProperty("resident").GetBoolean());
        Assert.Equal("KZ", saved.GetProperty("country").GetString());
    }

    [Fact]
    public async Task KYC04_answer_reminds_that_changes_are_reported_within_ten_working_days()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var saved = await (await client.PutAsJsonAsync("/api/v1/me/legal", Individual())).JsonAsync();
        Assert.Equal(10, saved.GetProperty("changeReportWorkingDays").GetInt32());
        Assert.Contains("10 working days", saved.GetProperty("reminder").GetString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/legal");
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var russian = await (await client.SendAsync(request)).JsonAsync();
        Assert.Contains("10 рабочих дней", russian.GetProperty("reminder").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KYC04_the_reporting_period_is_operator_configuration()
    {
        using var configured = new TradehallApp { Settings = { ["Legal:ChangeReportWorkingDays"] = "15" } };
        var member = await Members.RegisterAsync(configured);
        using var client = configured.Api(member.Token);
        var saved = await (await client.PutAsJsonAsync("/api/v1/me/legal", Individual())).JsonAsync();
        Assert.Equal(15, saved.GetProperty("changeReportWorkingDays").GetInt32());
        Assert.Contains("15 working days", saved.GetProperty("reminder").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KYC04_the_reporting_period_is_validated_at_start()
    {
        using var misconfigured = new TradehallApp { Settings = { ["Legal:ChangeReportWorkingDays"] = "0" } };
        Assert.ThrowsAny<Exception>(() => misconfigured.Api());
    }

    [Theory]
    [InlineData("legalEntity", "inn", "7707083894")]
    [InlineData("legalEntity", "inn", "77070838930")]
    [InlineData("legalEntity", "inn", "77070838x3")]
    [InlineData("legalEntity", "ogrn", "1027700132196")]
    [InlineData("legalEntity", "ogrn", "102770013219")]
    [InlineData("legalEntity", "kpp", "77360100")]
    [InlineData("legalEntity", "bic", "04452522")]
    [InlineData("legalEntity", "settlementAccount", "40702810938000012346")]
    [InlineData("legalEntity", "settlementAccount", "4070281093800001234")]
    [InlineData("legalEntity", "correspondentAccount", "30101810400000000226")]
    [InlineData("entrepreneur", "inn", "770712345634")]
    [InlineData("entrepreneur", "inn", "7707083893")]
    [InlineData("entrepreneur", "ogrnip", "319774600123454")]
    [InlineData("entrepreneur", "settlementAccount", "40702810938000012345")]
    [InlineData("entrepreneur", "correspondentAccount", "30101810500000000653")] // a St Petersburg bank's account
    public async Task KYC02_a_wrong_checksum_or_length_is_refused_naming_the_field(string type, string field, string value)
    {
        var member = await RefusedMemberAsync();
        using var client = app.Api(member.Token);
        var body = With(type == "legalEntity" ? LegalEntity() : Entrepreneur(), field, value);
        var response = await client.PutAsJsonAsync("/api/v1/me/legal", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("legal.invalid", problem.GetProperty("code").GetString());
        AssertFieldError(problem, field);
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        await AssertNothingStoredAsync(client);
    }

    [Fact]
    public async Task KYC02_the_field_error_follows_the_request_language()
    {
        var member = await RefusedMemberAsync();
        using var client = app.Api(member.Token);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/legal") { Content = JsonContent.Create(With(LegalEntity(), "inn", "7707083894")) };
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var problem = await (await client.SendAsync(request)).JsonAsync();
        Assert.Contains("ИНН", problem.GetProperty("errors").GetProperty("inn")[0].GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(client);
    }

    [Theory]
    [InlineData("individual", "inn", "7707083893")]
    [InlineData("individual", "settlementAccount", "40702810938000012345")]
    [InlineData("legalEntity", "documentNumber", "4509 123456")]
    [InlineData("legalEntity", "ogrnip", "319774600123453")]
    [InlineData("legalEntity", "lastName", "Ivanov")]
    [InlineData("entrepreneur", "kpp", "773601001")]
    [InlineData("entrepreneur", "name", "Сбербанк")]
    [InlineData("entrepreneur", "documentType", "passport")]
    public async Task KYC01_a_field_of_another_type_is_refused_naming_the_field(string type, string field, string value)
    {
        var member = await RefusedMemberAsync();
        using var client = app.Api(member.Token);
        var body = type switch { "individual" => Individual(), "legalEntity" => LegalEntity(), _ => Entrepreneur() };
        var response = await client.PutAsJsonAsync("/api/v1/me/legal", With(body, field, value));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        AssertFieldError(problem, field);
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        await AssertNothingStoredAsync(client);
    }

    [Fact]
    public async Task KYC01_an_unknown_field_or_type_is_refused()
    {
        var member = await RefusedMemberAsync();
        using var client = app.Api(member.Token);
        var unknown = await client.PutAsJsonAsync("/api/v1/me/legal", With(Individual(), "balance", 1000));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        AssertFieldError(await unknown.JsonAsync(), "balance");
        var badType = await client.PutAsJsonAsync("/api/v1/me/legal", With(Individual(), "type", "company"));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        AssertFieldError(await badType.JsonAsync(), "type");
        var noType = await client.PutAsJsonAsync("/api/v1/me/legal", With(Individual(), "type", null));
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        AssertFieldError(await noType.JsonAsync(), "type");
        await AssertNothingStoredAsync(client);
    }

    [Theory]
    [InlineData("legalEntity", new[] { "resident", "country", "notificationPhone", "email", "name", "legalForm", "inn", "kpp", "ogrn", "legalAddress", "postalAddress", "bic", "settlementAccount", "correspondentAccount", "phone" })]
    [InlineData("entrepreneur", new[] { "resident", "country", "notificationPhone", "email", "lastName", "firstName", "inn", "ogrnip", "certificateNumber", "certificateDate", "postalAddress", "bic", "settlementAccount", "correspondentAccount", "phone" })]
    [InlineData("individual", new[] { "resident", "country", "notificationPhone", "email", "lastName", "firstName", "documentType", "documentNumber", "documentIssuedOn" })]
    public async Task KYC01_every_missing_required_field_is_named(string type, string[] required)
    {
        var member = await RefusedMemberAsync();
        using var client = app.Api(member.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/legal", new Dictionary<string, object?> { ["type"] = type, ["patronymic"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(required.Order().ToList(), errors);
        await AssertNothingStoredAsync(client);
    }

    [Theory]
    [InlineData("country", "XX")]
    [InlineData("country", "RUS")]
    [InlineData("email", "not-an-address")]
    [InlineData("email", "someone@mailinator.com")]
    [InlineData("notificationPhone", "12")]
    [InlineData("documentIssuedOn", "2099-01-01")]
    [InlineData("documentNumber", "<script>")]
    public async Task KYC01_a_bad_common_value_is_refused_naming_the_field(string field, string value)
    {
        var member = await RefusedMemberAsync();
        using var client = app.Api(member.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/legal", With(Individual(), field, value));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertFieldError(await response.JsonAsync(), field);
        await AssertNothingStoredAsync(client);
    }

    [Fact]
    public async Task KYC03_country_is_stored_as_the_capital_iso_code()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var saved = await (await client.PutAsJsonAsync("/api/v1/me/legal", With(LegalEntity(), "country", "ru"))).JsonAsync();
        Assert.Equal("RU", saved.GetProperty("country").GetString());
    }

    [Fact]
    public async Task KYC01_nothing_is_stored_on_a_bad_request()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync("/api/v1/me/legal", With(LegalEntity(), "ogrn", "1027700132196"))).StatusCode);
        var missing = await client.GetAsync("/api/v1/me/legal");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("legal.not_found", (await missing.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await app.WithDb(db => db.Set<LegalSubscriberVersion>().CountAsync(v => v.MemberId == member.Id)));

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me/legal", LegalEntity())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync("/api/v1/me/legal", With(LegalEntity(), "settlementAccount", "40702810938000012346"))).StatusCode);
        var kept = await (await client.GetAsync("/api/v1/me/legal")).JsonAsync();
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
        Assert.Equal("•••• 2345", kept.GetProperty("settlementAccount").GetString());
        Assert.Equal(1, await app.WithDb(db => db.Set<LegalSubscriberVersion>().CountAsync(v => v.MemberId == member.Id)));
        Assert.Equal(1, await app.WithDb(db => db.Set<ArchiveRecord>().CountAsync(r => r.ActorId == member.Id && r.Action == "legal.data_changed")));
    }

    [Fact]
    public async Task KYC04_every_change_keeps_a_version_with_who_and_when()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var firstAt = app.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me/legal", LegalEntity())).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(3));
        var moved = With(With(LegalEntity(), "bic", "044525187"), "settlementAccount", "40702810700000012345");
        moved["correspondentAccount"] = "30101810700000000187";
        var second = await (await client.PutAsJsonAsync("/api/v1/me/legal", moved)).JsonAsync();
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        // The same content again is no change: no new version.
        Assert.Equal(2, (await (await client.PutAsJsonAsync("/api/v1/me/legal", moved)).JsonAsync()).GetProperty("version").GetInt32());

        var history = await (await client.GetAsync("/api/v1/me/legal/history")).JsonAsync();
        var versions = history.EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(2, versions[0].GetProperty("version").GetInt32());
        Assert.Equal("•••• 5187", versions[0].GetProperty("data").GetProperty("bic").GetString());
        Assert.Equal(1, versions[1].GetProperty("version").GetInt32());
        Assert.Equal("•••• 5225", versions[1].GetProperty("data").GetProperty("bic").GetString());
        Assert.Equal("•••• 2345", versions[1].GetProperty("data").GetProperty("settlementAccount").GetString());
        Assert.All(versions, v => Assert.Equal(member.Id, v.GetProperty("changedBy").GetGuid()));
        Assert.Equal(firstAt, versions[1].GetProperty("changedAt").GetDateTimeOffset());
        Assert.Equal(firstAt.AddDays(3), versions[0].GetProperty("changedAt").GetDateTimeOffset());
        Assert.DoesNotContain("40702810938000012345", history.GetRawText(), StringComparison.Ordinal);

        // ARC-01: both changes are evidence, with masked values only.
        var records = await app.WithDb(db => db.Set<ArchiveRecord>()
            .Where(r => r.ActorId == member.Id && r.Action == "legal.data_changed").OrderBy(r => r.Sequence).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.Null(records[0].Before);
        Assert.Contains("5225", records[1].Before, StringComparison.Ordinal);
        Assert.Contains("5187", records[1].After, StringComparison.Ordinal);
        foreach (var secret in new[] { "40702810938000012345", "40702810700000012345", "30101810700000000187", "044525187" })
        {
            Assert.All(records, r => Assert.DoesNotContain(secret, (r.Before ?? "") + r.After, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task KYC05_sensitive_fields_are_encrypted_in_the_database()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me/legal", Entrepreneur())).StatusCode);
        var other = await Members.RegisterAsync(app);
        using var otherClient = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.PutAsJsonAsync("/api/v1/me/legal", Individual())).StatusCode);

        var rows = await RawRowsAsync("SELECT * FROM legal_subscribers");
        var versions = await RawRowsAsync("SELECT * FROM legal_subscriber_versions");
        Assert.True(rows.Count >= 2 && versions.Count >= 2);
        var raw = string.Join("\n", rows.Concat(versions));
        foreach (var secret in new[] { "770712345633", "40802810000000123456", "30101810145250000974", "044525974", "12345678" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        }
        // Public registry numbers stay readable for reports.
        Assert.Contains("319774600123453", raw, StringComparison.Ordinal);
        // The protected values open with the site's keys.
        await using var scope = app.Services.CreateAsyncScope();
        var legal = scope.ServiceProvider.GetRequiredService<SubscriberLegalData>();
        Assert.Equal("•••• 5633", (await legal.GetAsync(member.Id))!.Inn);
        Assert.Equal("•••• 5678", (await legal.GetAsync(other.Id))!.DocumentNumber);
    }

    [Fact]
    public async Task SEC05_a_member_reads_and_changes_only_their_own_legal_data()
    {
        var owner = await Members.RegisterAsync(app);
        using var ownerClient = app.Api(owner.Token);
        var other = await Members.RegisterAsync(app);
        using var otherClient = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.PutAsJsonAsync("/api/v1/me/legal", LegalEntity())).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/api/v1/me/legal")).StatusCode);
        Assert.Empty((await (await otherClient.GetAsync("/api/v1/me/legal/history")).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await otherClient.PutAsJsonAsync("/api/v1/me/legal", Individual())).StatusCode);
        Assert.Equal("individual", (await (await otherClient.GetAsync("/api/v1/me/legal")).JsonAsync()).GetProperty("type").GetString());

        var mine = await (await ownerClient.GetAsync("/api/v1/me/legal")).JsonAsync();
        Assert.Equal("legalEntity", mine.GetProperty("type").GetString());
        Assert.Equal(1, mine.GetProperty("version").GetInt32());
        // No route takes someone else's id.
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/v1/me/legal/{owner.Id}")).StatusCode);

        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me/legal")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/v1/me/legal", LegalEntity())).StatusCode);
    }

    [Fact]
    public async Task BIL07_other_modules_learn_whether_legal_data_is_complete_and_see_it_masked()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var legal = scope.ServiceProvider.GetRequiredService<SubscriberLegalData>();
            Assert.False(await legal.IsCompleteAsync(member.Id));
            Assert.Null(await legal.GetAsync(member.Id));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me/legal", LegalEntity())).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var legal = scope.ServiceProvider.GetRequiredService<SubscriberLegalData>();
            Assert.True(await legal.IsCompleteAsync(member.Id));
            var summary = (await legal.GetAsync(member.Id))!;
            Assert.Equal(SubscriberType.LegalEntity, summary.Type);
            Assert.Equal("ПАО Сбербанк", summary.DisplayName);
            Assert.True(summary.Resident);
            Assert.Equal("RU", summary.Country);
            Assert.Equal("7707083893", summary.Inn);
            Assert.Equal("•••• 2345", summary.SettlementAccount);
        }
    }

    [Fact]
    public async Task RUN04_legal_routes_are_in_the_openapi_document()
    {
        using var client = app.Api();
        var paths = (await (await client.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me/legal", out var legal));
        Assert.True(legal.TryGetProperty("put", out _));
        Assert.True(paths.TryGetProperty("/api/v1/me/legal/history", out _));
    }

    private async Task<List<string>> RawRowsAsync(string sql) => await app.WithDb(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    });
}
