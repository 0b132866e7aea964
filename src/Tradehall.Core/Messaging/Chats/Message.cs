namespace Tradehall.Core.Messaging.Chats;

/// <summary>One message. The id grows with every message, so it orders history and marks how far a member has read.</summary>
public sealed class Message
{
    public long Id { get; set; }
    public Guid ChatId { get; set; }
    public Guid SenderId { get; set; }

    /// <summary>Plain text; pages render it inert (line breaks kept, addresses linked).</summary>
    [PersonalData("the conversation the members hold", Retention.WhileAccountExists)]
    public required string Text { get; set; }

    public DateTime SentAt { get; set; }
}

/// <summary>MSG-04: a file sent with a message, stored through the file store under a generated key.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChatId { get; set; }
    public long MessageId { get; set; }
    public required string StorageKey { get; set; }

    /// <summary>The sanitised original name, used only as the name a download is saved under.</summary>
    [PersonalData("showing the file name the sender chose", Retention.WhileAccountExists)]
    public required string FileName { get; set; }

    /// <summary>The type sniffed from the content, never the one the upload claimed.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("messaging_messages");
        b.Property(m => m.Id).ValueGeneratedOnAdd();
        b.HasIndex(m => new { m.ChatId, m.Id });
        b.HasIndex(m => new { m.SenderId, m.SentAt });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("messaging_attachments");
        b.Property(a => a.StorageKey).HasMaxLength(100);
        b.Property(a => a.FileName).HasMaxLength(Attachments.FileNames.MaxLength);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.HasIndex(a => a.MessageId);
        b.HasIndex(a => a.ChatId);
    }
}
