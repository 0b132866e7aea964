using System.Reflection;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Hosting;

public sealed class HostingTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    [Fact]
    public async Task RUN04_openapi_document_describes_the_api()
    {
        using var client = app.Api();
        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var route in new[] { "/api/v1/account/register", "/api/v1/account/phone/confirm", "/api/v1/account/phone/resend", "/api/v1/account/email/confirm", "/api/v1/tokens", "/api/v1/me" })
        {
            Assert.True(paths.TryGetProperty(route, out _), route);
        }
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/health/live")]
    public async Task SEC08_every_answer_carries_the_security_headers(string path)
    {
        using var client = app.Api();
        var response = await client.GetAsync(path);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task SEC08_api_answers_are_never_cached()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.GetAsync("/api/v1/me");
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task RUN04_unknown_api_route_is_a_problem_with_a_code()
    {
        using var client = app.Api();
        var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("request.not_found", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task SEC06_forwarded_for_from_an_untrusted_peer_is_ignored()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = member.Email, password = "wrong password here", name = "x" }),
        };
        request.Headers.Add("X-Forwarded-For", "198.51.100.77");
        await client.SendAsync(request);
        var ips = await app.WithDb(db => db.Set<Core.Archive.ArchiveRecord>().Where(r => r.ActorId == member.Id).Select(r => r.Ip).ToListAsync());
        Assert.DoesNotContain("198.51.100.77", ips);
    }

    [SqliteFact("WAL and the busy timeout are SQLite settings")]
    public async Task RUN01_sqlite_runs_in_wal_mode_with_a_busy_timeout()
    {
        var (mode, timeout) = await app.WithDb(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var journal = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA busy_timeout";
            return (journal, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.Equal("wal", mode);
        Assert.True(timeout >= 5000);
    }

    /// <summary>PRV-01: a property of a stored entity whose name says it is about a person carries the mark.</summary>
    [Fact]
    public async Task PRV01_every_personal_field_of_the_model_is_marked_with_purpose_and_retention()
    {
        var personal = new[]
        {
            "Email", "UserName", "Phone", "PhoneNumber", "FirstName", "LastName", "Gender", "DateOfBirth", "City", "Ip", "UserAgent", "To", "Body",
            "Patronymic", "NotificationPhone", "DocumentType", "DocumentNumber", "DocumentIssuedOn", "Inn", "Ogrnip",
            "CertificateSeries", "CertificateNumber", "CertificateDate", "PostalAddress", "Bic", "SettlementAccount", "CorrespondentAccount", "Snapshot",
        };
        var unmarked = await app.WithDb(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace?.StartsWith("Tradehall", StringComparison.Ordinal) == true)
            .SelectMany(e => e.GetProperties().Where(p => p.PropertyInfo is not null).Select(p => (Entity: e.ClrType, Property: p.PropertyInfo!)))
            .Where(x => personal.Contains(x.Property.Name) && x.Property.GetCustomAttribute<PersonalDataAttribute>() is null)
            .Select(x => $"{x.Entity.Name}.{x.Property.Name}")
            .ToList()));
        Assert.Empty(unmarked);
    }
}
