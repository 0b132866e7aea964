using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts;

/// <summary>
/// Identity's tables, mapped by the module that owns them, so the database context knows no module. The shape is
/// Identity's own (keys, the user-name and role-name indexes, 256-character names, concurrency stamps), which its
/// stores expect; <c>MemberConfiguration</c> adds the member's fields and the one-account-per-email/phone indexes.
/// </summary>
internal sealed class IdentityTables :
    IEntityTypeConfiguration<Member>, IEntityTypeConfiguration<Role>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>, IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>, IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    private const int NameLength = 256;

    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("accounts_users");
        b.HasKey(u => u.Id);
        b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(u => u.UserName).HasMaxLength(NameLength);
        b.Property(u => u.NormalizedUserName).HasMaxLength(NameLength);
        b.Property(u => u.Email).HasMaxLength(NameLength);
        b.Property(u => u.NormalizedEmail).HasMaxLength(NameLength);
        b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
    }

    public void Configure(EntityTypeBuilder<Role> b)
    {
        b.ToTable("accounts_roles");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(r => r.Name).HasMaxLength(NameLength);
        b.Property(r => r.NormalizedName).HasMaxLength(NameLength);
        b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
        b.HasMany<IdentityRoleClaim<Guid>>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b)
    {
        b.ToTable("accounts_user_claims");
        b.HasKey(c => c.Id);
    }

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b)
    {
        b.ToTable("accounts_user_logins");
        b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
    }

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b)
    {
        b.ToTable("accounts_user_tokens");
        b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
    }

    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> b)
    {
        b.ToTable("accounts_user_roles");
        b.HasKey(r => new { r.UserId, r.RoleId });
    }

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> b)
    {
        b.ToTable("accounts_role_claims");
        b.HasKey(c => c.Id);
    }
}
