namespace Tradehall.Core.Accounts;

/// <summary>ACC-04: a new account with the same name and date of birth as an existing one, for the operator to review.</summary>
public sealed class PossibleDuplicate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public Guid ExistingMemberId { get; set; }
    public DateTime FlaggedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
}

internal sealed class PossibleDuplicateConfiguration : IEntityTypeConfiguration<PossibleDuplicate>
{
    public void Configure(EntityTypeBuilder<PossibleDuplicate> b)
    {
        b.ToTable("accounts_possible_duplicates");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.MemberId);
        b.HasIndex(d => d.ExistingMemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(d => d.ExistingMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
