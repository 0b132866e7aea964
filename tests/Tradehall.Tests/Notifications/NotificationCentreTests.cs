using AngleSharp.Html.Dom;
using Tradehall.Core.Notifications;
using Tradehall.Core.Notifications.Preferences;
using static Tradehall.Tests.Notifications.NotificationSteps;

namespace Tradehall.Tests.Notifications;

/// <summary>NTF-01: the notification centre, its API, the preferences and the immediate emails.</summary>
public sealed class NotificationCentreTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private static JsonElement Preference(JsonElement preferences, string type) =>
        preferences.GetProperty("preferences").EnumerateArray().Single(p => p.GetProperty("type").GetString() == type);

    [Fact]
    public async Task NTF01_preferences_start_from_the_configured_defaults_with_marketing_off_everywhere()
    {
        var member = await Members.RegisterAsync(app);
        using var api = app.Api(member.Token);
        var preferences = await (await api.GetAsync("/api/v1/me/notification-preferences")).JsonAsync();
        Assert.Equal(Enum.GetValues<NotificationType>().Length, preferences.GetProperty("preferences").GetArrayLength());

        var marketing = Preference(preferences, "marketing");
        Assert.False(marketing.GetProperty("inApp").GetBoolean());
        Assert.False(marketing.GetProperty("email").GetBoolean());
        Assert.False(marketing.GetProperty("sms").GetBoolean());

        var message = Preference(preferences, "message");
        Assert.True(message.GetProperty("inApp").GetBoolean());
        Assert.True(message.GetProperty("inAppFixed").GetBoolean());
        Assert.True(message.GetProperty("email").GetBoolean());
        Assert.False(message.GetProperty("sms").GetBoolean());
        foreach (var type in new[] { "contactRequest", "pageComment", "billing", "serviceNotice" })
        {
            Assert.True(Preference(preferences, type).GetProperty("email").GetBoolean(), type);
        }
        Assert.True(Preference(preferences, "billing").GetProperty("sms").GetBoolean());
        Assert.False(Preference(preferences, "contactRequest").GetProperty("sms").GetBoolean());
    }

    [Fact]
    public async Task NTF01_preferences_change_through_the_api_and_only_choices_off_the_defaults_are_stored()
    {
        var member = await Members.RegisterAsync(app);
        using var api = app.Api(member.Token);
        var response = await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            preferences = new object[] { new { type = "marketing", email = true }, new { type = "message", email = false } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await (await api.GetAsync("/api/v1/me/notification-preferences")).JsonAsync();
        Assert.True(Preference(saved, "marketing").GetProperty("email").GetBoolean());
        Assert.False(Preference(saved, "marketing").GetProperty("sms").GetBoolean());
        Assert.False(Preference(saved, "message").GetProperty("email").GetBoolean());
        Assert.Equal(2, await app.WithDb(db => db.Set<NotificationPreference>().CountAsync(p => p.MemberId == member.Id)));

        // Back to the default: nothing of the member's is stored any more.
        await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            preferences = new object[] { new { type = "marketing", email = false }, new { type = "message", email = true } },
        });
        Assert.Equal(0, await app.WithDb(db => db.Set<NotificationPreference>().CountAsync(p => p.MemberId == member.Id)));
    }

    [Fact]
    public async Task NTF01_bad_preferences_are_refused_by_field_and_change_nothing()
    {
        var member = await Members.RegisterAsync(app);
        using var api = app.Api(member.Token);
        var refused = await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            preferences = new object[] { new { type = "marketing", email = true }, new { type = "message", inApp = false } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("preferences[1].inApp", out _), problem.ToString());

        var duplicate = await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            preferences = new object[] { new { type = "billing", sms = false }, new { type = "billing", sms = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await duplicate.JsonAsync()).GetProperty("errors").TryGetProperty("preferences[1].type", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            preferences = new object[] { new { type = "telegram", email = true } },
        })).StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Set<NotificationPreference>().CountAsync(p => p.MemberId == member.Id)));
    }

    [Fact]
    public async Task NTF01_preferences_page_shows_a_labelled_table_and_saves_the_boxes()
    {
        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        var (response, page) = await browser.GetAsync("/settings/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var boxes = page.QuerySelectorAll("table input[type=checkbox]").OfType<IHtmlInputElement>().ToList();
        Assert.Equal(Enum.GetValues<NotificationType>().Length * 3, boxes.Count);
        foreach (var box in boxes)
        {
            var label = page.QuerySelector($"label[for='{box.Id}']");
            Assert.False(string.IsNullOrWhiteSpace(label?.TextContent), box.Id);
        }
        var fixedBox = boxes.Single(b => b.Name == "Message-InApp");
        Assert.True(fixedBox.IsChecked && fixedBox.IsDisabled);
        Assert.False(boxes.Single(b => b.Name == "Marketing-Email").IsChecked);
        Assert.Equal("Contact requests — Email", page.QuerySelector("label[for='pref-contactrequest-email']")!.TextContent.Trim());

        // Tick marketing by email, untick contact requests by email; everything else as shown.
        var fields = boxes.Where(b => b.IsChecked && !b.IsDisabled && b.Name != "ContactRequest-Email").ToDictionary(b => b.Name!, _ => "on");
        fields["Marketing-Email"] = "on";
        fields["__RequestVerificationToken"] = page.QuerySelector("form.form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await browser.PostRawAsync("/settings/notifications", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var api = app.Api(member.Token);
        var preferences = await (await api.GetAsync("/api/v1/me/notification-preferences")).JsonAsync();
        Assert.True(Preference(preferences, "marketing").GetProperty("email").GetBoolean());
        Assert.False(Preference(preferences, "contactRequest").GetProperty("email").GetBoolean());
        Assert.True(Preference(preferences, "pageComment").GetProperty("email").GetBoolean());
        Assert.True(Preference(preferences, "message").GetProperty("inApp").GetBoolean());

        var (_, russian) = await browser.GetAsync("/settings/notifications?culture=ru");
        Assert.Contains("Настройки уведомлений", russian.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.True(((IHtmlInputElement)russian.QuerySelector("#pref-marketing-email")!).IsChecked);
    }

    [Fact]
    public async Task NTF01_centre_lists_newest_first_in_the_readers_language_and_counts_unread()
    {
        var member = await Members.RegisterAsync(app);
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.ContactRequest, "/contacts", Guid.NewGuid(), "Ivan Petrov"));
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.PageComment, "/members/elena", Guid.NewGuid(), "Olga Smirnova", "Great   timber,\nthanks"));
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.Billing, "/billing", Excerpt: "Your order of web hosting is confirmed."));

        using var api = app.Api(member.Token);
        var list = await (await api.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(3, list.GetProperty("unread").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("billing pageComment contactRequest", string.Join(' ', items.Select(i => i.GetProperty("type").GetString())));
        Assert.Equal("News about your personal account", items[0].GetProperty("text").GetString());
        Assert.Equal("Your order of web hosting is confirmed.", items[0].GetProperty("excerpt").GetString());
        Assert.Equal("Olga Smirnova commented on your page", items[1].GetProperty("text").GetString());
        Assert.Equal("Great timber, thanks", items[1].GetProperty("excerpt").GetString());
        Assert.Equal("Ivan Petrov asked to join your contacts", items[2].GetProperty("text").GetString());
        Assert.All(items, i => Assert.False(i.GetProperty("read").GetBoolean()));

        using var russianApi = app.Api(member.Token);
        russianApi.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var russian = await (await russianApi.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal("Ivan Petrov просит о добавлении в ваши контакты", russian.GetProperty("items")[2].GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/notifications/{items[1].GetProperty("id").GetGuid()}/read", null)).StatusCode);
        Assert.Equal(2, (await (await api.GetAsync("/api/v1/notifications/unread-count")).JsonAsync()).GetProperty("unread").GetInt32());
        var unread = await (await api.GetAsync("/api/v1/notifications?unreadOnly=true")).JsonAsync();
        Assert.Equal(2, unread.GetProperty("total").GetInt32());
        Assert.DoesNotContain(unread.GetProperty("items").EnumerateArray(), i => i.GetProperty("type").GetString() == "pageComment");

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        Assert.Equal(0, (await (await api.GetAsync("/api/v1/notifications/unread-count")).JsonAsync()).GetProperty("unread").GetInt32());
        Assert.Equal(3, (await (await api.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/notifications?page=0")).StatusCode);
    }

    [Fact]
    public async Task NTF01_centre_is_paged()
    {
        var member = await Members.RegisterAsync(app);
        for (var i = 0; i < 23; i++)
        {
            await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.PageComment, "/members/elena", Guid.NewGuid(), "Olga Smirnova", $"comment {i}"));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        using var api = app.Api(member.Token);
        var second = await (await api.GetAsync("/api/v1/notifications?page=2")).JsonAsync();
        Assert.Equal(23, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("pages").GetInt32());
        Assert.Equal("comment 2|comment 1|comment 0", string.Join('|', second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("excerpt").GetString())));
    }

    [Fact]
    public async Task NTF01_another_members_notification_is_not_found()
    {
        var owner = await Members.RegisterAsync(app);
        var other = await Members.RegisterAsync(app);
        await NotifyAsync(app, new NotificationRequest(owner.Id, NotificationType.PageComment, "/members/elena", Guid.NewGuid(), "Olga Smirnova", "private words"));
        var id = await app.WithDb(db => db.Set<Notification>().Where(n => n.MemberId == owner.Id).Select(n => n.Id).SingleAsync());

        using var api = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        var list = await (await api.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        using var browser = new Browser(app);
        await browser.SignInAsync(other.Email, other.Password);
        var (_, page) = await browser.GetAsync("/notifications");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var open = await browser.PostRawAsync($"/notifications?handler=Open&id={id}", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);

        Assert.Null(await app.WithDb(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync("/api/v1/notifications")).StatusCode);
    }

    [Fact]
    public async Task NTF01_centre_page_marks_unread_shows_the_header_count_and_opening_marks_read()
    {
        var member = await Members.RegisterAsync(app);
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.ContactRequest, "/contacts", Guid.NewGuid(), "Ivan <b>Petrov</b>"));
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.ServiceNotice, "/legal/terms", Excerpt: "Maintenance on Sunday night."));
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);

        var (response, page) = await browser.GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("2", page.QuerySelector("#notifications-link [data-unread]")!.GetAttribute("data-unread"));
        var entries = page.QuerySelectorAll("#notifications article").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains("A notice about the service", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Maintenance on Sunday night.", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Ivan <b>Petrov</b> asked to join your contacts", entries[1].QuerySelector("button")!.TextContent, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.NotNull(e.QuerySelector(".badge")));

        var opened = await browser.SubmitAsync("/notifications", "Ivan <b>Petrov</b> asked to join your contacts");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/contacts", opened.Headers.Location!.ToString());
        (_, page) = await browser.GetAsync("/notifications?unread=true");
        Assert.Single(page.QuerySelectorAll("#notifications article"));
        Assert.Equal("1", page.QuerySelector("#notifications-link [data-unread]")!.GetAttribute("data-unread"));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/notifications", "Mark all as read")).StatusCode);
        (_, page) = await browser.GetAsync("/notifications?culture=ru");
        Assert.Null(page.QuerySelector("#notifications-link [data-unread]"));
        Assert.Contains("Непрочитанных уведомлений нет.", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        using var anonymous = new Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/notifications")).Response.StatusCode);
    }

    [Fact]
    public async Task NTF01_other_types_are_emailed_at_once_in_the_members_language_as_the_preferences_say()
    {
        var member = await Members.RegisterAsync(app);
        await SetCultureAsync(app, member.Id, "ru");
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.ContactRequest, "/contacts", Guid.NewGuid(), "Ivan Petrov"));
        var body = (await app.Mail.NextAsync(member.Email, "Ivan Petrov просит")).Body;
        Assert.Equal("Ivan Petrov просит о добавлении в ваши контакты", Assert.Single(await NotificationEmailsAsync(app, member.Id)).Subject);
        Assert.Contains("Здравствуйте, Elena!", body, StringComparison.Ordinal);
        Assert.Contains("/contacts", body, StringComparison.Ordinal);
        Assert.Contains("/settings/notifications", body, StringComparison.Ordinal);

        // A chat message waits for the digest; marketing is off; a type switched off sends nothing.
        await MessageAsync(app, member.Id, Guid.NewGuid(), "Ivan Petrov", "Hello");
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.Marketing, "/", Excerpt: "Spring offers"));
        using var api = app.Api(member.Token);
        await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = new object[] { new { type = "contactRequest", email = false } } });
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.ContactRequest, "/contacts", Guid.NewGuid(), "Olga Smirnova"));
        Assert.Single(await NotificationEmailsAsync(app, member.Id));
        // Marketing muted on the site too: it never reached the centre.
        Assert.Equal(0, await app.WithDb(db => db.Set<Notification>().CountAsync(n => n.MemberId == member.Id && n.Type == NotificationType.Marketing)));
        Assert.Equal(3, (await (await api.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task NTF01_billing_notices_go_by_sms_to_a_confirmed_phone_only()
    {
        var member = await Members.RegisterAsync(app);
        var code = await app.Sms.NextCodeAsync(member.Phone);
        Task<int> SmsQueuedAsync() => app.WithDb(db => db.Set<OutboxMessage>().CountAsync(m => m.Channel == Channel.Sms && m.To == member.Phone));
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.Billing, "/billing", Excerpt: "Your services are suspended."));
        Assert.Equal(1, await SmsQueuedAsync());
        using (var api = app.Api(member.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/v1/account/phone/confirm", new { code })).StatusCode);
        }
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.Billing, "/billing", Excerpt: "Your services are suspended."));
        Assert.Equal(2, await SmsQueuedAsync());
        var sms = await app.Sms.NextAsync(member.Phone, "News about your personal account");
        Assert.Contains("News about your personal account. Your services are suspended. http://localhost:5080/billing", sms, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NTF01_members_tabs_get_the_unread_count_after_each_change()
    {
        var member = await Members.RegisterAsync(app);
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.PageComment, "/members/elena", Guid.NewGuid(), "Olga Smirnova"));
        Assert.Equal(UnreadCounts.EventName, (await app.Live.LatestAsync(member.Id, new UnreadCountResponse(1))).Name);
        await MessageAsync(app, member.Id, Guid.Parse("0195b1c2-0000-7000-8000-000000000001"), "Ivan Petrov", "Hi");
        await app.Live.LatestAsync(member.Id, new UnreadCountResponse(2));
        Assert.All(app.Live.To(member.Id), e => Assert.Equal(UnreadCounts.EventName, e.Name));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            Assert.Equal(1, await notifier.MarkGroupReadAsync(member.Id, "chat:0195b1c2000070008000000000000001", CancellationToken.None));
        }
        await app.Live.LatestAsync(member.Id, new UnreadCountResponse(1));
        var announced = app.Live.To(member.Id).Count;

        // Inside a transaction that rolls back nothing is announced.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<Notifier>().Add(new NotificationRequest(member.Id, NotificationType.PageComment, "/members/elena"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        using var api = app.Api(member.Token);
        await api.PostAsync("/api/v1/notifications/read-all", null);
        await app.Live.LatestAsync(member.Id, new UnreadCountResponse(0));
        Assert.Equal(announced + 1, app.Live.To(member.Id).Count);
    }

    [Fact]
    public async Task NTF01_marketing_reaches_only_members_who_opted_in_and_links_stay_on_the_site()
    {
        var member = await Members.RegisterAsync(app);
        using var api = app.Api(member.Token);
        await api.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = new object[] { new { type = "marketing", inApp = true, email = true } } });
        await NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.Marketing, "/", Excerpt: "Spring offers on timber"));
        var email = Assert.Single(await NotificationEmailsAsync(app, member.Id));
        Assert.Equal("News from Tradehall Demo Operator LLC", email.Subject);
        Assert.Contains("Spring offers on timber", email.Body, StringComparison.Ordinal);
        Assert.Equal(1, (await (await api.GetAsync("/api/v1/notifications/unread-count")).JsonAsync()).GetProperty("unread").GetInt32());

        await Assert.ThrowsAsync<ArgumentException>(() =>
            NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.PageComment, "https://elsewhere.example/")));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            NotifyAsync(app, new NotificationRequest(member.Id, NotificationType.PageComment, "//elsewhere.example/")));
    }
}
