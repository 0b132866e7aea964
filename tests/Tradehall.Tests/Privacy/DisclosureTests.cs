using Tradehall.Core.Archive;
using Tradehall.Core.Privacy.Disclosures;
using static Tradehall.Tests.Messaging.ChatSteps;

namespace Tradehall.Tests.Privacy;

/// <summary>PRV-10: the operator's register of disclosures to authorities, through the §15.2 route.</summary>
public sealed class DisclosureTests(ExportApp app) : IClassFixture<ExportApp>
{
    private static object Body(DateTimeOffset at, params Guid[] accountIds) => new
    {
        authority = "Arbitration court of Moscow",
        legalBasis = "Court request No. A40-1234/2026 of 1 December 2026",
        accountIds,
        dataDescription = "Contract details and payments of the account",
        disclosedAt = at,
    };

    [Fact]
    public async Task PRV10_a_disclosure_is_registered_with_whose_data_went_archived_and_listed_newest_first()
    {
        var a = await Members.RegisterAsync(app);
        var b = await Members.RegisterAsync(app);
        using var client = app.Api(await Operators.TokenAsync(app));
        var now = app.Clock.GetUtcNow();

        var first = await client.PostAsJsonAsync("/api/v1/operator/disclosures", Body(now.AddDays(-2), a.Id));
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var second = await client.PostAsJsonAsync("/api/v1/operator/disclosures", Body(now.AddHours(-1), a.Id, b.Id, a.Id));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var id = (await second.JsonAsync()).GetProperty("id").GetGuid();

        var register = (await (await client.GetAsync("/api/v1/operator/disclosures")).JsonAsync()).EnumerateArray().ToList();
        var newest = register[0];
        Assert.Equal(id, newest.GetProperty("id").GetGuid());
        Assert.Equal("Arbitration court of Moscow", newest.GetProperty("authority").GetString());
        // A member named twice is recorded once.
        var named = newest.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, named.Count);
        Assert.Equal(new HashSet<Guid> { a.Id, b.Id }, named.ToHashSet());
        Assert.Contains(newest.GetProperty("members").EnumerateArray(), m => m.GetProperty("email").GetString() == b.Email);
        Assert.True(await app.WithDb(db => db.Set<ArchiveRecord>().AnyAsync(r => r.Action == "privacy.disclosure_recorded" && r.Subject == $"disclosure:{id}")));
    }

    [Fact]
    public async Task PRV10_a_disclosure_without_an_authority_basis_description_time_or_members_or_in_the_future_is_refused_by_field_and_nothing_is_kept()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(await Operators.TokenAsync(app));
        var before = await app.WithDb(db => db.Set<Disclosure>().CountAsync());
        var now = app.Clock.GetUtcNow();

        var empty = await client.PostAsJsonAsync("/api/v1/operator/disclosures", new { authority = " ", accountIds = Array.Empty<Guid>() });
        var problem = await empty.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        foreach (var field in new[] { "authority", "legalBasis", "accountIds", "dataDescription", "disclosedAt" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/operator/disclosures", Body(now.AddMinutes(5), member.Id)), HttpStatusCode.BadRequest, "disclosedAt");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/operator/disclosures", Body(now.AddDays(-1), member.Id, Guid.NewGuid())), HttpStatusCode.BadRequest, "accountIds");
        Assert.Equal(before, await app.WithDb(db => db.Set<Disclosure>().CountAsync()));
    }

    [Fact]
    public async Task PRV10_only_the_operator_keeps_the_register()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/operator/disclosures", Body(app.Clock.GetUtcNow().AddDays(-1), member.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/operator/disclosures")).StatusCode);
    }

    [Fact]
    public async Task PRV03_PRV10_a_members_export_holds_the_disclosures_of_their_data_and_no_one_elses()
    {
        var member = await Members.RegisterAsync(app);
        var other = await Members.RegisterAsync(app);
        using (var operatorClient = app.Api(await Operators.TokenAsync(app)))
        {
            Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync("/api/v1/operator/disclosures", Body(app.Clock.GetUtcNow().AddDays(-3), member.Id))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync("/api/v1/operator/disclosures",
                new { authority = "Tax inspectorate No. 5", legalBasis = "Request of 2 December 2026", accountIds = new[] { other.Id }, dataDescription = "Invoices", disclosedAt = app.Clock.GetUtcNow().AddDays(-1) })).StatusCode);
        }

        using var client = app.Api(member.Token);
        var id = await ExportSteps.RequestAsync(client);
        var export = await ExportSteps.ReadyAsync(app, client, member.Email, id);
        var data = (await ExportSteps.DownloadAsync(client, export.GetProperty("url").GetString()!)).Data;
        var disclosure = Assert.Single(data.GetProperty("disclosures").GetProperty("toAuthorities").EnumerateArray());
        Assert.Equal(("Arbitration court of Moscow", "Contract details and payments of the account"),
            (disclosure.GetProperty("authority").GetString(), disclosure.GetProperty("dataDescription").GetString()));
    }
}
