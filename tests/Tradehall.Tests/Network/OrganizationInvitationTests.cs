using Tradehall.Core.Archive;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Marketplace;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

/// <summary>NET-05 (security finding M2): nobody is listed at an organization, or acts for it, without having accepted.</summary>
public sealed class OrganizationInvitationTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    private async Task<(Guid Id, string Slug)> OrganizationAsync(NetMember admin)
    {
        using var client = app.Api(admin.Token);
        var created = await client.PostAsJsonAsync("/api/v1/organizations", new { name = "Onega Timber " + Guid.NewGuid().ToString("N")[..6], industry = "Sawmill" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("slug").GetString()!);
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient admin, string slug, NetMember who, string role = "employee") =>
        admin.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = who.Handle, role });

    private static async Task<Guid> InvitedAsync(HttpClient admin, string slug, NetMember who, string role = "employee")
    {
        var response = await InviteAsync(admin, slug, who, role);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) => (await response.JsonAsync()).GetProperty("code").GetString()!;

    private static async Task<List<string>> OrganizationsOnPageAsync(HttpClient client, NetMember member) =>
        (await (await client.GetAsync($"/api/v1/people/{member.Handle}")).JsonAsync()).GetProperty("organizations").EnumerateArray()
            .Select(o => o.GetProperty("slug").GetString()!).ToList();

    private static async Task<List<string>> StaffAsync(HttpClient client, string slug) =>
        (await (await client.GetAsync($"/api/v1/organizations/{slug}")).JsonAsync()).GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("handle").GetString()!).ToList();

    private Task<List<string>> ArchivedAsync(Guid organizationId) =>
        app.WithDb(db => db.Set<ArchiveRecord>().AsNoTracking().Where(r => r.Subject == $"organization:{organizationId}")
            .OrderBy(r => r.Sequence).Select(r => r.Action).ToListAsync());

    private async Task<HttpResponseMessage> PostListingForAsync(NetMember member, Guid organizationId)
    {
        var body = ListingSteps.Body(await ListingSteps.CategoryAsync(app), "Pine beams " + Guid.NewGuid().ToString("N")[..6]);
        body["organizationId"] = organizationId;
        return await ListingSteps.PostAsync(app, member.Member, body);
    }

    [Fact]
    public async Task NET05_adding_a_person_to_an_organization_is_an_invitation_they_accept()
    {
        var admin = await MemberAsync(app, "Anna", "Petrova", confirmed: true);
        var ivan = await MemberAsync(app, "Ivan", "Sidorov");
        var (organizationId, slug) = await OrganizationAsync(admin);
        using var a = app.Api(admin.Token);
        using var i = app.Api(ivan.Token);
        using var anonymous = app.Api();

        var invited = await InviteAsync(a, slug, ivan);
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        var invitation = await invited.JsonAsync();
        var id = invitation.GetProperty("id").GetGuid();
        Assert.Equal("pending", invitation.GetProperty("status").GetString());
        Assert.Equal("employee", invitation.GetProperty("role").GetString());
        Assert.Equal(ivan.Handle, invitation.GetProperty("member").GetProperty("handle").GetString());

        // Not listed anywhere and no rights until Ivan accepts.
        Assert.Empty(await OrganizationsOnPageAsync(anonymous, ivan));
        Assert.Equal([admin.Handle], await StaffAsync(anonymous, slug));
        Assert.DoesNotContain(ivan.Handle, (await (await anonymous.GetAsync($"/o/{slug}")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostListingForAsync(ivan, organizationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await i.PutAsJsonAsync($"/api/v1/organizations/{slug}", new { name = "Mine now" })).StatusCode);

        // Ivan is told in the notification centre, and the notice leads to the organization's page.
        var notice = await app.WithDb(db => db.Set<Notification>().AsNoTracking()
            .SingleAsync(n => n.MemberId == ivan.Id && n.Type == NotificationType.OrganizationInvitation));
        Assert.Equal(admin.Id, notice.ActorId);
        Assert.Equal($"/o/{slug}", notice.Link);
        Assert.StartsWith("Onega Timber", notice.Excerpt, StringComparison.Ordinal);
        // By email too, as the default preference of this type says.
        var email = Assert.Single(await Notifications.NotificationSteps.NotificationEmailsAsync(app, ivan.Id));
        Assert.Contains("Anna Petrova invited you to join an organization", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"/o/{slug}", email.Body, StringComparison.Ordinal);

        // Not sent twice while it waits; the admin sees it as pending.
        var again = await InviteAsync(a, slug, ivan, "admin");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("network.organization_invitation_pending", await CodeAsync(again));
        var pending = Assert.Single((await (await a.GetAsync($"/api/v1/organizations/{slug}/invitations")).JsonAsync()).EnumerateArray());
        Assert.Equal(id, pending.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await i.GetAsync($"/api/v1/organizations/{slug}/invitations")).StatusCode);

        var mine = Assert.Single((await (await i.GetAsync("/api/v1/me/organization-invitations")).JsonAsync()).EnumerateArray());
        Assert.Equal(id, mine.GetProperty("id").GetGuid());
        Assert.Equal(slug, mine.GetProperty("organization").GetProperty("slug").GetString());
        Assert.Equal(admin.Handle, mine.GetProperty("invitedBy").GetProperty("handle").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await i.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);
        Assert.Equal([slug], await OrganizationsOnPageAsync(anonymous, ivan));
        Assert.Contains(ivan.Handle, await StaffAsync(anonymous, slug));
        Assert.Equal(HttpStatusCode.Created, (await PostListingForAsync(ivan, organizationId)).StatusCode);
        Assert.Equal(0, (await (await i.GetAsync("/api/v1/me/organization-invitations")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await i.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);

        // Once he accepted, his role changes directly.
        Assert.Equal(HttpStatusCode.NoContent, (await InviteAsync(a, slug, ivan, "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await i.PutAsJsonAsync($"/api/v1/organizations/{slug}", new { name = "Onega Timber Group" })).StatusCode);
        Assert.Equal(["network.organization_invited", "network.organization_invitation_accepted", "network.organization_role_changed"],
            await ArchivedAsync(organizationId));
    }

    [Fact]
    public async Task NET05_a_declined_invitation_leaves_nothing_and_is_not_sent_again_at_once()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var olga = await MemberAsync(app, "Olga", "Smirnova");
        var (organizationId, slug) = await OrganizationAsync(admin);
        using var a = app.Api(admin.Token);
        using var o = app.Api(olga.Token);
        var id = await InvitedAsync(a, slug, olga, "admin");

        Assert.Equal(HttpStatusCode.NoContent, (await o.PostAsync($"/api/v1/me/organization-invitations/{id}/decline", null)).StatusCode);
        using var anonymous = app.Api();
        Assert.Empty(await OrganizationsOnPageAsync(anonymous, olga));
        Assert.Equal([admin.Handle], await StaffAsync(anonymous, slug));
        Assert.Equal(0, (await (await o.GetAsync("/api/v1/me/organization-invitations")).JsonAsync()).GetArrayLength());
        Assert.Equal(0, (await (await a.GetAsync($"/api/v1/organizations/{slug}/invitations")).JsonAsync()).GetArrayLength());
        Assert.False(await app.WithDb(db => db.Set<OrganizationMember>().AnyAsync(m => m.MemberId == olga.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await o.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);

        var again = await InviteAsync(a, slug, olga);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("network.organization_invitation_declined", await CodeAsync(again));
        Assert.Equal(["network.organization_invited", "network.organization_invitation_declined"], await ArchivedAsync(organizationId));
    }

    [Fact]
    public async Task NET05_NET07_a_person_who_blocked_the_inviter_or_an_admin_cannot_be_invited()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var coAdmin = await MemberAsync(app);
        var blocker = await MemberAsync(app, "Pavel", "Orlov");
        var (_, slug) = await OrganizationAsync(admin);
        using var a = app.Api(admin.Token);
        using var c = app.Api(coAdmin.Token);
        using var b = app.Api(blocker.Token);

        Assert.Equal(HttpStatusCode.NoContent, (await b.PostAsync($"/api/v1/blocks/{admin.Handle}", null)).StatusCode);
        var refused = await InviteAsync(a, slug, blocker);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("network.blocked", await CodeAsync(refused));

        // Another admin of the same organization is refused too.
        var coId = await InvitedAsync(a, slug, coAdmin, "admin");
        Assert.Equal(HttpStatusCode.NoContent, (await c.PostAsync($"/api/v1/me/organization-invitations/{coId}/accept", null)).StatusCode);
        var viaOther = await InviteAsync(c, slug, blocker);
        Assert.Equal(HttpStatusCode.Forbidden, viaOther.StatusCode);
        Assert.Equal("network.blocked", await CodeAsync(viaOther));
        Assert.False(await app.WithDb(db => db.Set<Notification>().AnyAsync(n => n.MemberId == blocker.Id && n.Type == NotificationType.OrganizationInvitation)));

        // Blocking the inviter later takes their waiting invitation away.
        Assert.Equal(HttpStatusCode.NoContent, (await b.DeleteAsync($"/api/v1/blocks/{admin.Handle}")).StatusCode);
        var id = await InvitedAsync(a, slug, blocker);
        Assert.Equal(HttpStatusCode.NoContent, (await b.PostAsync($"/api/v1/blocks/{admin.Handle}", null)).StatusCode);
        Assert.Equal(0, (await (await b.GetAsync("/api/v1/me/organization-invitations")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task NET05_a_member_can_leave_and_the_last_admin_cannot()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var ivan = await MemberAsync(app, "Ivan", "Lebedev");
        var outsider = await MemberAsync(app);
        var (organizationId, slug) = await OrganizationAsync(admin);
        using var a = app.Api(admin.Token);
        using var i = app.Api(ivan.Token);
        using var x = app.Api(outsider.Token);
        var id = await InvitedAsync(a, slug, ivan);
        Assert.Equal(HttpStatusCode.NoContent, (await i.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await i.DeleteAsync($"/api/v1/organizations/{slug}/members/me")).StatusCode);
        using var anonymous = app.Api();
        Assert.Empty(await OrganizationsOnPageAsync(anonymous, ivan));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostListingForAsync(ivan, organizationId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await i.DeleteAsync($"/api/v1/organizations/{slug}/members/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await x.DeleteAsync($"/api/v1/organizations/{slug}/members/me")).StatusCode);

        var last = await a.DeleteAsync($"/api/v1/organizations/{slug}/members/me");
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Equal("network.last_admin", await CodeAsync(last));
        Assert.Equal([admin.Handle], await StaffAsync(anonymous, slug));
        Assert.Equal(["network.organization_invited", "network.organization_invitation_accepted", "network.organization_left"], await ArchivedAsync(organizationId));
    }

    [Fact]
    public async Task NET05_an_outsider_cannot_see_accept_decline_or_withdraw_someone_elses_invitation()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var invitee = await MemberAsync(app);
        var outsider = await MemberAsync(app, confirmed: true);
        var (_, slug) = await OrganizationAsync(admin);
        using var a = app.Api(admin.Token);
        using var x = app.Api(outsider.Token);
        var id = await InvitedAsync(a, slug, invitee);

        Assert.Equal(0, (await (await x.GetAsync("/api/v1/me/organization-invitations")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await x.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await x.PostAsync($"/api/v1/me/organization-invitations/{id}/decline", null)).StatusCode);
        // The inviting admin cannot answer for the invitee either.
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await x.DeleteAsync($"/api/v1/organizations/{slug}/invitations/{id}")).StatusCode);
        var (_, own) = await OrganizationAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await x.DeleteAsync($"/api/v1/organizations/{own}/invitations/{id}")).StatusCode);
        Assert.False(await app.WithDb(db => db.Set<OrganizationMember>().AnyAsync(m => m.MemberId == invitee.Id || m.MemberId == outsider.Id && m.Role == OrganizationRole.Employee)));

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/organizations/{slug}/invitations/{id}")).StatusCode);
        using var i = app.Api(invitee.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await i.PostAsync($"/api/v1/me/organization-invitations/{id}/accept", null)).StatusCode);
        // A withdrawn invitation may be sent again, with the right role this time.
        var second = await InvitedAsync(a, slug, invitee, "admin");
        Assert.Equal(HttpStatusCode.NoContent, (await i.PostAsync($"/api/v1/me/organization-invitations/{second}/accept", null)).StatusCode);
        Assert.Contains(invitee.Handle, await StaffAsync(a, slug));
    }

    [Fact]
    public async Task NET05_the_invitee_answers_on_the_pages_and_the_admin_sees_it_pending()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var ivan = await MemberAsync(app, "Ivan", "Belov");
        var (_, slug) = await OrganizationAsync(admin);
        using var adminBrowser = new Browser(app);
        await adminBrowser.SignInAsync(admin.Member.Email, admin.Member.Password);
        using var ivanBrowser = new Browser(app);
        await ivanBrowser.SignInAsync(ivan.Member.Email, ivan.Member.Password);

        Assert.Equal(HttpStatusCode.Redirect, (await adminBrowser.SubmitAsync($"/o/{slug}/edit", "Invite or change role", new() { ["Member"] = ivan.Handle })).StatusCode);
        var edit = (await adminBrowser.GetAsync($"/o/{slug}/edit")).Page;
        var waiting = edit.QuerySelector("ul[aria-labelledby=invitations-title]")!.TextContent;
        Assert.Contains("Ivan Belov", waiting, StringComparison.Ordinal);
        Assert.Contains("pending", waiting, StringComparison.Ordinal);

        var contacts = (await ivanBrowser.GetAsync("/contacts")).Page;
        Assert.Contains("Invitations to organizations", contacts.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave organization", (await ivanBrowser.GetAsync($"/o/{slug}")).Page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ivanBrowser.SubmitAsync($"/o/{slug}", "Accept invitation")).StatusCode);
        var joined = (await ivanBrowser.GetAsync($"/o/{slug}")).Page;
        Assert.Contains("Ivan Belov", joined.QuerySelector("section[aria-labelledby=org-people]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ivanBrowser.SubmitAsync($"/o/{slug}", "Leave organization")).StatusCode);
        Assert.DoesNotContain("Ivan Belov", (await ivanBrowser.GetAsync($"/o/{slug}")).Page.QuerySelector("section[aria-labelledby=org-people]")!.TextContent,
            StringComparison.Ordinal);

        // The last admin's Leave button explains why it cannot be done.
        var refused = await adminBrowser.SubmitAsync($"/o/{slug}", "Leave organization");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least one admin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NET05_the_api_document_describes_the_invitation_and_its_answers()
    {
        using var client = app.Api();
        var paths = (await (await client.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        var add = paths.GetProperty("/api/v1/organizations/{slug}/members").GetProperty("post").GetProperty("responses");
        Assert.True(add.TryGetProperty("202", out _));
        Assert.True(add.TryGetProperty("403", out _));
        Assert.True(add.TryGetProperty("409", out _));
        foreach (var route in new[] { "/api/v1/me/organization-invitations", "/api/v1/me/organization-invitations/{id}/accept",
            "/api/v1/me/organization-invitations/{id}/decline", "/api/v1/organizations/{slug}/members/me", "/api/v1/organizations/{slug}/invitations" })
        {
            Assert.True(paths.TryGetProperty(route, out _), route);
        }
    }
}

public sealed class OrganizationInvitationLimitTests(OrganizationInvitationLimitTests.App app) : IClassFixture<OrganizationInvitationLimitTests.App>
{
    public sealed class App : TradehallApp
    {
        public App() => Settings["Network:InvitationsPerWindow"] = "2";
    }

    [Fact]
    public async Task NET05_an_admin_sends_a_limited_number_of_invitations_and_withdrawn_ones_count()
    {
        var admin = await MemberAsync(app, confirmed: true);
        var people = new List<NetMember>();
        for (var n = 0; n < 3; n++)
        {
            people.Add(await MemberAsync(app));
        }
        using var a = app.Api(admin.Token);
        var slug = (await (await a.PostAsJsonAsync("/api/v1/organizations", new { name = "Limit " + admin.Handle })).JsonAsync()).GetProperty("slug").GetString()!;
        var first = await a.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = people[0].Handle });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var id = (await first.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/organizations/{slug}/invitations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await a.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = people[0].Handle })).StatusCode);

        var third = await a.PostAsJsonAsync($"/api/v1/organizations/{slug}/members", new { member = people[1].Handle });
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("network.organization_invitation_rate_limited", (await third.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(2, await app.WithDb(db => db.Set<Notification>().CountAsync(n => n.MemberId == people[0].Id && n.Type == NotificationType.OrganizationInvitation)));
        Assert.False(await app.WithDb(db => db.Set<Notification>().AnyAsync(n => n.MemberId == people[1].Id)));
    }
}
