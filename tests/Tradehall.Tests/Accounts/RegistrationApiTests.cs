using Tradehall.Core.Accounts;
using System.Text;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Tradehall.Core.Archive;
using Tradehall.Core.Legal;

namespace Tradehall.Tests.Accounts;

public sealed class RegistrationApiTests(RegistrationApiTests.App app) : IClassFixture<RegistrationApiTests.App>
{
    public sealed class App : TradehallApp
    {
        public App() => Settings["Accounts:BlockedPhonePrefixes:0"] = "+7940";
    }

    private async Task<HttpResponseMessage> Register(Dictionary<string, object?> body)
    {
        using var client = app.Api();
        // A sized body, as browsers and most clients send it.
        return await client.PostAsync("/api/v1/account/register", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
    }

    private async Task<(int Members, int Archive)> Counts() => await app.WithDb(async db =>
        (await db.Set<Member>().CountAsync(), await db.Set<ArchiveRecord>().CountAsync()));

    private async Task AssertRefused(Dictionary<string, object?> body, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var before = await Counts();
        var response = await Register(body);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task ACC01_registration_creates_account_token_and_records_consent()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(member.Id, me.GetProperty("accountId").GetGuid());
        Assert.Equal(member.Email, me.GetProperty("email").GetString());
        Assert.False(me.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal(member.Phone, me.GetProperty("phone").GetString());
        Assert.False(me.GetProperty("phoneConfirmed").GetBoolean());
        Assert.Equal(0, me.GetProperty("roles").GetArrayLength());

        var consents = await app.WithDb(db => db.Set<DocumentAcceptance>().Where(a => a.MemberId == member.Id)
            .Join(db.Set<LegalDocument>(), a => a.DocumentId, d => d.Id, (a, d) => new { d.Kind, d.Version, a.Ip }).ToListAsync());
        Assert.Equal([DocumentKind.Terms, DocumentKind.Privacy], consents.Select(c => c.Kind).Order());
        Assert.All(consents, c => Assert.Equal("1.0", c.Version));
        var archived = await app.WithDb(db => db.Set<ArchiveRecord>().Where(r => r.ActorId == member.Id).Select(r => r.Action).ToListAsync());
        Assert.Contains("account.registered", archived);
        Assert.Contains("account.token_created", archived);
    }

    [Fact]
    public async Task ACC01_member_whose_18th_birthday_is_tomorrow_is_refused_and_today_is_accepted()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);
        var tomorrowsBirthday = today.AddDays(1).AddYears(-18).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await AssertRefused(Members.Registration(dateOfBirth: tomorrowsBirthday), "dateOfBirth");
        var todaysBirthday = today.AddYears(-18).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await Register(Members.Registration(dateOfBirth: todaysBirthday))).StatusCode);
    }

    [Fact]
    public async Task ACC01_born_on_29_February_comes_of_age_on_28_February()
    {
        // The clock of this fixture starts on 2 March 2026; born 29 Feb 2008 → 18 on 28 Feb 2026.
        Assert.Equal(HttpStatusCode.Created, (await Register(Members.Registration(dateOfBirth: "2008-02-29"))).StatusCode);
        await AssertRefused(Members.Registration(dateOfBirth: "2008-03-03"), "dateOfBirth");
    }

    [Fact]
    public async Task ACC02_disposable_email_domain_is_refused() =>
        await AssertRefused(Members.Registration(email: "buyer@mailinator.com"), "email");

    [Fact]
    public async Task ACC02_subdomain_of_disposable_domain_is_refused() =>
        await AssertRefused(Members.Registration(email: "buyer@eu.mailinator.com"), "email");

    [Fact]
    public async Task ACC03_blocked_phone_prefix_is_refused() =>
        await AssertRefused(Members.Registration(phone: "+7 940 123-45-67"), "phone");

    [Theory]
    [InlineData("12345")]
    [InlineData("+7 916 123")]
    [InlineData("phone me")]
    [InlineData("+0 123 456 789")]
    public async Task ACC03_malformed_phone_is_refused(string phone) =>
        await AssertRefused(Members.Registration(phone: phone), "phone");

    [Theory]
    [InlineData("+7 495 500-55-50")]
    [InlineData("8 800 555-35-35")]
    [InlineData("+33 1 23 45 67 89")]
    public async Task ACC03_a_number_that_cannot_receive_the_code_is_refused(string phone) =>
        await AssertRefused(Members.Registration(phone: phone), "phone");

    [Fact]
    public async Task ACC03_a_foreign_mobile_is_accepted_and_kept_in_E164()
    {
        var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var member = await Members.RegisterAsync(app, Members.Registration(phone: "+49 151 " + digits));
        using var client = app.Api(member.Token);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal("+49151" + digits, me.GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    public async Task SEC01_weak_or_common_password_is_refused(string password)
    {
        var body = Members.Registration();
        body["password"] = password;
        await AssertRefused(body, "password");
    }

    [Fact]
    public async Task SEC01_long_passphrase_of_64_characters_is_accepted()
    {
        var body = Members.Registration();
        body["password"] = new string('x', 20) + " timber and pellets to Bremen " + new string('y', 14);
        Assert.Equal(64, ((string)body["password"]!).Length);
        Assert.Equal(HttpStatusCode.Created, (await Register(body)).StatusCode);
    }

    [Fact]
    public async Task SEC01_stored_password_is_pbkdf2_hmac_sha512_with_210000_iterations()
    {
        var member = await Members.RegisterAsync(app);
        var stored = Convert.FromBase64String(await app.WithDb(db => db.Set<Member>().Where(m => m.Id == member.Id).Select(m => m.PasswordHash!).SingleAsync()));
        // Identity's version-3 layout: a format marker, then the PRF, the iteration count and the salt length, big-endian.
        Assert.Equal(0x01, stored[0]);
        Assert.Equal((uint)KeyDerivationPrf.HMACSHA512, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(1)));
        Assert.Equal(210_000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(5)));
        Assert.Equal(16u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(9)));

        using var client = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/tokens", new { email = member.Email, password = member.Password + "!", name = "wrong" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/tokens", new { email = member.Email, password = member.Password, name = "right" })).StatusCode);
    }

    [Fact]
    public async Task ACC04_duplicate_email_in_any_case_is_a_conflict()
    {
        var first = await Members.RegisterAsync(app);
        await AssertRefused(Members.Registration(email: first.Email.ToUpperInvariant()), "email", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ACC04_duplicate_phone_in_another_notation_is_a_conflict()
    {
        var first = await Members.RegisterAsync(app);
        var otherNotation = "8 " + first.Phone[2..5] + " " + first.Phone[5..];
        await AssertRefused(Members.Registration(phone: otherNotation), "phone", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ACC04_same_name_and_birth_date_is_flagged_to_the_operator()
    {
        var body = Members.Registration(dateOfBirth: "1971-11-03");
        body["lastName"] = "Zhukovskaya";
        var first = await Members.RegisterAsync(app, body);
        var second = await Members.RegisterAsync(app, new(body) { ["email"] = Members.NewEmail(), ["phone"] = Members.NewPhone() });
        var flag = await app.WithDb(db => db.Set<Core.Accounts.PossibleDuplicate>().SingleAsync(d => d.MemberId == second.Id));
        Assert.Equal(first.Id, flag.ExistingMemberId);
    }

    [Fact]
    public async Task ACC01_missing_consent_is_refused()
    {
        var body = Members.Registration();
        body["acceptPrivacy"] = false;
        await AssertRefused(body, "acceptPrivacy");
    }

    [Fact]
    public async Task SEC05_unknown_field_trying_to_set_roles_is_refused()
    {
        var body = Members.Registration();
        body["roles"] = new[] { "operator" };
        await AssertRefused(body, "roles");
    }

    [Fact]
    public async Task SEC07_malformed_json_is_refused_with_a_problem()
    {
        using var client = app.Api();
        var response = await client.PostAsync("/api/v1/account/register", new StringContent("{\"email\": \"a@b.c\",", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.malformed_json", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task SEC07_wrongly_typed_date_names_the_field()
    {
        var body = Members.Registration();
        body["dateOfBirth"] = "17.05.1990";
        await AssertRefused(body, "dateOfBirth");
    }

    [Fact]
    public async Task SEC07_oversized_json_is_refused_with_413()
    {
        var before = await Counts();
        var body = Members.Registration();
        body["city"] = new string('a', 400_000);
        var response = await Register(body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too_large", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task RUN04_validation_errors_list_every_bad_field_at_once()
    {
        var response = await Register(new() { ["email"] = "not-an-email", ["acceptTerms"] = true, ["acceptPrivacy"] = true });
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "email", "password", "firstName", "lastName", "dateOfBirth", "city", "phone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
