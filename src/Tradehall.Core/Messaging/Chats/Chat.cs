namespace Tradehall.Core.Messaging.Chats;

/// <summary>
/// MSG-01: the chat of two members. A pair has one general chat and one inquiry chat per listing;
/// <see cref="PairKey"/> makes that unique even when two first messages race.
/// </summary>
public sealed class Chat
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The two members in id order plus the listing, e.g. <c>{a:N}:{b:N}:-</c>.</summary>
    public required string PairKey { get; set; }

    /// <summary>The listing an inquiry chat is about; the marketplace owns what it points to.</summary>
    public Guid? ListingId { get; set; }

    /// <summary>Who wrote first: counted against the sandbox's new chats per day (MSG-05).</summary>
    public Guid StartedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime LastMessageAt { get; set; }

    public static string KeyOf(Guid one, Guid two, Guid? listingId)
    {
        var (a, b) = one.CompareTo(two) < 0 ? (one, two) : (two, one);
        return $"{a:N}:{b:N}:{(listingId is { } l ? l.ToString("N") : "-")}";
    }
}

/// <summary>A participant of a chat and how far they have read (a message id; ids grow with time).</summary>
public sealed class ChatMember
{
    public Guid ChatId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OtherId { get; set; }
    public long ReadUpTo { get; set; }
}

internal sealed class ChatConfiguration : IEntityTypeConfiguration<Chat>
{
    public void Configure(EntityTypeBuilder<Chat> b)
    {
        b.ToTable("messaging_chats");
        b.Property(c => c.PairKey).HasMaxLength(100);
        b.HasIndex(c => c.PairKey).IsUnique();
        b.HasIndex(c => new { c.StartedBy, c.CreatedAt });
    }
}

internal sealed class ChatMemberConfiguration : IEntityTypeConfiguration<ChatMember>
{
    public void Configure(EntityTypeBuilder<ChatMember> b)
    {
        b.ToTable("messaging_chat_members");
        b.HasKey(m => new { m.ChatId, m.MemberId });
        b.HasIndex(m => m.MemberId);
    }
}
