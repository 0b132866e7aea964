namespace Tradehall.Core.Messaging.Settings;

/// <summary>
/// MSG-02: a member's chat preferences. Read receipts are reciprocal, as in common messengers: a member
/// who switches them off neither tells others what they have read nor sees what others have read.
/// No row means the defaults (receipts on).
/// </summary>
public sealed class ChatSettings
{
    public Guid MemberId { get; set; }
    public bool ReadReceipts { get; set; } = true;
}

public sealed record ChatSettingsRequest(bool? ReadReceipts);

public sealed record ChatSettingsResponse(bool ReadReceipts);

/// <summary>Reads and changes the member's own chat preferences.</summary>
public sealed class ChatPreferences(AppDbContext db)
{
    public async Task<ChatSettingsResponse> GetAsync(Guid memberId, CancellationToken cancellationToken) =>
        new(await ReceiptsOnAsync(memberId, cancellationToken));

    public async Task<ChatSettingsResponse> SaveAsync(Guid memberId, ChatSettingsRequest request, CancellationToken cancellationToken)
    {
        if (request.ReadReceipts is not { } receipts)
        {
            throw DomainException.Field("messaging.read_receipts_required", "readReceipts", "Say whether read receipts are on.");
        }
        var row = await db.Set<ChatSettings>().FindAsync([memberId], cancellationToken);
        if (row is null)
        {
            db.Set<ChatSettings>().Add(row = new ChatSettings { MemberId = memberId });
        }
        row.ReadReceipts = receipts;
        await db.SaveChangesAsync(cancellationToken);
        return new(row.ReadReceipts);
    }

    public async Task<bool> ReceiptsOnAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Set<ChatSettings>().Where(s => s.MemberId == memberId).Select(s => (bool?)s.ReadReceipts).FirstOrDefaultAsync(cancellationToken) ?? true;
}

internal sealed class ChatSettingsConfiguration : IEntityTypeConfiguration<ChatSettings>
{
    public void Configure(EntityTypeBuilder<ChatSettings> b)
    {
        b.ToTable("messaging_settings");
        b.HasKey(s => s.MemberId);
    }
}
