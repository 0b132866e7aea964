using Tradehall.Core.Network.Onboarding;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Marketplace;
using Tradehall.Tests.Messaging;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

/// <summary>The home page's first steps and what waits for a member, each read from what the member really did.</summary>
public sealed class HomeChecklistTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    private async Task<HomeOverview> OverviewAsync(Guid memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HomeChecklist>().ForMemberAsync(memberId, CancellationToken.None);
    }

    private static FirstStep[] DoneSteps(HomeOverview overview) => overview.Steps.Where(s => s.Done).Select(s => s.Step).ToArray();

    [Fact]
    public async Task NET_the_home_checklist_counts_what_is_done()
    {
        var subscriber = await Subscribers.CreateAsync(app, 0, legal: false, kind: "marketplace");
        var member = subscriber.Member;
        var handle = await ChatSteps.HandleAsync(app, member.Id);
        using var client = app.Api(member.Token);

        var fresh = await OverviewAsync(member.Id);
        Assert.Equal(8, fresh.Total);
        Assert.Equal(0, fresh.Done);
        Assert.Equal(Enum.GetValues<FirstStep>(), fresh.Steps.Select(s => s.Step).ToArray());
        Assert.Equal(new WaitingItems(0, 0, 0), fresh.Waiting);

        // A position alone does not fill the page: it also needs a photo.
        await SavePageAsync(app, new NetMember(member, handle), new { position = "Timber buyer" });
        Assert.Empty(DoneSteps(await OverviewAsync(member.Id)));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(NetworkPageTests.JpegWithGps()), "photo", "me.jpg" } })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync("/api/v1/me/page/photo", form)).StatusCode);
        }
        await ConfirmAsync(app, member.Id);
        Assert.Equal([FirstStep.Page, FirstStep.Email, FirstStep.Phone], DoneSteps(await OverviewAsync(member.Id)));

        var created = await client.PostAsJsonAsync("/api/v1/organizations", new { name = "Checklist timber " + handle });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var legal = await client.PutAsJsonAsync("/api/v1/me/legal", new
        {
            type = "individual", resident = true, country = "RU", notificationPhone = member.Phone, email = member.Email,
            lastName = "Koroleva", firstName = "Elena", patronymic = "Petrovna",
            documentType = "Passport", documentNumber = "4510 123456", documentIssuedOn = "2012-05-04",
        });
        Assert.True(legal.IsSuccessStatusCode, await legal.Content.ReadAsStringAsync());
        Assert.Equal(5, (await OverviewAsync(member.Id)).Done);

        // An invoice within its payment term waits for payment; paying by gateway is the first top-up.
        var invoice = await client.PostAsJsonAsync("/api/v1/billing/invoices", new { amount = 5000m });
        Assert.Equal(HttpStatusCode.Created, invoice.StatusCode);
        Assert.Equal(1, (await OverviewAsync(member.Id)).Waiting.InvoicesDue);
        await Subscribers.TopUpAsync(app, subscriber.Number, 100_000m);
        Assert.True((await OverviewAsync(member.Id)).IsDone(FirstStep.TopUp));

        await ListingSteps.PostedAsync(app, member);
        await Subscribers.OrderFirstAsync(app, member, "marketplace");
        var saved = await client.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Pine", query = new { q = "pine" } });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        // Others reach out: a chat with an unread message and a contact request.
        var writer = await ChatSteps.TrustedAsync(app);
        await ChatSteps.StartAsync(app, writer, member, "Do you buy spruce?");
        using (var asker = app.Api((await MemberAsync(app, "Boris", "Sokolov")).Token))
        {
            Assert.Equal(HttpStatusCode.Created, (await asker.PostAsJsonAsync("/api/v1/contacts", new { to = handle })).StatusCode);
        }

        var done = await OverviewAsync(member.Id);
        Assert.Equal(8, done.Done);
        Assert.Equal(new WaitingItems(1, 1, 1), done.Waiting);

        // Past its due date the invoice no longer waits.
        app.Clock.Advance(TimeSpan.FromDays(40));
        Assert.Equal(0, (await OverviewAsync(member.Id)).Waiting.InvoicesDue);
    }

    [Fact]
    public async Task NET04_an_accepted_request_tells_the_requester_and_an_answered_request_is_read()
    {
        var alice = await MemberAsync(app);
        var bob = await MemberAsync(app, "Boris", "Sokolov");
        var carol = await MemberAsync(app, "Karina", "Orlova");
        using var a = app.Api(alice.Token);
        using var b = app.Api(bob.Token);
        using var c = app.Api(carol.Token);
        var toBob = (await (await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle })).JsonAsync()).GetProperty("id").GetGuid();
        var toAlice = (await (await c.PostAsJsonAsync("/api/v1/contacts", new { to = alice.Handle })).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(1, (await OverviewAsync(bob.Id)).Waiting.ContactRequests);

        Assert.Equal(HttpStatusCode.NoContent, (await b.PostAsync($"/api/v1/contacts/{toBob}/accept", null)).StatusCode);
        var accepted = await app.WithDb(db => db.Set<Notification>().AsNoTracking()
            .SingleAsync(n => n.MemberId == alice.Id && n.Type == NotificationType.ContactAccepted));
        Assert.Equal(bob.Id, accepted.ActorId);
        Assert.Equal("Boris Sokolov", accepted.ActorName);
        Assert.Equal($"/u/{bob.Handle}", accepted.Link);
        Assert.Null(accepted.ReadAt);
        var bobsRequest = await app.WithDb(db => db.Set<Notification>().AsNoTracking()
            .SingleAsync(n => n.MemberId == bob.Id && n.Type == NotificationType.ContactRequest));
        Assert.NotNull(bobsRequest.ReadAt);
        Assert.Equal(0, (await OverviewAsync(bob.Id)).Waiting.ContactRequests);

        // A declined request is read too, and tells its sender nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsync($"/api/v1/contacts/{toAlice}/decline", null)).StatusCode);
        Assert.NotNull(await app.WithDb(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.MemberId == alice.Id && n.Type == NotificationType.ContactRequest).Select(n => n.ReadAt).SingleAsync()));
        Assert.False(await app.WithDb(db => db.Set<Notification>().AnyAsync(n => n.MemberId == carol.Id && n.Type == NotificationType.ContactAccepted)));

        // The requester's email speaks of the acceptance (NTF-01 default: in the centre and by email).
        var email = (await app.Mail.NextAsync(alice.Member.Email, "Boris Sokolov accepted your contact request")).Body;
        Assert.Contains($"/u/{bob.Handle}", email, StringComparison.Ordinal);
    }
}
