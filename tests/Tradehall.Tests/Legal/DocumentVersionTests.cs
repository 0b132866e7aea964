using Tradehall.Core.Legal.Documents;
using Tradehall.Core.Notifications;

namespace Tradehall.Tests.Legal;

/// <summary>OPS-06, PRV-02: versions of the Terms, the Privacy Policy and the offer — published, announced, accepted.</summary>
public sealed class DocumentVersionTests
{
    /// <summary>The test host's first day in the operator's zone (Moscow): the clock starts on Monday 2 March 2026 at noon there.</summary>
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static object Version(string kind, string version, DateOnly effectiveFrom, string text = "# New text\n\n## 1. Changed\n\nNew words.") =>
        new { kind, version, text, effectiveFrom = effectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task OPS06_the_shipped_terms_privacy_and_offer_are_version_one_and_listed_to_anyone()
    {
        using var app = new TradehallApp();
        using var anonymous = app.Api();
        var response = await anonymous.GetAsync("/api/v1/legal/documents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["terms", "privacy", "offer"], list.Select(d => d.GetProperty("kind").GetString()));
        Assert.All(list, d => Assert.Equal("1.0", d.GetProperty("version").GetString()));
        Assert.EndsWith("/legal/offer/1.0", list[2].GetProperty("url").GetString(), StringComparison.Ordinal);

        using var browser = new Browser(app);
        var (page, html) = await browser.GetAsync("/legal/offer/1.0");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The first offer is the Terms' offer part, word for word.
        Assert.Contains("The price list and the description of each service form a public offer.", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Acceptable use", html.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OPS06_an_offer_needs_ten_days_notice_and_the_terms_take_effect_from_the_next_day()
    {
        using var app = new TradehallApp();
        using var client = app.Api(await Operators.TokenAsync(app));

        var offerSoon = await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("offer", "2.0", Today.AddDays(9)));
        Assert.Equal(HttpStatusCode.BadRequest, offerSoon.StatusCode);
        Assert.True((await offerSoon.JsonAsync()).GetProperty("errors").TryGetProperty("effectiveFrom", out _));
        var offer = await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("offer", "2.0", Today.AddDays(10)));
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);

        var termsToday = await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("terms", "2.0", Today));
        Assert.Equal(HttpStatusCode.BadRequest, termsToday.StatusCode);
        Assert.True((await termsToday.JsonAsync()).GetProperty("errors").TryGetProperty("effectiveFrom", out _));
        var empty = await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("terms", "2.0", Today.AddDays(1), text: "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("text", out _));
        var terms = await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("terms", "2.0", Today.AddDays(1)));
        Assert.Equal(HttpStatusCode.Created, terms.StatusCode);
        Assert.Equal("2026-03-03", (await terms.JsonAsync()).GetProperty("effectiveFrom").GetString());
        var again = await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("terms", "2.0", Today.AddDays(2)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The public list shows the versions in force and the announced ones.
        using var anonymous = app.Api();
        var list = (await (await anonymous.GetAsync("/api/v1/legal/documents")).JsonAsync()).EnumerateArray()
            .Select(d => d.GetProperty("kind").GetString() + " " + d.GetProperty("version").GetString()).ToList();
        Assert.Equal(["terms 1.0", "terms 2.0", "privacy 1.0", "offer 1.0", "offer 2.0"], list);
    }

    [Fact]
    public async Task OPS06_only_an_operator_publishes_a_version()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var asMember = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await asMember.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("terms", "2.0", Today.AddDays(1)))).StatusCode);
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("terms", "2.0", Today.AddDays(1)))).StatusCode);
        Assert.Equal(3, await app.WithDb(db => db.Set<Core.Legal.LegalDocument>().CountAsync()));
    }

    [Fact]
    public async Task OPS06_NTF01_every_member_is_told_of_a_new_version_once_in_batches()
    {
        using var app = new TradehallApp { Settings = { ["Legal:NoticeBatchSize"] = "2" } };
        var members = new List<TestMember>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await Members.RegisterAsync(app));
        }
        using var client = app.Api(await Operators.TokenAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("privacy", "2.0", Today.AddDays(1)))).StatusCode);

        Assert.True(await RunNoticesAsync(app) >= members.Count);
        Assert.Equal(0, await RunNoticesAsync(app));
        var told = await app.WithDb(db => db.Set<Notification>().Where(n => n.Type == NotificationType.ServiceNotice && n.Link == "/legal/privacy/2.0")
            .GroupBy(n => n.MemberId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.All(members, m => Assert.Equal(1, told.Single(t => t.Key == m.Id).Count));
        Assert.True(await app.WithDb(db => db.Set<Core.Legal.LegalDocument>().AllAsync(d => d.NoticesDoneAt != null)));
    }

    [Fact]
    public async Task OPS06_PRV02_after_the_effective_date_a_signed_in_member_is_asked_and_accepting_keeps_both_versions()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        using var client = app.Api(await Operators.TokenAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/operator/legal/documents", Version("terms", "2.0", Today.AddDays(1)))).StatusCode);

        // Announced, not yet in force: nothing is asked.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/settings")).Response.StatusCode);

        // The next sign-in after the date: the session of the day before has lapsed.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await browser.SignInAsync(member.Email, member.Password);
        var (asked, _) = await browser.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/legal/accept?returnUrl=%2Fsettings", asked.Headers.Location!.ToString());
        // The API is not blocked.
        using var api = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var (_, page) = await browser.GetAsync("/legal/accept?returnUrl=%2Fsettings");
        Assert.Contains("Changed or new: 1. Changed", page.Body!.TextContent, StringComparison.Ordinal);
        var accepted = await browser.SubmitAsync("/legal/accept?returnUrl=%2Fsettings", "I accept");
        Assert.Equal("/settings", accepted.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/settings")).Response.StatusCode);

        var history = (await (await api.GetAsync("/api/v1/me/consents")).JsonAsync()).EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("version").GetString(), c.GetProperty("granted").GetBoolean())).ToList();
        Assert.Equal([("terms", "1.0", true), ("privacy", "1.0", true), ("terms", "2.0", true)], history);
        var ip = await app.WithDb(db => db.Set<Core.Legal.DocumentAcceptance>().Where(a => a.MemberId == member.Id)
            .OrderByDescending(a => a.AcceptedAt).Select(a => new { a.AcceptedAt, a.Ip }).FirstAsync());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, ip.AcceptedAt, TimeSpan.FromSeconds(1));
    }

    private static async Task<int> RunNoticesAsync(TradehallApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DocumentNotices>().RunAsync(CancellationToken.None);
    }
}
