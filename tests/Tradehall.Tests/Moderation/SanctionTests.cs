using Tradehall.Core.Archive;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Moderation;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Privacy;
using Tradehall.Tests.Marketplace;
using Tradehall.Tests.Messaging;
using static Tradehall.Tests.Billing.CreditSteps;
using static Tradehall.Tests.Moderation.SanctionSteps;

namespace Tradehall.Tests.Moderation;

/// <summary>OPS-02, OPS-03: sanctions imposed and lifted through the §15.2 route on one shared site (the clock stands still here).</summary>
public sealed class SanctionTests(SanctionApp app) : IClassFixture<SanctionApp>
{
    private static readonly string[] PostingOnly = [Restrictions.Posting];

    [Fact]
    public async Task OPS02_a_warning_is_a_recorded_violation_archived_and_told_to_the_member_as_a_contractual_notice()
    {
        var member = await Members.RegisterAsync(app);
        var id = await ImposedAsync(app, member.Id, new { kind = "warning", reason = "Offensive words in a chat." });

        var violation = Assert.Single(await ViolationsAsync(app, member));
        Assert.Equal((id, "warning", "Offensive words in a chat."),
            (violation.GetProperty("id").GetGuid(), violation.GetProperty("kind").GetString(), violation.GetProperty("reason").GetString()));
        Assert.Equal(4, violation.EnumerateObject().Count());
        Assert.True(await app.WithDb(db => db.Set<ArchiveRecord>().AnyAsync(r => r.Action == "moderation.sanction_imposed" && r.Subject == $"member:{member.Id}")));
        var notice = await app.WithDb(db => db.Set<Notification>().SingleAsync(n => n.MemberId == member.Id && n.Link == ModerationNotices.Link));
        Assert.Equal(NotificationType.ServiceNotice, notice.Type);
        Assert.Contains("A warning from the operator", notice.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PRV03_a_members_export_holds_their_recorded_violations()
    {
        var member = await Members.RegisterAsync(app);
        await ImposedAsync(app, member.Id, new { kind = "warning", reason = "Spam in listings." });

        using var client = app.Api(member.Token);
        var id = await ExportSteps.RequestAsync(client);
        var export = await ExportSteps.ReadyAsync(app, client, member.Email, id);
        var data = (await ExportSteps.DownloadAsync(client, export.GetProperty("url").GetString()!)).Data;
        var violation = Assert.Single(data.GetProperty("moderation").GetProperty("violations").EnumerateArray());
        Assert.Equal(("warning", "Spam in listings."), (violation.GetProperty("kind").GetString(), violation.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task OPS02_a_restriction_blocks_posting_messaging_and_ordering_and_lifting_it_restores_them()
    {
        var s = await Subscribers.CreateAsync(app, 10_000m);
        var member = s.Member;
        var other = await ChatSteps.TrustedAsync(app);
        await app.WithDb(db => db.Set<Tradehall.Core.Accounts.Member>().Where(m => m.Id == member.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.PhoneNumberConfirmed, true).SetProperty(m => m.RegisteredAt, m => m.RegisteredAt.AddDays(-30))));
        var (chatId, _) = await ChatSteps.StartAsync(app, member, other);
        var category = await ListingSteps.CategoryAsync(app);

        var id = await ImposedAsync(app, member.Id, new { kind = "restriction", reason = "Spam listings.", restrictions = Restrictions.All });

        var listing = await ListingSteps.PostAsync(app, member, ListingSteps.Body(category));
        var refusal = await listing.JsonAsync();
        Assert.Equal((HttpStatusCode.Forbidden, "moderation.restricted"), (listing.StatusCode, refusal.GetProperty("code").GetString()));
        Assert.Contains("cannot post", refusal.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var client = app.Api(member.Token);
        var message = await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages", new { text = "Still here" });
        Assert.Equal((HttpStatusCode.Forbidden, "moderation.restricted"), (message.StatusCode, await CodeAsync(message)));
        var order = await Subscribers.OrderAsync(client, s.Tariff);
        Assert.Equal((HttpStatusCode.Forbidden, "moderation.restricted"), (order.StatusCode, await CodeAsync(order)));
        // The other side may still write to the restricted member.
        await ChatSteps.SendAsync(app, other, chatId, "Are you there?");

        Assert.Equal(HttpStatusCode.NoContent, (await LiftAsync(app, member.Id, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await LiftAsync(app, member.Id, id)).StatusCode);
        Assert.True(await app.WithDb(db => db.Set<ArchiveRecord>().AnyAsync(r => r.Action == "moderation.sanction_lifted" && r.Subject == $"member:{member.Id}")));
        Assert.Equal(HttpStatusCode.Created, (await ListingSteps.PostAsync(app, member, ListingSteps.Body(category))).StatusCode);
        await ChatSteps.SendAsync(app, member, chatId, "Back again");
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);
        // The violation stays on record after the lift.
        Assert.Single(await ViolationsAsync(app, member));
    }

    [Fact]
    public async Task OPS02_bad_input_is_refused_by_field_a_non_operator_gets_403_and_nothing_changes()
    {
        var member = await Members.RegisterAsync(app);
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { kind = "warning", reason = "  " }, "reason"),
            (new { kind = "scolding", reason = "Rude." }, "kind"),
            (new { kind = "restriction", reason = "Rude." }, "restrictions"),
            (new { kind = "restriction", reason = "Rude.", restrictions = new[] { "posting", "flying" } }, "restrictions"),
            (new { kind = "warning", reason = "Rude.", restrictions = new[] { "posting" } }, "restrictions"),
            (new { kind = "termination", reason = "Rude." }, "confirmForfeit"),
            (new { kind = "warning", reason = "Rude.", complaintId = Guid.NewGuid() }, "complaintId"),
        })
        {
            var response = await ImposeAsync(app, member.Id, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await ErrorFieldsAsync(response));
        }
        var unknown = await ImposeAsync(app, Guid.NewGuid(), new { kind = "warning", reason = "Rude." });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var asMember = app.Api((await Members.RegisterAsync(app)).Token);
        var forbidden = await asMember.PostAsJsonAsync($"/api/v1/operator/members/{member.Id}/sanctions", new { kind = "warning", reason = "Rude." });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Assert.Empty(await ViolationsAsync(app, member));
        Assert.False(await app.WithDb(db => db.Set<ArchiveRecord>().AnyAsync(r => r.Action == "moderation.sanction_imposed" && r.Subject == $"member:{member.Id}")));
    }

    [Fact]
    public async Task OPS02_a_sanction_may_cite_a_complaint_about_the_member_but_not_one_about_someone_else()
    {
        var accused = await ChatSteps.TrustedAsync(app);
        var reporter = await ChatSteps.TrustedAsync(app);
        var (chatId, messageId) = await ChatSteps.StartAsync(app, accused, reporter, "Buy my stuff or else");
        using var client = app.Api(reporter.Token);
        var report = await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages/{messageId}/report", new { reason = "Threats" });
        Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync());
        var complaintId = (await report.JsonAsync()).GetProperty("id").GetGuid();

        var wrong = await ImposeAsync(app, reporter.Id, new { kind = "warning", reason = "Threats.", complaintId });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("complaintId", await ErrorFieldsAsync(wrong));
        await ImposedAsync(app, accused.Id, new { kind = "warning", reason = "Threats.", complaintId });
        Assert.Single(await ViolationsAsync(app, accused));
    }

    [Fact]
    public async Task OPS03_termination_is_refused_with_2_violations_and_with_3_ends_the_contract_forfeiting_the_balance()
    {
        var s = await Subscribers.CreateAsync(app, 1_000m);
        var member = s.Member;
        await ImposedAsync(app, member.Id, new { kind = "warning", reason = "First." });
        var restriction = await ImposedAsync(app, member.Id, new { kind = "restriction", reason = "Second.", restrictions = PostingOnly });
        var early = await ImposeAsync(app, member.Id, new { kind = "termination", reason = "Enough.", confirmForfeit = true });
        Assert.Equal((HttpStatusCode.Conflict, "moderation.termination_not_allowed"), (early.StatusCode, await CodeAsync(early)));
        Assert.Equal(2, (await ViolationsAsync(app, member)).Length);

        await ImposedAsync(app, member.Id, new { kind = "warning", reason = "Third." });
        await ImposedAsync(app, member.Id, new { kind = "termination", reason = "Systematic violations.", confirmForfeit = true });

        using var client = app.Api(member.Token);
        var account = await (await client.GetAsync("/api/v1/billing/account")).JsonAsync();
        Assert.Equal(("terminated", 0m), (account.GetProperty("status").GetString(), account.GetProperty("balance").GetDecimal()));
        Assert.Equal("terminated", (await ContractAsync(client)).GetProperty("status").GetString());
        var forfeit = Assert.Single(await LinesAsync(client, "penalty.forfeit"));
        Assert.Equal(-1_000m, forfeit.GetProperty("amount").GetDecimal());
        var archived = await app.WithDb(db => db.Set<ArchiveRecord>().AsNoTracking().SingleAsync(r => r.Action == "billing.balance_forfeited" && r.Subject == $"billing-account:{s.Number}"));
        Assert.Contains("systematicViolation", archived.After!, StringComparison.Ordinal);
        Assert.Contains("\"systematicViolation\"", (await app.WithDb(db => db.Set<ArchiveRecord>().AsNoTracking()
            .SingleAsync(r => r.Action == "billing.contract_terminated" && r.Subject == $"billing-account:{s.Number}"))).After!, StringComparison.Ordinal);
        Assert.Equal(4, (await ViolationsAsync(app, member)).Length);
        var again = await ImposeAsync(app, member.Id, new { kind = "termination", reason = "Again.", confirmForfeit = true });
        Assert.Equal((HttpStatusCode.Conflict, "billing.contract_terminated"), (again.StatusCode, await CodeAsync(again)));
        var lift = await LiftAsync(app, member.Id, restriction);
        Assert.Equal((HttpStatusCode.Conflict, "moderation.contract_terminated"), (lift.StatusCode, await CodeAsync(lift)));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }
}
