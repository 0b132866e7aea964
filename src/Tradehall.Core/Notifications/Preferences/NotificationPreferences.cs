namespace Tradehall.Core.Notifications.Preferences;

/// <summary>One type's channels as the member has them now; <c>inAppFixed</c> says the site always shows it.</summary>
public sealed record PreferenceView(NotificationType Type, bool InApp, bool Email, bool Sms, bool InAppFixed);

public sealed record PreferencesResponse(IReadOnlyList<PreferenceView> Preferences);

/// <summary>A change for one type; a channel left out keeps its current setting.</summary>
public sealed record PreferenceChange(NotificationType? Type, bool? InApp = null, bool? Email = null, bool? Sms = null);

public sealed record PreferencesRequest(IReadOnlyList<PreferenceChange>? Preferences);

/// <summary>NTF-01: per-type, per-channel choices over the configured defaults; marketing is opt-in everywhere.</summary>
public sealed class NotificationPreferences(AppDbContext db, IOptions<NotificationsOptions> options)
{
    public static readonly IReadOnlyList<NotificationType> Types = Enum.GetValues<NotificationType>();
    public static readonly IReadOnlyList<NotificationChannel> Channels = Enum.GetValues<NotificationChannel>();

    /// <summary>
    /// Chat messages always appear on the site: chats read their unread state and digests from them. Service notices
    /// (new versions of the Terms, the Privacy Policy and the offer, OPS-06) are contractual: the site always shows them.
    /// </summary>
    public static bool IsFixed(NotificationType type, NotificationChannel channel) =>
        (type is NotificationType.Message or NotificationType.ServiceNotice) && channel == NotificationChannel.InApp;

    public async Task<PreferencesResponse> GetAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var set = await PreferenceSet.LoadAsync(db, [memberId], options.Value.Defaults, cancellationToken);
        return new PreferencesResponse([.. Types.Select(t => new PreferenceView(t,
            set.IsOn(memberId, t, NotificationChannel.InApp), set.IsOn(memberId, t, NotificationChannel.Email),
            set.IsOn(memberId, t, NotificationChannel.Sms), IsFixed(t, NotificationChannel.InApp)))]);
    }

    public async Task<PreferencesResponse> UpdateAsync(Guid memberId, PreferencesRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var changes = request.Preferences ?? [];
        if (changes.Count == 0)
        {
            errors.Add("preferences", "List at least one notification type.");
        }
        var seen = new HashSet<NotificationType>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.Type is not { } type)
            {
                errors.Add($"preferences[{i}].type", "Name the notification type.");
            }
            else if (!seen.Add(type))
            {
                errors.Add($"preferences[{i}].type", "Each notification type may appear once.");
            }
            else if (change.InApp == false && IsFixed(type, NotificationChannel.InApp))
            {
                errors.Add($"preferences[{i}].inApp", type == NotificationType.Message
                    ? "New messages are always shown on the site; switch off their email instead."
                    : "Service notices are part of the contract and always shown on the site.");
            }
        }
        errors.ThrowIfAny();

        var defaults = options.Value.Defaults;
        var stored = await db.Set<NotificationPreference>().Where(p => p.MemberId == memberId)
            .ToDictionaryAsync(p => (p.Type, p.Channel), cancellationToken);
        foreach (var change in changes)
        {
            var type = change.Type!.Value;
            foreach (var (channel, wanted) in new[] { (NotificationChannel.InApp, change.InApp), (NotificationChannel.Email, change.Email), (NotificationChannel.Sms, change.Sms) })
            {
                if (wanted is not { } on || IsFixed(type, channel))
                {
                    continue;
                }
                stored.TryGetValue((type, channel), out var row);
                if (on == defaults.For(type).For(channel))
                {
                    if (row is not null)
                    {
                        db.Remove(row);
                    }
                }
                else if (row is null)
                {
                    db.Add(new NotificationPreference { MemberId = memberId, Type = type, Channel = channel, Enabled = on });
                }
                else
                {
                    row.Enabled = on;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(memberId, cancellationToken);
    }
}

/// <summary>The effective choices of some members: their own where they chose, the configured default elsewhere.</summary>
public sealed class PreferenceSet
{
    private readonly Dictionary<(Guid, NotificationType, NotificationChannel), bool> chosen;
    private readonly NotificationDefaults defaults;

    private PreferenceSet(Dictionary<(Guid, NotificationType, NotificationChannel), bool> chosen, NotificationDefaults defaults)
    {
        this.chosen = chosen;
        this.defaults = defaults;
    }

    public static async Task<PreferenceSet> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> memberIds, NotificationDefaults defaults, CancellationToken cancellationToken)
    {
        var rows = await db.Set<NotificationPreference>().AsNoTracking().Where(p => memberIds.Contains(p.MemberId)).ToListAsync(cancellationToken);
        return new PreferenceSet(rows.ToDictionary(p => (p.MemberId, p.Type, p.Channel), p => p.Enabled), defaults);
    }

    public bool IsOn(Guid memberId, NotificationType type, NotificationChannel channel) =>
        NotificationPreferences.IsFixed(type, channel)
        || (chosen.TryGetValue((memberId, type, channel), out var on) ? on : defaults.For(type).For(channel));
}
