namespace Tradehall.Core.Network.Contacts;

public enum ContactStatus
{
    Requested = 1,
    Accepted = 2,

    /// <summary>Kept so the request still counts against the sender's limit; a new request replaces it.</summary>
    Declined = 3,
}

/// <summary>NET-04: a professional contact between two members, requested by one and accepted by the other.</summary>
public sealed class Contact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequesterId { get; set; }
    public Guid AddresseeId { get; set; }
    public ContactStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }

    public Guid Other(Guid memberId) => memberId == RequesterId ? AddresseeId : RequesterId;
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("network_contacts");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.RequesterId, c.AddresseeId }).IsUnique();
        b.HasIndex(c => new { c.AddresseeId, c.Status });
        b.HasIndex(c => new { c.RequesterId, c.CreatedAt });
    }
}
