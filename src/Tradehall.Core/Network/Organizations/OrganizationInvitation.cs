namespace Tradehall.Core.Network.Organizations;

public enum InvitationStatus
{
    Pending = 1,

    /// <summary>The person said no; the organization may not invite them again for a while.</summary>
    Declined = 2,

    /// <summary>The person joined; the membership row is what counts from then on.</summary>
    Accepted = 3,

    /// <summary>An admin took it back before it was answered.</summary>
    Withdrawn = 4,
}

/// <summary>
/// NET-05: an admin's offer to a person to work at the organization. Only the person's acceptance makes an
/// <see cref="OrganizationMember"/>; until then they are shown nowhere and have no rights in it.
/// Rows stay after the answer, so every invitation sent counts against the sender's limit.
/// </summary>
public sealed class OrganizationInvitation
{
    public const string PendingFilter = "\"Status\" = 1";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>The invited person.</summary>
    public Guid MemberId { get; set; }

    /// <summary>The admin who sent it.</summary>
    public Guid InvitedBy { get; set; }

    public OrganizationRole Role { get; set; }
    public InvitationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

internal sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> b)
    {
        b.ToTable("network_organization_invitations");
        b.HasKey(i => i.Id);
        // A pending invitation is not sent twice, even by two admins at once.
        b.HasIndex(i => new { i.OrganizationId, i.MemberId }).IsUnique().HasFilter(OrganizationInvitation.PendingFilter);
        b.HasIndex(i => new { i.MemberId, i.Status });
        b.HasIndex(i => new { i.InvitedBy, i.CreatedAt });
    }
}
